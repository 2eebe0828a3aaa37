import type { AlarmFilter, AlarmRecord } from '../db/alarm.repository.js';
import type { Database } from '../db/database.js';
import { inTransaction, repositoriesFor } from '../db/repositories.js';
import { LedgerlineError } from '../domain/errors.js';
import type { Principal } from '../domain/principal.js';

/**
 * Alarms as people see them, for the API, the bot and the CLI alike: each sees only what their
 * scope allows (their own, their departments', or all with system alarms for admins).
 */
export class AlarmService {
  constructor(
    private readonly database: Database,
    private readonly now: () => number = Date.now,
  ) {}

  /** The alarms the person may see, newest first. */
  list(principal: Principal, filter: Omit<AlarmFilter, 'scope'>): Promise<AlarmRecord[]> {
    return this.repos().alarms.list({ ...filter, scope: principal.scope });
  }

  /** One alarm the person may see, or null (also when it exists but is not theirs to see). */
  get(principal: Principal, id: number): Promise<AlarmRecord | null> {
    return this.repos().alarms.getVisible(id, principal.scope);
  }

  /**
   * Acknowledges an alarm in the person's name; an alarm acknowledged before keeps its first
   * acknowledgement. not-found when the person may not see it.
   */
  acknowledge(principal: Principal, id: number): Promise<AlarmRecord> {
    return inTransaction(this.database, async (repos) => {
      const alarm = await repos.alarms.getVisible(id, principal.scope);
      if (!alarm) throw new LedgerlineError('not-found', `there is no alarm ${id}`);
      await repos.alarms.acknowledge(
        id,
        principal.upn ?? principal.displayName ?? principal.objectId,
        this.now(),
      );
      return (await repos.alarms.get(id)) as AlarmRecord;
    });
  }

  private repos() {
    return repositoriesFor(this.database.kysely, this.database);
  }
}
