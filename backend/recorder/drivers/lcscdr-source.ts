import { sql, type Kysely } from 'kysely';
import type { CallRecord, Party } from '../../domain/call-record.js';
import { fromLcsCdrDatetime, toLcsCdrDatetime } from '../lcscdr/lcscdr-datetime.js';
import type { LcsCdrDatetime, LcsCdrSchema } from '../lcscdr/lcscdr-schema.js';
import type { CdrSource, OpenSessionsCheck, PurgeHorizon, SourceBatch } from '../cdr-source.js';

/** The SQL each engine needs where they differ: how to bind a datetime and how to cap rows. */
export interface LcsCdrEngine {
  /** A datetime parameter: replica text on SQLite, a Date on SQL Server. */
  datetime(ms: number): unknown;
  /** `limit n` (SQLite) or `top (n)` (SQL Server). */
  rowLimit: 'limit' | 'top';
}

/** How the driver reads sessions. */
export interface LcsCdrOptions {
  /** Site code per gateway name, for records whose site the gateway tells. */
  siteByGateway?: Readonly<Record<string, string>>;
  /**
   * A session still without an end time after this many hours is recorded as it stands (no talk
   * time) with a warning, instead of holding back every later session for ever.
   */
  staleOpenHours?: number;
  /** What "now" is (tests). */
  now?: () => number;
}

const AUDIO = 16;
const RETRIED = 1;

interface SessionRow {
  SessionIdTime: LcsCdrDatetime;
  SessionIdSeq: number;
  ResponseTime: LcsCdrDatetime | null;
  ResponseCode: number | null;
  SessionEndTime: LcsCdrDatetime | null;
  MediaTypes: number | null;
  CallFlag: number | null;
  SessionStartedById: number | null;
  User1Id: number | null;
  StarterUri: string | null;
  User1Uri: string | null;
  User2Uri: string | null;
  TargetUri: string | null;
  FromNumber: string | null;
  ConnectedNumber: string | null;
  FromGatewayId: number | null;
  ToGatewayId: number | null;
  FromGateway: string | null;
  ToGateway: string | null;
}

/** A session key as the checkpoint and the CallRecord sourceId write it: `ISO time#seq`. */
export function sessionPosition(timeMs: number, seq: number): string {
  return `${new Date(timeMs).toISOString()}#${seq}`;
}

function parsePosition(position: string): { timeMs: number; seq: number } {
  const [time, seq] = position.split('#');
  const timeMs = Date.parse(time ?? '');
  if (Number.isNaN(timeMs) || !/^\d+$/.test(seq ?? ''))
    throw new Error(`not an LcsCDR position: "${position}"`);
  return { timeMs, seq: Number(seq) };
}

/**
 * Reads Skype for Business audio calls from LcsCDR (SQL Server, or its SQLite replica): sessions
 * joined to VoIP details, users, phones and gateways, in key order. Outbound when the call left
 * through a gateway, inbound when it came in through one, internal otherwise. Retried sessions
 * (CallFlag bit 1) are skipped; sessions still in progress are reported as open, for the recorder
 * to read again until they end (after `staleOpenHours` they are recorded as they stand).
 */
export class LcsCdrSource implements CdrSource {
  readonly id = 'sfb';
  private readonly staleOpenMs: number;
  private readonly now: () => number;

  constructor(
    private readonly db: Kysely<LcsCdrSchema>,
    private readonly engine: LcsCdrEngine,
    readonly description: string,
    private readonly options: LcsCdrOptions = {},
  ) {
    this.staleOpenMs = (options.staleOpenHours ?? 24) * 3_600_000;
    this.now = options.now ?? Date.now;
  }

  async read(position: string | null, limit: number): Promise<SourceBatch> {
    const rows = await this.sessionsAfter(position, limit);
    const batch: SourceBatch = {
      records: [],
      open: [],
      last: null,
      more: rows.length === limit,
      skipped: 0,
      warnings: [],
    };
    for (const row of rows) {
      const startedAt = fromLcsCdrDatetime(row.SessionIdTime);
      const key = sessionPosition(startedAt, row.SessionIdSeq);
      batch.last = key;
      if (((row.MediaTypes ?? 0) & AUDIO) === 0 || ((row.CallFlag ?? 0) & RETRIED) !== 0) batch.skipped++;
      else if (this.stillOpen(row, startedAt)) batch.open.push(key);
      else batch.records.push(this.settle(row, key, startedAt, batch.warnings));
    }
    return batch;
  }

  async checkOpen(keys: readonly string[]): Promise<OpenSessionsCheck> {
    const check: OpenSessionsCheck = { records: [], stillOpen: [], gone: 0, warnings: [] };
    if (keys.length === 0) return check;
    const found = new Map<string, SessionRow>();
    // Three parameters a key: batches stay well under SQL Server's 2,100.
    for (let start = 0; start < keys.length; start += 500) {
      const rows = (await this.sessionsQuery(
        null,
        500,
        keys.slice(start, start + 500),
      ).execute()) as SessionRow[];
      for (const row of rows)
        found.set(sessionPosition(fromLcsCdrDatetime(row.SessionIdTime), row.SessionIdSeq), row);
    }
    for (const key of keys) {
      const row = found.get(key);
      if (!row) check.gone++;
      else if (this.stillOpen(row, fromLcsCdrDatetime(row.SessionIdTime))) check.stillOpen.push(key);
      else check.records.push(this.settle(row, key, fromLcsCdrDatetime(row.SessionIdTime), check.warnings));
    }
    return check;
  }

  /** In progress, and not yet so long that it must have been abandoned. */
  private stillOpen(row: SessionRow, startedAt: number): boolean {
    return row.SessionEndTime === null && this.now() - startedAt < this.staleOpenMs;
  }

  /** A finished session (or one open past the limit, recorded as it stands) as a call. */
  private settle(row: SessionRow, key: string, startedAt: number, warnings: string[]): CallRecord {
    if (row.SessionEndTime === null) {
      warnings.push(
        `session ${key} has had no end time for over ${this.staleOpenMs / 3_600_000} h: recorded without talk time`,
      );
    }
    return this.toRecord(row, key, startedAt);
  }

  async purgeHorizon(now: number): Promise<PurgeHorizon | null> {
    const settings = await this.db
      .selectFrom('PurgeSettings')
      .select(['EnablePurge', 'KeepCallDetailForDays'])
      .execute()
      .catch(() => []);
    const row = settings[0];
    // Microsoft's defaults when the settings cannot be read: purge on, 60 days.
    if (row && (row.EnablePurge === false || row.EnablePurge === 0)) return null;
    const keepDays = row?.KeepCallDetailForDays ?? 60;
    return { keepDays, oldestKeptMs: now - keepDays * 86_400_000 };
  }

  async oldestPosition(): Promise<string | null> {
    const query = this.db
      .selectFrom('SessionDetails')
      .select(['SessionIdTime', 'SessionIdSeq'])
      .orderBy('SessionIdTime')
      .orderBy('SessionIdSeq');
    const row = await (this.engine.rowLimit === 'top' ? query.top(1) : query.limit(1)).executeTakeFirst();
    return row ? sessionPosition(fromLcsCdrDatetime(row.SessionIdTime), row.SessionIdSeq) : null;
  }

  close(): Promise<void> {
    return this.db.destroy();
  }

  /** The query the driver runs, compiled (to check the SQL an engine receives). */
  compileRead(position: string | null, limit: number) {
    return this.sessionsQuery(position, limit).compile();
  }

  private async sessionsAfter(position: string | null, limit: number): Promise<SessionRow[]> {
    return (await this.sessionsQuery(position, limit).execute()) as SessionRow[];
  }

  private sessionsQuery(position: string | null, limit: number, keys?: readonly string[]) {
    let query = this.db
      .selectFrom('SessionDetails as sd')
      .innerJoin('VoipDetails as vd', (join) =>
        join
          .onRef('vd.SessionIdTime', '=', 'sd.SessionIdTime')
          .onRef('vd.SessionIdSeq', '=', 'sd.SessionIdSeq'),
      )
      .leftJoin('Users as starter', 'starter.UserId', 'sd.SessionStartedById')
      .leftJoin('Users as u1', 'u1.UserId', 'sd.User1Id')
      .leftJoin('Users as u2', 'u2.UserId', 'sd.User2Id')
      .leftJoin('Users as target', 'target.UserId', 'sd.TargetUserId')
      .leftJoin('Phones as fromPhone', 'fromPhone.PhoneId', 'vd.FromNumberId')
      .leftJoin('Phones as toPhone', 'toPhone.PhoneId', 'vd.ConnectedNumberId')
      .leftJoin('Gateways as fromGateway', 'fromGateway.GatewayId', 'vd.FromGatewayId')
      .leftJoin('Gateways as toGateway', 'toGateway.GatewayId', 'vd.ToGatewayId')
      .select([
        'sd.SessionIdTime',
        'sd.SessionIdSeq',
        'sd.ResponseTime',
        'sd.ResponseCode',
        'sd.SessionEndTime',
        'sd.MediaTypes',
        'sd.CallFlag',
        'sd.SessionStartedById',
        'sd.User1Id',
        'starter.UserUri as StarterUri',
        'u1.UserUri as User1Uri',
        'u2.UserUri as User2Uri',
        'target.UserUri as TargetUri',
        'fromPhone.PhoneUri as FromNumber',
        'toPhone.PhoneUri as ConnectedNumber',
        'vd.FromGatewayId',
        'vd.ToGatewayId',
        'fromGateway.Gateway as FromGateway',
        'toGateway.Gateway as ToGateway',
      ])
      // Audio only, in SQL: an instant-messaging or video session left open never holds audio back.
      .where(sql<boolean>`(sd.MediaTypes & ${AUDIO}) = ${AUDIO}`)
      .orderBy('sd.SessionIdTime')
      .orderBy('sd.SessionIdSeq');
    if (keys !== undefined) {
      query = query.where(({ or, and, eb }) =>
        or(
          keys.map((key) => {
            const { timeMs, seq } = parsePosition(key);
            return and([
              eb('sd.SessionIdTime', '=', this.engine.datetime(timeMs) as never),
              eb('sd.SessionIdSeq', '=', seq),
            ]);
          }),
        ),
      );
    } else if (position !== null) {
      const { timeMs, seq } = parsePosition(position);
      const time = this.engine.datetime(timeMs);
      query = query.where(({ or, and, eb }) =>
        or([
          eb('sd.SessionIdTime', '>', time as never),
          and([eb('sd.SessionIdTime', '=', time as never), eb('sd.SessionIdSeq', '>', seq)]),
        ]),
      );
    }
    return this.engine.rowLimit === 'top' ? query.top(limit) : query.limit(limit);
  }

  private toRecord(row: SessionRow, key: string, startedAt: number): CallRecord {
    const direction =
      row.ToGatewayId !== null ? 'outbound' : row.FromGatewayId !== null ? 'inbound' : 'internal';
    const answered = row.ResponseCode === 200 && row.ResponseTime !== null;
    const answeredAt = answered ? fromLcsCdrDatetime(row.ResponseTime as LcsCdrDatetime) : null;
    const endedAt =
      row.SessionEndTime !== null ? fromLcsCdrDatetime(row.SessionEndTime) : (answeredAt ?? startedAt);
    const startedByUser1 = row.SessionStartedById === null || row.SessionStartedById === row.User1Id;
    const starter = row.StarterUri ?? row.User1Uri;
    const other = startedByUser1 ? row.User2Uri : row.User1Uri;
    const calleeUri = direction === 'outbound' ? (row.TargetUri ?? other) : (other ?? row.TargetUri);
    const trunk = direction === 'outbound' ? row.ToGateway : direction === 'inbound' ? row.FromGateway : null;
    const site = trunk ? (this.options.siteByGateway?.[trunk] ?? null) : null;
    const caller: Party = { uri: sipUri(starter), number: phoneNumber(row.FromNumber) };
    const callee: Party = { uri: sipUri(calleeUri), number: phoneNumber(row.ConnectedNumber) };
    return {
      v: 1,
      source: this.id,
      sourceId: key,
      startedAt: new Date(startedAt).toISOString(),
      answeredAt: answeredAt === null ? null : new Date(answeredAt).toISOString(),
      endedAt: new Date(endedAt).toISOString(),
      durationSec: answeredAt === null ? 0 : Math.max(0, Math.round((endedAt - answeredAt) / 1000)),
      ringSec: Math.max(0, Math.round(((answeredAt ?? endedAt) - startedAt) / 1000)),
      direction,
      answered,
      responseCode: row.ResponseCode,
      caller,
      callee,
      trunk,
      site,
    };
  }
}

/** LcsCDR keeps user URIs without a scheme ("alice@contoso.com", "+3902…@contoso.com;user=phone"). */
function sipUri(uri: string | null): string | null {
  if (uri === null || uri.trim() === '') return null;
  return /^(sips?|tel):/i.test(uri) ? uri : `sip:${uri}`;
}

function phoneNumber(uri: string | null): string | null {
  return uri === null || uri.trim() === '' ? null : uri;
}

/** The datetime parameter and row cap of the SQLite replica. */
export const REPLICA_ENGINE: LcsCdrEngine = { datetime: toLcsCdrDatetime, rowLimit: 'limit' };

/** The datetime parameter and row cap of SQL Server. */
export const SQL_SERVER_ENGINE: LcsCdrEngine = { datetime: (ms) => new Date(ms), rowLimit: 'top' };
