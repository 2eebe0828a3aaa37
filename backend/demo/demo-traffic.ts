import type { ReplicaSession } from '../recorder/lcscdr/lcscdr-replica-writer.js';
import type { AnomalyPlacement } from './demo-anomalies.js';
import type { DemoCompany } from './demo-company.js';
import type { SessionDraft } from './session-drafts.js';
import { TrafficModel } from './traffic-model.js';

/** What range of traffic to generate, and from which seed. */
export interface TrafficOptions {
  /** Sessions that start in [from, to), epoch ms. */
  from: number;
  to: number;
  seed: number | string;
  /** SessionIdSeq of the first session; the rest count up from it. Default 1. */
  firstSeq?: number;
  /** Where the anomalies go: a few days before this instant (see DEMO_ANOMALIES). Default `to`. */
  anomaliesBefore?: number;
  /** Multiplies every call rate; 1 gives about 2,300 calls on an ordinary weekday. Default 1. */
  volume?: number;
}

/** Generated sessions and where the anomalies among them are. */
export interface GeneratedTraffic {
  sessions: ReplicaSession[];
  placement: AnomalyPlacement;
  /** The SessionIdSeq to give the next session (for live traffic that follows). */
  nextSeq: number;
}

/** A session draft with its SessionIdSeq: the draft's ordering fields dropped. */
export function toReplicaSession(draft: SessionDraft, seq: number): ReplicaSession {
  const { block: _block, index: _index, ...session } = draft;
  return { ...session, seq };
}

/**
 * The demo company's phone traffic for a time range, as Skype for Business leaves it in LcsCDR:
 * audio calls in all directions, instant-message sessions and retried attempts the recorder must
 * skip, and the planted anomalies; every session finished (see LiveTraffic for calls in progress).
 * Deterministic: the same company, range and seed give the same sessions, sorted by (start, seq).
 */
export function generateTraffic(company: DemoCompany, options: TrafficOptions): GeneratedTraffic {
  const model = new TrafficModel(company, {
    seed: options.seed,
    anomaliesBefore: options.anomaliesBefore ?? options.to,
    ...(options.volume === undefined ? {} : { volume: options.volume }),
  });
  const firstSeq = options.firstSeq ?? 1;
  const sessions = model
    .draftsBetween(options.from, options.to)
    .map((draft, index) => toReplicaSession(draft, firstSeq + index));
  return { sessions, placement: model.placement, nextSeq: firstSeq + sessions.length };
}
