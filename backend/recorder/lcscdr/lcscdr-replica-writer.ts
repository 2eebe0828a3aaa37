import type SQLite from 'better-sqlite3';
import { toLcsCdrDatetime } from './lcscdr-datetime.js';

/** One call as Skype for Business would leave it in LcsCDR. */
export interface ReplicaSession {
  /** SessionIdTime (epoch ms) and SessionIdSeq: the key. */
  start: number;
  seq: number;
  /** InviteTime (epoch ms): the first INVITE; default the same as `start`. */
  invite?: number;
  /** SIP response to the INVITE and when it came (200 = answered). */
  responseCode: number;
  responseTime: number | null;
  /** SessionEndTime; null while the call is still going on. */
  end: number | null;
  /** Default 16 (audio). */
  mediaTypes?: number;
  /** Default 0; bit 1 marks a retried session, bit 2 a response-group agent's leg. */
  callFlag?: number;
  /** CorrelationId, the GUID that ties sessions together; default none. */
  correlationId?: string | null;
  /** UserUri of who started the session (User1, SessionStartedBy), as LcsCDR keeps it: no scheme. */
  starter: string;
  /** UserUri of the other party (User2), if any. */
  other: string | null;
  /** UserUri the call was originally for (TargetUserId), if any. */
  target?: string | null;
  fromNumber?: string | null;
  connectedNumber?: string | null;
  fromGateway?: string | null;
  toGateway?: string | null;
  mediationServer?: string | null;
}

type LookupTable = 'Users' | 'Phones' | 'Gateways' | 'MediationServers';

const LOOKUPS: readonly [LookupTable, string, string][] = [
  ['Users', 'UserId', 'UserUri'],
  ['Phones', 'PhoneId', 'PhoneUri'],
  ['Gateways', 'GatewayId', 'Gateway'],
  ['MediationServers', 'MediationServerId', 'MediationServer'],
];

/**
 * Writes sessions into a SQLite replica of LcsCDR the way the Skype for Business CDR agent does:
 * lookup rows in Users, Phones, Gateways and MediationServers created on first use, then the
 * SessionDetails and VoipDetails rows. The demo's call generator and the tests use it.
 */
export class LcsCdrReplicaWriter {
  private readonly ids = new Map<string, number>();
  private readonly inserts = new Map<LookupTable, SQLite.Statement>();
  private readonly insertSession;
  private readonly insertVoip;
  private readonly endSession;

  constructor(private readonly handle: SQLite.Database) {
    // The lookup tables have no index on their names; read them once and remember new rows.
    for (const [table, idColumn, column] of LOOKUPS) {
      for (const row of handle
        .prepare(`select ${idColumn} as id, ${column} as value from ${table}`)
        .all() as { id: number; value: string | null }[]) {
        if (row.value !== null) this.ids.set(`${table}\u0000${row.value}`, row.id);
      }
    }
    this.insertSession = handle.prepare(
      `insert into SessionDetails (SessionIdTime, SessionIdSeq, CorrelationId, User1Id, User2Id, TargetUserId,
         SessionStartedById, IsUser1Internal, IsUser2Internal, InviteTime, ResponseTime, ResponseCode, SessionEndTime,
         MediaTypes, CallFlag)
       values (@time, @seq, @correlationId, @user1, @user2, @target, @user1, 1, @user2Internal, @invite, @responseTime,
         @responseCode, @end, @media, @flag)`,
    );
    this.insertVoip = handle.prepare(
      `insert into VoipDetails (SessionIdTime, SessionIdSeq, FromNumberId, ConnectedNumberId, FromMediationServerId,
         ToMediationServerId, FromGatewayId, ToGatewayId)
       values (@time, @seq, @fromNumber, @connectedNumber, @fromMediation, @toMediation, @fromGateway, @toGateway)`,
    );
    this.endSession = handle.prepare(
      `update SessionDetails set SessionEndTime = @end, ResponseTime = coalesce(ResponseTime, @responseTime),
         ResponseCode = @responseCode where SessionIdTime = @time and SessionIdSeq = @seq`,
    );
  }

  /** Inserts sessions in one transaction. */
  insert(sessions: readonly ReplicaSession[]): void {
    this.handle.transaction(() => {
      for (const session of sessions) {
        const time = toLcsCdrDatetime(session.start);
        const user1 = this.lookup('Users', 'UserUri', session.starter);
        const user2 = session.other === null ? null : this.lookup('Users', 'UserUri', session.other);
        this.insertSession.run({
          time,
          seq: session.seq,
          correlationId: session.correlationId ?? null,
          invite: session.invite === undefined ? time : toLcsCdrDatetime(session.invite),
          user1,
          user2,
          user2Internal: session.fromGateway || session.toGateway ? 0 : 1,
          target: session.target ? this.lookup('Users', 'UserUri', session.target) : null,
          responseTime: session.responseTime === null ? null : toLcsCdrDatetime(session.responseTime),
          responseCode: session.responseCode,
          end: session.end === null ? null : toLcsCdrDatetime(session.end),
          media: session.mediaTypes ?? 16,
          flag: session.callFlag ?? 0,
        });
        const mediation = session.mediationServer
          ? this.lookup('MediationServers', 'MediationServer', session.mediationServer)
          : null;
        this.insertVoip.run({
          time,
          seq: session.seq,
          fromNumber: session.fromNumber ? this.lookup('Phones', 'PhoneUri', session.fromNumber) : null,
          connectedNumber: session.connectedNumber
            ? this.lookup('Phones', 'PhoneUri', session.connectedNumber)
            : null,
          fromMediation: session.fromGateway ? mediation : null,
          toMediation: session.toGateway ? mediation : null,
          fromGateway: session.fromGateway ? this.lookup('Gateways', 'Gateway', session.fromGateway) : null,
          toGateway: session.toGateway ? this.lookup('Gateways', 'Gateway', session.toGateway) : null,
        });
      }
    })();
  }

  /** Ends a session that was inserted while still going on. */
  end(start: number, seq: number, end: number, responseCode: number, responseTime: number | null): void {
    this.endSession.run({
      time: toLcsCdrDatetime(start),
      seq,
      end: toLcsCdrDatetime(end),
      responseCode,
      responseTime: responseTime === null ? null : toLcsCdrDatetime(responseTime),
    });
  }

  /** The id of a lookup row, created on first use (as the CDR agent does). */
  private lookup(table: LookupTable, column: string, value: string): number {
    const key = `${table}\u0000${value}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      let insert = this.inserts.get(table);
      if (!insert) {
        insert = this.handle.prepare(`insert into ${table} (${column}) values (?)`);
        this.inserts.set(table, insert);
      }
      id = Number(insert.run(value).lastInsertRowid);
      this.ids.set(key, id);
    }
    return id;
  }
}
