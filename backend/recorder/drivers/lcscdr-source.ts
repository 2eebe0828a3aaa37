import { sql, type Kysely } from 'kysely';
import type { CallRecord, Party } from '../../domain/call-record.js';
import type { CdrSource, OpenSessionsCheck, PurgeHorizon, SourceBatch } from '../cdr-source.js';
import { fromLcsCdrDatetime, toLcsCdrDatetime } from '../lcscdr/lcscdr-datetime.js';
import type { LcsCdrDatetime, LcsCdrSchema } from '../lcscdr/lcscdr-schema.js';

/** The SQL each engine needs where they differ: how to bind a datetime and how to cap rows. */
export interface LcsCdrEngine {
  /** A datetime parameter: replica text on SQLite, a Date on SQL Server. */
  datetime(ms: number): unknown;
  /** `limit n` (SQLite) or `top (n)` (SQL Server). */
  rowLimit: 'limit' | 'top';
}

/** How the driver reads sessions. */
export interface LcsCdrOptions {
  /**
   * Site code per gateway or Mediation Server name, for records whose site the PSTN leg tells.
   */
  siteByGateway?: Readonly<Record<string, string>>;
  /**
   * A session still without an end time after this many hours is recorded as it stands (no talk
   * time) with a warning, instead of being waited for for ever.
   */
  staleOpenHours?: number;
  /** What "now" is (tests). */
  now?: () => number;
}

const AUDIO = 16;
const RETRIED = 1;

/** The session columns every decision needs (the look-back reads only these). */
interface SessionState {
  SessionIdTime: LcsCdrDatetime;
  SessionIdSeq: number;
  ResponseCode: number | null;
  SessionEndTime: LcsCdrDatetime | null;
  MediaTypes: number | null;
  CallFlag: number | null;
}

interface SessionRow extends SessionState {
  InviteTime: LcsCdrDatetime | null;
  ResponseTime: LcsCdrDatetime | null;
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
  FromMediationServer: string | null;
  ToMediationServer: string | null;
}

/** A session key as the checkpoint and the CallRecord sourceId write it: `ISO time#seq`. */
export function sessionPosition(timeMs: number, seq: number): string {
  return `${new Date(timeMs).toISOString()}#${seq}`;
}

/** The time and sequence number of a session key. */
export function parsePosition(position: string): { timeMs: number; seq: number } {
  const [time, seq] = position.split('#');
  const timeMs = Date.parse(time ?? '');
  if (Number.isNaN(timeMs) || !/^\d+$/.test(seq ?? ''))
    throw new Error(`not an LcsCDR position: "${position}"`);
  return { timeMs, seq: Number(seq) };
}

/**
 * Reads Skype for Business audio calls from LcsCDR (SQL Server, or its SQLite replica): sessions
 * joined to VoIP details, users, phones, gateways and Mediation Servers, in key order. Outbound
 * when the call left through a gateway, inbound when it came in through one, internal otherwise.
 * A retried attempt that was not answered (CallFlag bit 1) is skipped, the answered one kept; a
 * session still in progress (answered, or not answered yet, and no end time) is reported as open,
 * for the recorder to read again until it ends.
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
    const rows = (await this.sessionsQuery({ after: position }, limit).execute()) as SessionRow[];
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
      if (this.skipped(row)) batch.skipped++;
      else if (this.inProgress(row, startedAt)) batch.open.push(key);
      else batch.records.push(this.settle(row, key, startedAt, batch.warnings));
    }
    return batch;
  }

  async settledKeys(fromMs: number, upTo: string): Promise<string[]> {
    const { timeMs, seq } = parsePosition(upTo);
    const to = this.engine.datetime(timeMs);
    const rows = (await this.db
      .selectFrom('SessionDetails as sd')
      .innerJoin('VoipDetails as vd', (join) =>
        join
          .onRef('vd.SessionIdTime', '=', 'sd.SessionIdTime')
          .onRef('vd.SessionIdSeq', '=', 'sd.SessionIdSeq'),
      )
      .select([
        'sd.SessionIdTime',
        'sd.SessionIdSeq',
        'sd.ResponseCode',
        'sd.SessionEndTime',
        'sd.MediaTypes',
        'sd.CallFlag',
      ])
      .where(sql<boolean>`(sd.MediaTypes & ${AUDIO}) = ${AUDIO}`)
      .where('sd.SessionIdTime', '>=', this.engine.datetime(fromMs) as never)
      .where(({ or, and, eb }) =>
        or([
          eb('sd.SessionIdTime', '<', to as never),
          and([eb('sd.SessionIdTime', '=', to as never), eb('sd.SessionIdSeq', '<=', seq)]),
        ]),
      )
      .execute()) as SessionState[];
    const keys: string[] = [];
    for (const row of rows) {
      const startedAt = fromLcsCdrDatetime(row.SessionIdTime);
      if (!this.skipped(row) && !this.inProgress(row, startedAt))
        keys.push(sessionPosition(startedAt, row.SessionIdSeq));
    }
    return keys;
  }

  async checkOpen(keys: readonly string[]): Promise<OpenSessionsCheck> {
    const check: OpenSessionsCheck = { records: [], stillOpen: [], gone: [], warnings: [] };
    const found = new Map<string, SessionRow>();
    // Three parameters a key: batches stay well under SQL Server's 2,100.
    for (let start = 0; start < keys.length; start += 500) {
      const batch = keys.slice(start, start + 500);
      const rows = (await this.sessionsQuery({ keys: batch }, batch.length).execute()) as SessionRow[];
      for (const row of rows)
        found.set(sessionPosition(fromLcsCdrDatetime(row.SessionIdTime), row.SessionIdSeq), row);
    }
    for (const key of keys) {
      const row = found.get(key);
      const startedAt = row ? fromLcsCdrDatetime(row.SessionIdTime) : 0;
      if (!row || this.skipped(row)) check.gone.push(key);
      else if (this.inProgress(row, startedAt)) check.stillOpen.push(key);
      else check.records.push(this.settle(row, key, startedAt, check.warnings));
    }
    return check;
  }

  async purgeHorizon(now: number): Promise<PurgeHorizon | null> {
    // Without read access to PurgeSettings, Microsoft's defaults (purge on, 60 days) are assumed.
    const settings = await this.db
      .selectFrom('PurgeSettings')
      .select(['EnablePurge', 'KeepCallDetailForDays'])
      .execute()
      .catch(() => []);
    const row = settings[0];
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
    return this.sessionsQuery({ after: position }, limit).compile();
  }

  /** Not a call to record: not audio, or a retried attempt that was not answered. */
  private skipped(row: SessionState): boolean {
    return (
      ((row.MediaTypes ?? 0) & AUDIO) === 0 ||
      (((row.CallFlag ?? 0) & RETRIED) !== 0 && row.ResponseCode !== 200)
    );
  }

  /**
   * Still going on: no end time, and either answered or not answered yet (a final refusal, 4xx to
   * 6xx, ends an unanswered call even without an end time). After `staleOpenHours` it counts as over.
   */
  private inProgress(row: SessionState, startedAt: number): boolean {
    if (row.SessionEndTime !== null) return false;
    const refused = row.ResponseCode !== null && row.ResponseCode >= 300;
    return !refused && this.now() - startedAt < this.staleOpenMs;
  }

  /** A finished session (or one open past the limit, recorded as it stands) as a call. */
  private settle(row: SessionRow, key: string, startedAt: number, warnings: string[]): CallRecord {
    if (row.SessionEndTime === null && (row.ResponseCode === null || row.ResponseCode < 300)) {
      warnings.push(
        `session ${key} has had no end time for over ${this.staleOpenMs / 3_600_000} h: recorded without talk time`,
      );
    }
    return this.toRecord(row, key, startedAt);
  }

  private sessionsQuery(range: { after: string | null } | { keys: readonly string[] }, limit: number) {
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
      .leftJoin(
        'MediationServers as fromMediation',
        'fromMediation.MediationServerId',
        'vd.FromMediationServerId',
      )
      .leftJoin('MediationServers as toMediation', 'toMediation.MediationServerId', 'vd.ToMediationServerId')
      .select([
        'sd.SessionIdTime',
        'sd.SessionIdSeq',
        'sd.InviteTime',
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
        'fromMediation.MediationServer as FromMediationServer',
        'toMediation.MediationServer as ToMediationServer',
      ])
      // Audio only, in SQL: an instant-messaging or video session never holds audio back.
      .where(sql<boolean>`(sd.MediaTypes & ${AUDIO}) = ${AUDIO}`)
      .orderBy('sd.SessionIdTime')
      .orderBy('sd.SessionIdSeq');
    if ('keys' in range) {
      query = query.where(({ or, and, eb }) =>
        or(
          range.keys.map((key) => {
            const { timeMs, seq } = parsePosition(key);
            return and([
              eb('sd.SessionIdTime', '=', this.engine.datetime(timeMs) as never),
              eb('sd.SessionIdSeq', '=', seq),
            ]);
          }),
        ),
      );
    } else if (range.after !== null) {
      const { timeMs, seq } = parsePosition(range.after);
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
    const respondedAt = row.ResponseTime === null ? null : fromLcsCdrDatetime(row.ResponseTime);
    // An unanswered call refused without an end time ended with the refusal.
    const endedAt =
      row.SessionEndTime !== null ? fromLcsCdrDatetime(row.SessionEndTime) : (respondedAt ?? startedAt);
    // Ringing starts with the first INVITE (the session request, when LcsCDR has no INVITE time).
    const invitedAt =
      row.InviteTime === null ? startedAt : Math.max(startedAt, fromLcsCdrDatetime(row.InviteTime));
    const startedByUser1 = row.SessionStartedById === null || row.SessionStartedById === row.User1Id;
    const starter = row.StarterUri ?? row.User1Uri;
    const other = startedByUser1 ? row.User2Uri : row.User1Uri;
    const calleeUri = direction === 'outbound' ? (row.TargetUri ?? other) : (other ?? row.TargetUri);
    const trunk = direction === 'outbound' ? row.ToGateway : direction === 'inbound' ? row.FromGateway : null;
    const mediation =
      direction === 'outbound'
        ? row.ToMediationServer
        : direction === 'inbound'
          ? row.FromMediationServer
          : null;
    const sites = this.options.siteByGateway ?? {};
    const site = (trunk ? sites[trunk] : undefined) ?? (mediation ? sites[mediation] : undefined) ?? null;
    const caller: Party = { uri: sipUri(starter), number: phoneNumber(row.FromNumber) };
    const callee: Party = { uri: sipUri(calleeUri), number: phoneNumber(row.ConnectedNumber) };
    return {
      v: 1,
      source: this.id,
      sourceId: key,
      startedAt: new Date(startedAt).toISOString(),
      answeredAt: answeredAt === null ? null : new Date(answeredAt).toISOString(),
      endedAt: new Date(Math.max(endedAt, startedAt)).toISOString(),
      durationSec: answeredAt === null ? 0 : Math.max(0, Math.round((endedAt - answeredAt) / 1000)),
      ringSec: Math.max(0, Math.round(((answeredAt ?? endedAt) - invitedAt) / 1000)),
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
