import type { CallRecord, Party } from '../../domain/call-record.js';
import { fromLcsCdrDatetime } from '../lcscdr/lcscdr-datetime.js';
import type { LcsCdrDatetime } from '../lcscdr/lcscdr-schema.js';
import type { SessionRow } from './lcscdr-queries.js';

/** When a session's call happened, as epoch ms, read once from its row. */
export interface SessionTimes {
  /** SessionIdTime: the key, not the start of the call. */
  requestedAt: number;
  /** InviteTime, else SessionIdTime: when the caller placed the call and ringing began. */
  invitedAt: number;
  /** ResponseTime: the answer (200) or the final refusal; null while ringing. */
  respondedAt: number | null;
  /** SessionEndTime; null while the call goes on (or for a refusal LcsCDR gave no end). */
  endedAt: number | null;
}

const time = (value: LcsCdrDatetime | null) => (value === null ? null : fromLcsCdrDatetime(value));

/** The times of a session's row. */
export function sessionTimes(row: SessionRow): SessionTimes {
  const requestedAt = fromLcsCdrDatetime(row.SessionIdTime);
  return {
    requestedAt,
    invitedAt: time(row.InviteTime) ?? requestedAt,
    respondedAt: time(row.ResponseTime),
    endedAt: time(row.SessionEndTime),
  };
}

/** Answered: the SIP response to the invitation was 200 OK. */
export function isAnswered(row: SessionRow): boolean {
  return row.ResponseCode === 200;
}

/**
 * When an unanswered call was over: its end, else its refusal, else (no trace of either, after
 * waiting long enough) when it was placed.
 */
export function unansweredEnd(times: SessionTimes): number {
  return times.endedAt ?? times.respondedAt ?? times.invitedAt;
}

/** How the call record of a session is told where it went: site codes per gateway or Mediation Server. */
export interface CallRecordContext {
  source: string;
  siteByGateway: Readonly<Record<string, string>>;
}

/**
 * A finished session as a CallRecord. The call starts at InviteTime (the first INVITE, when the
 * caller placed it), else at SessionIdTime; answered means 200 OK, answered at ResponseTime; talk
 * time runs from the answer to SessionEndTime; ring time from the INVITE to the answer, or for an
 * unanswered call to its final response (else its end). A 200 without a ResponseTime is answered
 * at the INVITE (no ring time): the call was taken, and billing it from the INVITE overstates it
 * by the ring time at most, where calling it unanswered would drop it.
 */
export function toCallRecord(
  row: SessionRow,
  key: string,
  times: SessionTimes,
  context: CallRecordContext,
): CallRecord {
  const direction =
    row.ToGatewayId !== null ? 'outbound' : row.FromGatewayId !== null ? 'inbound' : 'internal';
  const answered = isAnswered(row);
  const startedAt = times.invitedAt;
  const answeredAt = answered ? Math.max(startedAt, times.respondedAt ?? startedAt) : null;
  const endedAt = Math.max(startedAt, answered ? (times.endedAt ?? answeredAt!) : unansweredEnd(times));
  const rangUntil = answeredAt ?? Math.min(endedAt, times.respondedAt ?? endedAt);
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
  const sites = context.siteByGateway;
  const site = (trunk ? sites[trunk] : undefined) ?? (mediation ? sites[mediation] : undefined) ?? null;
  const caller: Party = { uri: sipUri(starter), number: phoneNumber(row.FromNumber) };
  const callee: Party = { uri: sipUri(calleeUri), number: phoneNumber(row.ConnectedNumber) };
  return {
    v: 1,
    source: context.source,
    sourceId: key,
    startedAt: new Date(startedAt).toISOString(),
    answeredAt: answeredAt === null ? null : new Date(answeredAt).toISOString(),
    endedAt: new Date(endedAt).toISOString(),
    durationSec: answeredAt === null ? 0 : Math.max(0, Math.round((endedAt - answeredAt) / 1000)),
    ringSec: Math.max(0, Math.round((rangUntil - startedAt) / 1000)),
    direction,
    answered,
    responseCode: row.ResponseCode,
    caller,
    callee,
    trunk,
    site,
  };
}

/** LcsCDR keeps user URIs without a scheme ("alice@contoso.com", "+3902…@contoso.com;user=phone"). */
function sipUri(uri: string | null): string | null {
  if (uri === null || uri.trim() === '') return null;
  return /^(sips?|tel):/i.test(uri) ? uri : `sip:${uri}`;
}

function phoneNumber(uri: string | null): string | null {
  return uri === null || uri.trim() === '' ? null : uri;
}
