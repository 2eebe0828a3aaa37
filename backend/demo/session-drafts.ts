import type { ReplicaSession } from '../recorder/lcscdr/lcscdr-replica-writer.js';
import type { SeededRandom } from './seeded-random.js';

/**
 * A session before it gets its SessionIdSeq: `block` and `index` order sessions that start in the
 * same millisecond, the same way whichever range they were generated for.
 */
export type SessionDraft = Omit<ReplicaSession, 'seq'> & { block: number; index: number };

/** The order sessions take in LcsCDR: by start, then by where they were generated. */
export function compareDrafts(a: SessionDraft, b: SessionDraft): number {
  return a.start - b.start || a.block - b.block || a.index - b.index;
}

/** How a call attempt went: the SIP final response, how long it rang, how long they talked. */
export interface CallOutcome {
  responseCode: number;
  ringMs: number;
  /** 0 when not answered. */
  talkMs: number;
}

const SECOND = 1000;
const MAX_TALK_SEC = 2 * 3600;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * Draws how a call went. Unanswered calls are busy (486, a short ring), cancelled by the caller
 * (487, after a while) or unavailable (480); answered calls ring a few seconds and last a
 * log-normal time around `talkMedianSec` (most calls short, a long tail of long ones, capped at 2 h).
 */
export function drawOutcome(
  random: SeededRandom,
  unansweredShare: number,
  talkMedianSec: number,
  talkSigma = 1,
): CallOutcome {
  if (random.chance(unansweredShare)) {
    const kind = random.next();
    if (kind < 0.3)
      return { responseCode: 486, ringMs: Math.round(random.between(0.4, 3) * SECOND), talkMs: 0 };
    if (kind < 0.8) {
      const ring = clamp(random.logNormal(18, 0.45), 4, 60);
      return { responseCode: 487, ringMs: Math.round(ring * SECOND), talkMs: 0 };
    }
    return { responseCode: 480, ringMs: Math.round(random.between(0.5, 25) * SECOND), talkMs: 0 };
  }
  const ring = clamp(random.logNormal(6, 0.5), 1, 45);
  const talk = clamp(random.logNormal(talkMedianSec, talkSigma), 3, MAX_TALK_SEC);
  return { responseCode: 200, ringMs: Math.round(ring * SECOND), talkMs: Math.round(talk * SECOND) };
}

/** Who is on a call and which LcsCDR fields say so (see the builders below). */
export type SessionParties = Pick<
  ReplicaSession,
  | 'starter'
  | 'other'
  | 'target'
  | 'fromNumber'
  | 'connectedNumber'
  | 'fromGateway'
  | 'toGateway'
  | 'mediationServer'
>;

/** A finished audio session: answered (200) at start + ring, or failed then with the outcome's code. */
export function audioDraft(
  start: number,
  outcome: CallOutcome,
  parties: SessionParties,
  order: { block: number; index: number },
  mediaTypes = 16,
): SessionDraft {
  const responseTime = start + outcome.ringMs;
  return {
    start,
    responseCode: outcome.responseCode,
    responseTime,
    end: responseTime + outcome.talkMs,
    mediaTypes,
    callFlag: 0,
    ...parties,
    ...order,
  };
}

/** The URI LcsCDR gives a PSTN party: `+number@domain;user=phone`. */
export function phoneUri(e164: string, domain: string): string {
  return `${e164}@${domain};user=phone`;
}

/** A user calling out through a gateway; ConnectedNumber is what was dialled, in E.164. */
export function outboundParties(
  userUri: string,
  fromNumber: string | null,
  dialled: string,
  gateway: string,
  mediationServer: string,
  domain: string,
): SessionParties {
  return {
    starter: userUri,
    other: phoneUri(dialled, domain),
    target: null,
    fromNumber,
    connectedNumber: dialled,
    fromGateway: null,
    toGateway: gateway,
    mediationServer,
  };
}

/** Someone outside calling a user's direct number through a gateway. */
export function inboundParties(
  callerId: string,
  userUri: string,
  did: string,
  gateway: string,
  mediationServer: string,
  domain: string,
): SessionParties {
  return {
    starter: phoneUri(callerId, domain),
    other: userUri,
    target: userUri,
    fromNumber: callerId,
    connectedNumber: did,
    fromGateway: gateway,
    toGateway: null,
    mediationServer,
  };
}

/** One user calling (or messaging) another: no numbers, no gateway. */
export function internalParties(callerUri: string, calleeUri: string): SessionParties {
  return {
    starter: callerUri,
    other: calleeUri,
    target: calleeUri,
    fromNumber: null,
    connectedNumber: null,
    fromGateway: null,
    toGateway: null,
    mediationServer: null,
  };
}
