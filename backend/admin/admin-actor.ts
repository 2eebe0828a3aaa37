import type { AuditAction } from '../db/audit-log.repository.js';
import type { Repositories } from '../db/repositories.js';
import { LedgerlineError } from '../domain/errors.js';
import type { Principal } from '../domain/principal.js';

/**
 * Who makes an administrative change and the request it came in: every service call takes one,
 * so the audit log can say who and the services can refuse anyone but an administrator.
 */
export interface AdminActor {
  principal: Principal;
  /** The HTTP request id (or the bot activity id), to find the change in the server's log. */
  requestId: string | null;
}

/**
 * Refuses anyone but an administrator. The API routes are already admin-only; the services check
 * again so that another caller (the bot) cannot forget to.
 */
export function requireAdmin(actor: AdminActor): void {
  if (actor.principal.role !== 'admin')
    throw new LedgerlineError('forbidden', 'only administrators may change the configuration');
}

/** One change for the audit log: what was done to which entity, and how it was before and after. */
export interface Change {
  action: AuditAction;
  entityType: string;
  entityKey: string | number;
  before: unknown;
  after: unknown;
}

/** Writes the audit row of a change, with the repositories of the change's own transaction. */
export async function recordChange(repos: Repositories, actor: AdminActor, change: Change): Promise<void> {
  await repos.auditLog.append({
    actorObjectId: actor.principal.objectId,
    actorName: actor.principal.upn ?? actor.principal.displayName,
    action: change.action,
    entityType: change.entityType,
    entityKey: String(change.entityKey),
    before: change.before,
    after: change.after,
    requestId: actor.requestId,
  });
}

/**
 * Refuses to delete something other rows still point at, naming them: `site MIL is still used by
 * 3 users and stored calls`. Counts of zero are left out; nothing left means the delete may go on.
 */
export function refuseWhileUsed(what: string, usage: Record<string, number | boolean>): void {
  const users = Object.entries(usage)
    .filter(([, count]) => count !== 0 && count !== false)
    .map(([name, count]) =>
      typeof count === 'number' ? `${count} ${count === 1 ? name.replace(/s$/, '') : name}` : name,
    );
  if (users.length === 0) return;
  const list = users.length === 1 ? users[0] : `${users.slice(0, -1).join(', ')} and ${users.at(-1)}`;
  throw new LedgerlineError('conflict', `${what} is still used by ${list}`);
}
