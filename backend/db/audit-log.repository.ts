import type { Kysely, Selectable } from 'kysely';
import type { AuditLogTable, BillingSchema } from './billing-schema.js';
import type { EngineAdapter } from './engine-adapter.js';
import { insertReturningId } from './inserted-id.js';
import { limitRows } from './row-limit.js';

/** What a change did to its entity. */
export type AuditAction = AuditLogTable['action'];

/** One change to write: who made it, what it was, and the entity before and after (plain JSON values). */
export interface AuditRecord {
  actorObjectId: string;
  /** The actor's UPN, else display name, for people reading the log. */
  actorName: string | null;
  action: AuditAction;
  entityType: string;
  /** The entity's id or natural key, as text. */
  entityKey: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

/** A stored audit row. */
export interface AuditEntry extends AuditRecord {
  id: number;
  /** Epoch ms. */
  at: number;
}

/** Which audit rows to read, newest first: a period, one kind of entity (or one entity), one actor. */
export interface AuditQuery {
  /** Epoch ms, inclusive. */
  fromMs?: number;
  /** Epoch ms, exclusive. */
  toMs?: number;
  entityType?: string;
  entityKey?: string;
  /** The actor's object id or name (UPN). */
  actor?: string;
  /** Rows older than this one (keyset paging): the last row of the previous page. */
  after?: { at: number; id: number };
  limit: number;
}

/** The audit log: written with each administrative change, read newest first a page at a time. */
export class AuditLogRepository {
  constructor(
    private readonly db: Kysely<BillingSchema>,
    private readonly adapter: EngineAdapter,
    private readonly now: () => number = Date.now,
  ) {}

  /** Writes one row (in the transaction of the change it records); returns its id. */
  async append(record: AuditRecord): Promise<number> {
    return insertReturningId(
      this.adapter.capabilities,
      this.db.insertInto('audit_log').values({
        at: this.now(),
        actor_object_id: record.actorObjectId.slice(0, 64),
        actor_name: record.actorName?.slice(0, 256) ?? null,
        action: record.action,
        entity_type: record.entityType,
        entity_key: record.entityKey.slice(0, 200),
        before_json: record.before == null ? null : JSON.stringify(record.before),
        after_json: record.after == null ? null : JSON.stringify(record.after),
        request_id: record.requestId?.slice(0, 64) ?? null,
      }),
    );
  }

  /** Rows matching `query`, newest first. */
  async list(query: AuditQuery): Promise<AuditEntry[]> {
    return (await this.listQuery(query).execute()).map(toEntry);
  }

  /** The statement `list` runs, compiled (to check the SQL an engine gets). */
  compileList(query: AuditQuery) {
    return this.listQuery(query).compile();
  }

  private listQuery(query: AuditQuery) {
    let select = this.db.selectFrom('audit_log').selectAll();
    if (query.fromMs !== undefined) select = select.where('at', '>=', query.fromMs);
    if (query.toMs !== undefined) select = select.where('at', '<', query.toMs);
    if (query.entityType !== undefined) select = select.where('entity_type', '=', query.entityType);
    if (query.entityKey !== undefined) select = select.where('entity_key', '=', query.entityKey);
    if (query.actor !== undefined) {
      const actor = query.actor;
      select = select.where((eb) =>
        eb.or([
          eb('actor_object_id', '=', actor),
          eb('actor_name', 'in', [...new Set([actor, actor.toLowerCase()])]),
        ]),
      );
    }
    if (query.after !== undefined) {
      const { at, id } = query.after;
      select = select.where((eb) =>
        eb.or([eb('at', '<', at), eb.and([eb('at', '=', at), eb('id', '<', id)])]),
      );
    }
    return limitRows(
      select.orderBy('at', 'desc').orderBy('id', 'desc'),
      this.adapter.capabilities,
      query.limit,
    );
  }
}

function toEntry(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: Number(row.id),
    at: Number(row.at),
    actorObjectId: row.actor_object_id,
    actorName: row.actor_name,
    action: row.action,
    entityType: row.entity_type,
    entityKey: row.entity_key,
    before: row.before_json === null ? null : JSON.parse(row.before_json),
    after: row.after_json === null ? null : JSON.parse(row.after_json),
    requestId: row.request_id,
  };
}
