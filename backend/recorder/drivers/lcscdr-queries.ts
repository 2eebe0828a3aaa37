import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { SessionSpan } from '../cdr-source.js';
import type { LcsCdrDatetime, LcsCdrSchema } from '../lcscdr/lcscdr-schema.js';
import { parsePosition } from './lcscdr-position.js';

/** The SQL each engine needs where they differ: how to bind a datetime and how to cap rows. */
export interface LcsCdrEngine {
  /** A datetime parameter: replica text on SQLite, a Date on SQL Server. */
  datetime(ms: number): unknown;
  /** `limit n` (SQLite) or `top (n)` (SQL Server). */
  rowLimit: 'limit' | 'top';
}

/** A stretch of SessionIdTime, both ends included. */
export interface TimeRange {
  fromMs: number;
  toMs: number;
}

/** The columns of a session the driver turns into a call. */
export interface SessionRow {
  SessionIdTime: LcsCdrDatetime;
  SessionIdSeq: number;
  CorrelationId: string | null;
  InviteTime: LcsCdrDatetime | null;
  ResponseTime: LcsCdrDatetime | null;
  ResponseCode: number | null;
  SessionEndTime: LcsCdrDatetime | null;
  MediaTypes: number | null;
  CallFlag: number | null;
  SessionStartedById: number | null;
  User1Id: number | null;
  TargetUserId: number | null;
  ConnectedNumberId: number | null;
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

/** What pairing a retried session with the attempt it repeats needs. */
export interface RetryRow {
  SessionIdTime: LcsCdrDatetime;
  SessionIdSeq: number;
  CorrelationId: string | null;
  InviteTime: LcsCdrDatetime | null;
  SessionStartedById: number | null;
  TargetUserId: number | null;
  ConnectedNumberId: number | null;
}

/** `MediaTypes` bit of audio. */
export const AUDIO = 16;
/** `CallFlag` bits: a retried session; a call made by an agent on behalf of a response group. */
export const RETRIED = 1;
export const AGENT_LEG = 2;

/** Key pairs per statement when reading sessions by key: two parameters each, well under SQL Server's 2,100. */
export const KEYS_PER_QUERY = 500;

type Joined = ExpressionBuilder<
  LcsCdrSchema & { sd: LcsCdrSchema['SessionDetails']; vd: LcsCdrSchema['VoipDetails'] },
  'sd' | 'vd'
>;

/**
 * The statements the LcsCDR driver sends, the same on SQL Server and on the SQLite replica. Every
 * range condition is on `SessionIdTime`, the first column of the primary key (the only index
 * Microsoft documents); `sd ⋈ vd` with audio only is what every statement counts as a session.
 */
export class LcsCdrQueries {
  constructor(
    private readonly db: Kysely<LcsCdrSchema>,
    private readonly engine: LcsCdrEngine,
  ) {}

  /** Sessions with every column a call needs: after a key, in key order, or by key. */
  sessions(range: { after: string | null } | { keys: readonly string[] }, limit: number) {
    let query = this.audioSessions()
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
        'sd.CorrelationId',
        'sd.InviteTime',
        'sd.ResponseTime',
        'sd.ResponseCode',
        'sd.SessionEndTime',
        'sd.MediaTypes',
        'sd.CallFlag',
        'sd.SessionStartedById',
        'sd.User1Id',
        'sd.TargetUserId',
        'vd.ConnectedNumberId',
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
      .orderBy('sd.SessionIdTime')
      .orderBy('sd.SessionIdSeq');
    if ('keys' in range) query = query.where((eb) => this.byKeys(eb, range.keys));
    else if (range.after !== null) {
      const after = range.after;
      query = query.where((eb) => this.after(eb, after));
    }
    return this.engine.rowLimit === 'top' ? query.top(limit) : query.limit(limit);
  }

  /**
   * Retried sessions (CallFlag bit 1, not agent legs) whose SessionIdTime falls in one of the
   * ranges: the retries that may repeat the unanswered attempts the ranges were made for.
   */
  retries(ranges: readonly TimeRange[]) {
    const flags = RETRIED | AGENT_LEG;
    return this.audioSessions()
      .select([
        'sd.SessionIdTime',
        'sd.SessionIdSeq',
        'sd.CorrelationId',
        'sd.InviteTime',
        'sd.SessionStartedById',
        'sd.TargetUserId',
        'vd.ConnectedNumberId',
      ])
      .where(sql<boolean>`(sd.CallFlag & ${flags}) = ${RETRIED}`)
      .where(({ or, and, eb }) =>
        or(
          ranges.map((range) =>
            and([
              eb('sd.SessionIdTime', '>=', this.engine.datetime(range.fromMs) as never),
              eb('sd.SessionIdTime', '<=', this.engine.datetime(range.toMs) as never),
            ]),
          ),
        ),
      );
  }

  /** How many sessions a span holds (whatever becomes of them: recorded, skipped, in progress). */
  count(span: SessionSpan) {
    return this.audioSessions()
      .select((eb) => eb.fn.countAll<number | string>().as('sessions'))
      .where((eb) => this.inSpan(eb, span));
  }

  /** The keys of the sessions in a span. */
  keys(span: SessionSpan) {
    return this.audioSessions()
      .select(['sd.SessionIdTime', 'sd.SessionIdSeq'])
      .where((eb) => this.inSpan(eb, span));
  }

  /** The first session after a key (null: the oldest of all). */
  first(after: string | null) {
    let query = this.audioSessions()
      .select(['sd.SessionIdTime', 'sd.SessionIdSeq'])
      .orderBy('sd.SessionIdTime')
      .orderBy('sd.SessionIdSeq');
    if (after !== null) query = query.where((eb) => this.after(eb, after));
    return this.engine.rowLimit === 'top' ? query.top(1) : query.limit(1);
  }

  /** The purge settings (one global row, or more per site). */
  purgeSettings() {
    return this.db.selectFrom('PurgeSettings').select(['EnablePurge', 'KeepCallDetailForDays']);
  }

  /** Audio sessions with their VoIP details: what the driver reads, counts and keys alike. */
  private audioSessions() {
    return (
      this.db
        .selectFrom('SessionDetails as sd')
        .innerJoin('VoipDetails as vd', (join) =>
          join
            .onRef('vd.SessionIdTime', '=', 'sd.SessionIdTime')
            .onRef('vd.SessionIdSeq', '=', 'sd.SessionIdSeq'),
        )
        // Audio only, in SQL: an instant-messaging or video session never holds audio back.
        .where(sql<boolean>`(sd.MediaTypes & ${AUDIO}) = ${AUDIO}`)
    );
  }

  /** After a key; the `>=` alone on SessionIdTime lets the engine seek the key instead of scanning. */
  private after(eb: Joined, position: string) {
    const { timeMs, seq } = parsePosition(position);
    const time = this.engine.datetime(timeMs) as never;
    return eb.and([
      eb('sd.SessionIdTime', '>=', time),
      eb.or([eb('sd.SessionIdTime', '>', time), eb('sd.SessionIdSeq', '>', seq)]),
    ]);
  }

  private byKeys(eb: Joined, keys: readonly string[]) {
    return eb.or(
      keys.map((key) => {
        const { timeMs, seq } = parsePosition(key);
        return eb.and([
          eb('sd.SessionIdTime', '=', this.engine.datetime(timeMs) as never),
          eb('sd.SessionIdSeq', '=', seq),
        ]);
      }),
    );
  }

  private inSpan(eb: Joined, span: SessionSpan) {
    const { timeMs, seq } = parsePosition(span.upTo);
    const upTo = this.engine.datetime(timeMs) as never;
    return eb.and([
      eb('sd.SessionIdTime', '>=', this.engine.datetime(span.fromMs) as never),
      eb('sd.SessionIdTime', '<', this.engine.datetime(span.toMs) as never),
      eb.or([
        eb('sd.SessionIdTime', '<', upTo),
        eb.and([eb('sd.SessionIdTime', '=', upTo), eb('sd.SessionIdSeq', '<=', seq)]),
      ]),
    ]);
  }
}
