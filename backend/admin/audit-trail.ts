import type { AuditEntry } from '../db/audit-log.repository.js';
import type { Database } from '../db/database.js';
import { repositoriesFor } from '../db/repositories.js';
import { LedgerlineError } from '../domain/errors.js';
import { requireAdmin, type AdminActor } from './admin-actor.js';

/** Which audit rows to read: a period, a kind of entity (`site`) or one entity (`site:12`), an actor. */
export interface AuditFilter {
  /** Epoch ms, inclusive. */
  fromMs?: number;
  /** Epoch ms, exclusive. */
  toMs?: number;
  entity?: string;
  /** Object id or UPN. */
  actor?: string;
  /** From the previous page's `nextCursor`. */
  cursor?: string;
  limit: number;
}

/** A page of the audit log, newest first, and the cursor of the next (null on the last page). */
export interface AuditPage {
  entries: AuditEntry[];
  nextCursor: string | null;
}

/** The audit log as administrators read it: newest first, a page at a time by keyset. */
export class AuditTrail {
  constructor(private readonly database: Database) {}

  /** One page of rows matching the filter. */
  async page(actor: AdminActor, filter: AuditFilter): Promise<AuditPage> {
    requireAdmin(actor);
    const [entityType, ...key] = filter.entity?.split(':') ?? [];
    const rows = await repositoriesFor(this.database.kysely, this.database).auditLog.list({
      ...(filter.fromMs === undefined ? {} : { fromMs: filter.fromMs }),
      ...(filter.toMs === undefined ? {} : { toMs: filter.toMs }),
      ...(entityType ? { entityType } : {}),
      ...(key.length > 0 ? { entityKey: key.join(':') } : {}),
      ...(filter.actor === undefined ? {} : { actor: filter.actor }),
      ...(filter.cursor === undefined ? {} : { after: readCursor(filter.cursor) }),
      limit: filter.limit + 1,
    });
    const entries = rows.slice(0, filter.limit);
    const last = entries.at(-1);
    return {
      entries,
      nextCursor: rows.length > filter.limit && last ? writeCursor(last) : null,
    };
  }
}

function writeCursor(entry: AuditEntry): string {
  return Buffer.from(`${entry.at}.${entry.id}`).toString('base64url');
}

function readCursor(cursor: string): { at: number; id: number } {
  const match = /^(\d{1,15})\.(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw new LedgerlineError('invalid-input', 'cursor: not a cursor this API gave');
  return { at: Number(match[1]), id: Number(match[2]) };
}
