import type { Generated } from 'kysely';

/**
 * A SQL Server `datetime` (UTC) as a driver returns it: tedious (with `useUTC`) gives a Date, the
 * SQLite replica gives text `YYYY-MM-DD HH:MM:SS.fff`. Read it with `fromLcsCdrDatetime`.
 */
export type LcsCdrDatetime = Date | string;

/** A SQL Server `bit` as a driver returns it: tedious gives a boolean, the SQLite replica 0 or 1. */
export type LcsCdrBit = boolean | number;

/**
 * The parts of Skype for Business Server 2015's `LcsCDR` database a call-accounting recorder
 * reads, as Kysely sees them, on the real SQL Server database and on the SQLite replica alike.
 * Names are Microsoft's, letter for letter (see docs/lcscdr.md): select columns by name, never
 * `selectAll()`, so result keys are the same on both engines. Microsoft documents no
 * nullability, so every non-key column may be null.
 */
export interface LcsCdrSchema {
  SessionDetails: SessionDetailsTable;
  VoipDetails: VoipDetailsTable;
  Users: UsersTable;
  Phones: PhonesTable;
  Gateways: GatewaysTable;
  MediationServers: MediationServersTable;
  PurgeSettings: PurgeSettingsTable;
}

/** One peer-to-peer session (a VoIP call, a two-party IM session, ...); every column Microsoft lists. */
export interface SessionDetailsTable {
  /** Time of the session request; with `SessionIdSeq`, the key. */
  SessionIdTime: LcsCdrDatetime;
  /** 1 for most sessions; 2, 3, ... for sessions that started at the same `SessionIdTime`. */
  SessionIdSeq: number;
  /** GUID correlating several sessions (e.g. the legs of a response-group call). */
  CorrelationId: string | null;
  /** Key of the dialog this session replaced (transfers); Microsoft's table spells it `ReplaceDialogIdTime`. */
  ReplacesDialogIdTime: LcsCdrDatetime | null;
  ReplacesDialogIdSeq: number | null;
  /** One user of the session (`Users.UserId`); not necessarily the caller. */
  User1Id: number | null;
  /** The other user of the session (`Users.UserId`). */
  User2Id: number | null;
  User1EndpointId: string | null;
  User2EndpointId: string | null;
  /** The original To URI of the SIP request (`Users.UserId`). */
  TargetUserId: number | null;
  /** The user who started the session, i.e. the caller (`Users.UserId`). */
  SessionStartedById: number | null;
  OnBehalfOfId: number | null;
  ReferredById: number | null;
  ServerId: number | null;
  PoolId: number | null;
  ContentTypeID: number | null;
  User1ClientVerId: number | null;
  User2ClientVerId: number | null;
  User1EdgeServerid: number | null;
  User2EdgeServerid: number | null;
  IsUser1Internal: LcsCdrBit | null;
  IsUser2Internal: LcsCdrBit | null;
  /** Time of the first INVITE (or of the first relevant SIP message when there was none). */
  InviteTime: LcsCdrDatetime | null;
  /** Time of the response to the first INVITE: the answer time when `ResponseCode` is 200. */
  ResponseTime: LcsCdrDatetime | null;
  /** SIP response code to the invitation: 200 means answered. */
  ResponseCode: number | null;
  DiagnosticId: number | null;
  CallPriority: number | null;
  User1MessageCount: number | null;
  User2MessageCount: number | null;
  SessionEndTime: LcsCdrDatetime | null;
  /** Bit set: 1 IM, 2 file transfer, 4 remote assistance, 8 app sharing, 16 audio, 32 video, 64 app invite. */
  MediaTypes: number | null;
  User1Flag: number | null;
  User2Flag: number | null;
  /** Bit set: 0x01 retried session, 0x02 call made by an agent on behalf of a response group. */
  CallFlag: number | null;
  Processed: LcsCdrBit | null;
  LastModifiedTime: LcsCdrDatetime | null;
}

/** One two-party call with at least one VoIP user; same key as its `SessionDetails` row. */
export interface VoipDetailsTable {
  SessionIdTime: LcsCdrDatetime;
  SessionIdSeq: number;
  /** The caller's number (`Phones.PhoneId`); a PSTN caller when `FromGatewayId` is set too. */
  FromNumberId: number | null;
  /** The call receiver's number (`Phones.PhoneId`); a PSTN receiver when `ToGatewayId` is set too. */
  ConnectedNumberId: number | null;
  FromMediationServerId: number | null;
  ToMediationServerId: number | null;
  /** Gateway the call came from: set on calls from the PSTN. */
  FromGatewayId: number | null;
  /** Gateway the call went to: set on calls to the PSTN. */
  ToGatewayId: number | null;
  /** Who hung up, if a user (`Users.UserId`). */
  DisconnectedbyURIId: number | null;
  /** Who hung up, if a phone (`Phones.PhoneId`). */
  DisconnectedbyPhoneId: number | null;
  LastModifiedTime: LcsCdrDatetime | null;
}

/** A user URI seen in a recorded session. */
export interface UsersTable {
  NextUpdateTS: LcsCdrDatetime | null;
  UserId: Generated<number>;
  UserUri: string | null;
  TenantId: number | null;
  UriTypeId: number | null;
}

/** A phone number seen in a recorded VoIP call. */
export interface PhonesTable {
  PhoneId: Generated<number>;
  PhoneUri: string | null;
  NextUpdateTS: LcsCdrDatetime | null;
}

/** A PSTN gateway (the recorder's trunk) seen in a recorded call. */
export interface GatewaysTable {
  GatewayId: Generated<number>;
  Gateway: string | null;
}

/** A Mediation Server seen in a recorded call. */
export interface MediationServersTable {
  MediationServerId: Generated<number>;
  MediationServer: string | null;
}

/** When the purge job deletes old records; `KeepCallDetailForDays` bounds how far back the recorder can read. */
export interface PurgeSettingsTable {
  Id: number;
  EnablePurge: LcsCdrBit | null;
  KeepCallDetailForDays: number | null;
  KeepErrorReportForDays: number | null;
  /** Local hour of day (0-23) the purge runs. */
  PurgeHour: number | null;
}
