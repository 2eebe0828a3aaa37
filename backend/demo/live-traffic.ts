import type { ReplicaSession } from '../recorder/lcscdr/lcscdr-replica-writer.js';
import type { AnomalyPlacement } from './demo-anomalies.js';
import type { DemoCompany } from './demo-company.js';
import { toReplicaSession } from './demo-traffic.js';
import { TrafficModel } from './traffic-model.js';

/** Where live traffic starts and how it is generated. */
export interface LiveTrafficOptions {
  seed: number | string;
  /** Sessions starting at or after this instant are produced by the ticks. */
  startMs: number;
  /** SessionIdSeq of the first session. Default 1. */
  firstSeq?: number;
  /** Where the anomalies go (see DEMO_ANOMALIES). Default: the first tick's `nowMs`. */
  anomaliesBefore?: number;
  /** Multiplies every call rate. Default 1. */
  volume?: number;
  /** Where the running demo's boosted live traffic starts (see TrafficModelOptions.liveFrom). */
  liveFrom?: number;
  /**
   * Sessions a previous LiveTraffic had inserted in progress (its `openSessions`), when carrying
   * on after it: with `startMs` one after its last tick and `firstSeq` its `nextSeq`, the ticks go
   * on exactly as the previous one's would have, without generating the time before again.
   */
  open?: readonly ReplicaSession[];
}

/** A session inserted while in progress that has now ended: the arguments of LcsCdrReplicaWriter.end. */
export interface SessionEnd {
  start: number;
  seq: number;
  end: number;
  responseCode: number;
  responseTime: number | null;
}

/** What changed in LcsCDR since the previous tick. */
export interface LiveTick {
  /** Sessions that started since the last tick; those still going on have `end: null`. */
  insert: ReplicaSession[];
  /** Sessions inserted in progress earlier that have ended by now. */
  end: SessionEnd[];
}

/**
 * The demo's phone traffic as it happens. Each `tick(now)` returns the sessions that started since
 * the previous tick (calls still ringing or talking inserted without an end, as LcsCDR shows them)
 * and the ends of earlier ones that have finished. Ticks only split time: the sessions, their
 * order and their SessionIdSeq are those `generateTraffic` gives for the same start, seed and
 * firstSeq, whatever the tick rhythm. A first tick far ahead of `startMs` returns the history.
 */
export class LiveTraffic {
  private model: TrafficModel | null = null;
  private cursor: number;
  private seq: number;
  private open: ReplicaSession[] = [];

  constructor(
    private readonly company: DemoCompany,
    private readonly options: LiveTrafficOptions,
  ) {
    this.cursor = options.startMs;
    this.seq = options.firstSeq ?? 1;
    this.open = [...(options.open ?? [])];
  }

  /** Sessions started in (previous tick, nowMs], and sessions ended by nowMs. */
  tick(nowMs: number): LiveTick {
    const model = this.modelFor(nowMs);
    const insert: ReplicaSession[] = [];
    if (nowMs >= this.cursor) {
      for (const draft of model.draftsBetween(this.cursor, nowMs + 1)) {
        const session = toReplicaSession(draft, this.seq++);
        if (session.end !== null && session.end <= nowMs) {
          insert.push(session);
          continue;
        }
        this.open.push(session);
        const answeredYet = session.responseTime !== null && session.responseTime <= nowMs;
        insert.push({ ...session, end: null, responseTime: answeredYet ? session.responseTime : null });
      }
      this.cursor = nowMs + 1;
    }
    const end: SessionEnd[] = [];
    this.open = this.open.filter((session) => {
      if (session.end === null || session.end > nowMs) return true;
      const { start, seq, responseCode, responseTime } = session;
      end.push({ start, seq, end: session.end, responseCode, responseTime });
      return false;
    });
    return { insert, end };
  }

  /** The SessionIdSeq the next session will get. */
  get nextSeq(): number {
    return this.seq;
  }

  /** Sessions inserted in progress and not ended yet. */
  get inProgress(): number {
    return this.open.length;
  }

  /** The sessions inserted in progress and not ended yet, as they will end (for `open`). */
  get openSessions(): readonly ReplicaSession[] {
    return [...this.open];
  }

  /** Where the anomalies are (known from the first tick on). */
  get placement(): AnomalyPlacement | null {
    return this.model?.placement ?? null;
  }

  private modelFor(nowMs: number): TrafficModel {
    this.model ??= new TrafficModel(this.company, {
      seed: this.options.seed,
      anomaliesBefore: this.options.anomaliesBefore ?? nowMs,
      ...(this.options.volume === undefined ? {} : { volume: this.options.volume }),
      ...(this.options.liveFrom === undefined ? {} : { liveFrom: this.options.liveFrom }),
    });
    return this.model;
  }
}
