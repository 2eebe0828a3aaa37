import { plantAnomalies, type AnomalyPlacement } from './demo-anomalies.js';
import type { DemoCompany, DemoSite, DemoUser, WorkKind } from './demo-company.js';
import { DIALLED_KINDS, type DialledKind } from './number-patterns.js';
import { SeededRandom, WeightedPicker } from './seeded-random.js';
import { siteTraffic, type DirectionPicker, type SiteTraffic } from './site-traffic.js';
import {
  audioDraft,
  compareDrafts,
  drawOutcome,
  inboundParties,
  internalParties,
  outboundParties,
  type SessionDraft,
} from './session-drafts.js';
import {
  CALLING_PROFILES,
  dayFactor,
  hourShare,
  INTERNAL_TALK_SEC,
  OUTBOUND_TALK_SEC,
  type CallingProfile,
} from './traffic-profile.js';

/** What the traffic model is built from besides the company. */
export interface TrafficModelOptions {
  seed: number | string;
  /** The history's end: the anomalies are placed a few days before it (see DEMO_ANOMALIES). */
  anomaliesBefore: number;
  /** Multiplies every call rate; 1 gives about 2,300 calls on an ordinary weekday. */
  volume?: number;
  /**
   * Where a running demo's live traffic starts: calls starting at or after this instant get extra
   * calls on top of the working day's (see LIVE_SCALE and LIVE_FLOOR), so someone watching sees a
   * call every few seconds even at night. History and catch-up over the time the demo was not
   * running (anything before it) follow the working day only. Default: no live boost.
   */
  liveFrom?: number;
}

/** Share of unanswered outside calls, by what was dialled. */
const UNANSWERED: Readonly<Record<DialledKind, number>> = {
  local: 0.22,
  national: 0.22,
  mobile: 0.26,
  international: 0.25,
  tollfree: 0.06,
  premium: 0.12,
};
const UNANSWERED_INBOUND = 0.15;
const UNANSWERED_INTERNAL = 0.2;
/** Instant-message sessions per internal call: LcsCDR keeps them, the recorder skips them. */
const IM_PER_INTERNAL_CALL = 0.5;
/** Share of outside calls whose first attempt failed over and was retried (CallFlag 1 on the retry). */
const RETRIED_SHARE = 0.008;
/** Calls per business day of a phone nobody listed in the directory. */
const UNLISTED_CALLS_PER_DAY = 3;
const UNLISTED_MIX = new WeightedPicker<DialledKind>(['local', 'national', 'mobile'], [5, 2, 3]);
/**
 * Live demo hours are this many times as busy as the working day makes them (about 15 calls a
 * minute at the morning peak instead of 5), and never less busy than LIVE_FLOOR.
 */
const LIVE_SCALE = 3;
/** The least busyness of a live hour, as a share of a business day: about 10 calls a minute. */
const LIVE_FLOOR = 0.25;
const HOUR = 3_600_000;
const SITE_STRIDE = 1_000_000;
/** Order indexes of the live extra calls of a site's hour start here, after its working-day calls. */
const LIVE_INDEX = SITE_STRIDE / 2;
const CACHED_BLOCKS = 6;

/**
 * The demo company's phone traffic as a function of time: every UTC hour of every site has its own
 * random stream (seed, site, hour), so an hour's calls are the same whichever range asks for them,
 * and history and live traffic join without a seam. Calls per hour follow each person's calling
 * profile, the site's local hour, weekday and holidays; the anomalies are added on top.
 */
export class TrafficModel {
  /** Where the anomalies are. */
  readonly placement: AnomalyPlacement;
  private readonly anomalies: SessionDraft[];
  private readonly sites: SiteTraffic[];
  private readonly profiles = new Map<string, CallingProfile>();
  private readonly works = new Map<string, WorkKind>();
  private readonly mixes = new Map<WorkKind, WeightedPicker<DialledKind>>();
  private readonly blocks = new Map<number, SessionDraft[]>();
  private readonly dayFactors = new Map<string, number>();
  private readonly seed: number | string;
  private readonly volume: number;
  private readonly liveFrom: number | null;

  constructor(
    private readonly company: DemoCompany,
    options: TrafficModelOptions,
  ) {
    this.seed = options.seed;
    this.volume = options.volume ?? 1;
    this.liveFrom = options.liveFrom ?? null;
    for (const department of company.departments) {
      this.works.set(department.code, department.work);
      this.profiles.set(department.code, CALLING_PROFILES[department.work]);
    }
    for (const [kind, profile] of Object.entries(CALLING_PROFILES) as [WorkKind, CallingProfile][]) {
      this.mixes.set(
        kind,
        new WeightedPicker(
          DIALLED_KINDS,
          DIALLED_KINDS.map((k) => profile.mix[k]),
        ),
      );
    }
    this.sites = company.sites.map((site, index) => siteTraffic(company, site, index, this.seed, this.works));
    const planted = plantAnomalies(company, options.seed, options.anomaliesBefore);
    this.placement = planted.placement;
    this.anomalies = planted.drafts;
  }

  /** Every session that starts in [fromMs, toMs), in LcsCDR key order. */
  draftsBetween(fromMs: number, toMs: number): SessionDraft[] {
    const result: SessionDraft[] = [];
    const inRange = (draft: SessionDraft) => draft.start >= fromMs && draft.start < toMs;
    // One hour earlier too: a retried attempt starts a little before the call of its hour.
    for (let hour = Math.floor(fromMs / HOUR) - 1; hour * HOUR < toMs; hour++) {
      for (const draft of this.block(hour)) if (inRange(draft)) result.push(draft);
    }
    for (const draft of this.anomalies) if (inRange(draft)) result.push(draft);
    return result.sort(compareDrafts);
  }

  private block(hour: number): SessionDraft[] {
    let drafts = this.blocks.get(hour);
    if (drafts === undefined) {
      drafts = this.sites.flatMap((site) => this.siteHour(site, hour));
      if (this.blocks.size >= CACHED_BLOCKS) this.blocks.delete(this.blocks.keys().next().value as number);
      this.blocks.set(hour, drafts);
    }
    return drafts;
  }

  private profileOf(user: DemoUser): CallingProfile {
    return this.profiles.get(user.departmentCode) as CallingProfile;
  }

  /**
   * The calls of one site in one UTC hour (both sites' zones are whole hours off UTC): the working
   * day's, from the hour's own random stream, then in a live hour the extra calls of the demo,
   * from a stream of their own, so the working day's calls are the same with or without them.
   */
  private siteHour(traffic: SiteTraffic, hour: number): SessionDraft[] {
    const { site, clock } = traffic;
    const hourStart = hour * HOUR;
    const local = clock.localTime(hourStart);
    const working =
      this.dayFactorOf(site, local.day, local.weekday) * hourShare(site.dialPlan.country, local.hour);
    const drafts: SessionDraft[] = [];
    const random = new SeededRandom('hour', this.seed, site.code, hour);
    this.generateHour(traffic, hour, random, working * this.volume, drafts, 0);
    if (this.liveFrom !== null && hourStart + HOUR > this.liveFrom) {
      const extra = Math.max(working * LIVE_SCALE, LIVE_FLOOR) - working;
      const live: SessionDraft[] = [];
      const liveRandom = new SeededRandom('live', this.seed, site.code, hour);
      this.generateHour(traffic, hour, liveRandom, extra * this.volume, live, LIVE_INDEX);
      for (const draft of live) if (draft.start >= this.liveFrom) drafts.push(draft);
    }
    return drafts;
  }

  /** Adds to an empty `drafts` the calls of a site's hour as busy as `busy` (a share of a business day). */
  private generateHour(
    traffic: SiteTraffic,
    hour: number,
    random: SeededRandom,
    busy: number,
    drafts: SessionDraft[],
    indexBase: number,
  ): void {
    const { site, pool } = traffic;
    const hourStart = hour * HOUR;
    const order = () => ({ block: hour, index: traffic.index * SITE_STRIDE + indexBase + drafts.length });
    const startTime = () => hourStart + random.int(HOUR);
    const uri = (user: DemoUser) => user.sipUri.replace(/^sip:/, '');
    const domain = this.company.domain;

    const calls = (perBusinessDay: number) => random.poisson(perBusinessDay * busy);
    const who = (direction: DirectionPicker) => (direction.users as WeightedPicker<DemoUser>).pick(random);

    const dialOut = (
      userUri: string,
      fromNumber: string,
      dial: () => string,
      unanswered: number,
      talkSec: number,
      sigma = 1,
    ) => {
      const start = startTime();
      const dialled = dial();
      const gateway = random.pick(site.gateways);
      const outcome = drawOutcome(random, unanswered, talkSec, sigma);
      const retried = random.chance(RETRIED_SHARE);
      if (retried) {
        // The first attempt failed on the other gateway a moment before: LcsCDR keeps it, and marks
        // the session that retried it (CallFlag 1).
        const other = site.gateways.find((name) => name !== gateway) ?? gateway;
        const failed = { responseCode: 503, ringMs: 300 + random.int(600), talkMs: 0 };
        const parties = outboundParties(userUri, fromNumber, dialled, other, site.mediationServer, domain);
        drafts.push(audioDraft(start - 1200 - random.int(1300), failed, parties, order()));
      }
      const parties = outboundParties(userUri, fromNumber, dialled, gateway, site.mediationServer, domain);
      const call = audioDraft(start, outcome, parties, order());
      drafts.push(retried ? { ...call, callFlag: 1 } : call);
    };
    const callOut = (userUri: string, fromNumber: string, kind: DialledKind) =>
      dialOut(
        userUri,
        fromNumber,
        () => pool.dial(kind, random),
        UNANSWERED[kind],
        OUTBOUND_TALK_SEC[kind],
        kind === 'international' ? 0.9 : 1,
      );
    const lineOf = (user: DemoUser) => user.did ?? `${site.mainNumber};ext=${user.extension}`;

    // A Poisson count is zero when a direction has no one to pick, so `who` always has people.
    for (let n = calls(traffic.outbound.rate); n > 0; n--) {
      const user = who(traffic.outbound);
      const kind = (this.mixes.get(this.workOf(user)) as WeightedPicker<DialledKind>).pick(random);
      callOut(uri(user), lineOf(user), kind);
    }

    for (let n = calls(traffic.inbound.rate); n > 0; n--) {
      const user = who(traffic.inbound);
      const start = startTime();
      const outcome = drawOutcome(random, UNANSWERED_INBOUND, this.profileOf(user).inboundTalkSec);
      const gateway = random.pick(site.gateways);
      const callerId = pool.caller(random);
      const parties = inboundParties(
        callerId,
        uri(user),
        user.did as string,
        gateway,
        site.mediationServer,
        domain,
      );
      drafts.push(audioDraft(start, outcome, parties, order()));
    }

    for (let n = calls(traffic.internal.rate); n > 0; n--) {
      const caller = who(traffic.internal);
      const callee = this.colleagueOf(caller, traffic, random);
      const outcome = drawOutcome(random, UNANSWERED_INTERNAL, INTERNAL_TALK_SEC);
      const media = random.chance(0.05) ? 48 : 16; // some calls with video
      drafts.push(
        audioDraft(startTime(), outcome, internalParties(uri(caller), uri(callee)), order(), media),
      );
    }

    for (let n = calls(traffic.internal.rate * IM_PER_INTERNAL_CALL); n > 0; n--) {
      const caller = who(traffic.internal);
      const callee = this.colleagueOf(caller, traffic, random);
      const chatMs = Math.round(random.logNormal(150, 1) * 1000);
      const chat = { responseCode: 200, ringMs: 300 + random.int(1700), talkMs: chatMs };
      drafts.push(audioDraft(startTime(), chat, internalParties(uri(caller), uri(callee)), order(), 1));
    }

    for (const phone of traffic.unlisted) {
      for (let n = calls(UNLISTED_CALLS_PER_DAY); n > 0; n--) {
        // Its line URI is the bare extension: the miner knows no one with it, so it makes an anonymous user.
        callOut(phone.userUri, phone.extension, UNLISTED_MIX.pick(random));
      }
    }

    // Drawn last, so the calls above are the same with or without them.
    for (const { call, callers } of traffic.rare) {
      for (let n = calls(call.perBusinessDay); n > 0; n--) {
        const user = callers.pick(random);
        dialOut(uri(user), lineOf(user), () => random.pick(call.numbers), call.unanswered, call.talkSec);
      }
    }
  }

  private workOf(user: DemoUser): WorkKind {
    return this.works.get(user.departmentCode) as WorkKind;
  }

  /** Whom a person calls: mostly their own team, then anyone at the site, sometimes the other site. */
  private colleagueOf(caller: DemoUser, traffic: SiteTraffic, random: SeededRandom): DemoUser {
    const roll = random.next();
    const team = (traffic.teams.get(caller.departmentCode) ?? []).filter((user) => user !== caller);
    if (roll < 0.55 && team.length > 0) return random.pick(team);
    const others = this.sites.filter((site) => site !== traffic);
    const where = roll < 0.82 || others.length === 0 ? traffic : random.pick(others);
    for (let attempt = 0; attempt < 10; attempt++) {
      const callee = where.everyone.pick(random);
      if (callee !== caller) return callee;
    }
    return team[0] ?? caller;
  }

  private dayFactorOf(site: DemoSite, day: number, weekday: number): number {
    const key = `${site.code}${day}`;
    let factor = this.dayFactors.get(key);
    if (factor === undefined) {
      factor = dayFactor(site, day, weekday, this.seed);
      this.dayFactors.set(key, factor);
    }
    return factor;
  }
}
