import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { beforeAll, describe, expect, it } from 'vitest';
import { ZoneClock, type LocalTime } from '../domain/zone-clock.js';
import { NumberClassifier } from '../miner/number-classifier.js';
import type { ReplicaSession } from '../recorder/lcscdr/lcscdr-replica-writer.js';
import { DEMO_COMPANY } from './demo-company.js';
import { generateTraffic, type GeneratedTraffic } from './demo-traffic.js';

const company = DEMO_COMPANY;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Two weeks with Good Friday (a holiday in London only) and Easter Monday (in both countries).
const FROM = Date.UTC(2026, 2, 30);
const TO = Date.UTC(2026, 3, 13);

const clocks = new Map(company.sites.map((site) => [site.code, new ZoneClock(site.timeZone)]));
const usersByUri = new Map(company.users.map((user) => [user.sipUri.replace(/^sip:/, ''), user]));

const isAudio = (session: ReplicaSession) => ((session.mediaTypes ?? 16) & 16) !== 0;
// A first attempt that failed over (503) is not a call: its retried session (CallFlag 1) is.
const isCall = (session: ReplicaSession) => isAudio(session) && session.responseCode !== 503;
const direction = (session: ReplicaSession) =>
  session.toGateway ? 'outbound' : session.fromGateway ? 'inbound' : 'internal';

/** The site a call belongs to: its gateway's, else its starter's. */
function siteOf(session: ReplicaSession): string {
  const gateway = session.toGateway ?? session.fromGateway;
  if (gateway) return company.siteByGateway[gateway]!;
  return usersByUri.get(session.starter)!.siteCode;
}

function localOf(session: ReplicaSession): LocalTime {
  return clocks.get(siteOf(session))!.localTime(session.start);
}

describe('demo traffic', () => {
  let traffic: GeneratedTraffic;
  let calls: ReplicaSession[];

  beforeAll(() => {
    traffic = generateTraffic(company, { from: FROM, to: TO, seed: 7 });
    calls = traffic.sessions.filter(isCall);
  });

  it('is the same for the same seed, and different for another', () => {
    const range = { from: FROM, to: FROM + 2 * DAY };
    const once = generateTraffic(company, { ...range, seed: 7 });
    expect(generateTraffic(company, { ...range, seed: 7 })).toEqual(once);
    expect(generateTraffic(company, { ...range, seed: 8 }).sessions).not.toEqual(once.sessions);
  });

  it('has unique keys in LcsCDR order, numbered from firstSeq, all inside the range', () => {
    const { sessions } = generateTraffic(company, { from: FROM, to: FROM + 3 * DAY, seed: 7, firstSeq: 500 });
    sessions.forEach((session, index) => {
      expect(session.seq).toBe(500 + index);
      expect(session.start >= FROM && session.start < FROM + 3 * DAY).toBe(true);
      if (index > 0) expect(session.start).toBeGreaterThanOrEqual(sessions[index - 1]!.start);
    });
    expect(new Set(sessions.map((session) => `${session.start}#${session.seq}`)).size).toBe(sessions.length);
    expect(traffic.nextSeq).toBe(1 + traffic.sessions.length);
  });

  it('gives the same calls for an hour whichever range it is part of', () => {
    const part = generateTraffic(company, {
      from: FROM + 36 * HOUR,
      to: FROM + 60 * HOUR,
      seed: 7,
      anomaliesBefore: TO,
    });
    const whole = traffic.sessions.filter((s) => s.start >= FROM + 36 * HOUR && s.start < FROM + 60 * HOUR);
    const withoutSeq = (sessions: ReplicaSession[]) => sessions.map(({ seq: _seq, ...rest }) => rest);
    expect(withoutSeq(part.sessions)).toEqual(withoutSeq(whole));
  });

  it('is busy in business hours, quiet at night, at weekends and on holidays', () => {
    const count = (site: string, test: (local: LocalTime) => boolean) =>
      calls.filter((call) => siteOf(call) === site && test(localOf(call))).length;
    const businessDays = (site: string) =>
      site === 'MIL'
        ? [20260330, 20260331, 20260401, 20260402, 20260403, 20260407, 20260408, 20260409, 20260410]
        : [20260330, 20260331, 20260401, 20260402, 20260407, 20260408, 20260409, 20260410];
    for (const site of ['MIL', 'LON']) {
      const days = businessDays(site);
      const onBusinessDays = (local: LocalTime) => days.includes(local.day);
      const busyHours =
        count(site, (l) => onBusinessDays(l) && [10, 11, 15, 16].includes(l.hour)) / (4 * days.length);
      const nightHours = count(site, (l) => onBusinessDays(l) && l.hour < 6) / (6 * days.length);
      expect(busyHours, site).toBeGreaterThan(40 * Math.max(nightHours, 0.1));
      const perBusinessDay = count(site, onBusinessDays) / days.length;
      const perWeekendDay = count(site, (l) => l.weekday >= 6) / 4;
      expect(perWeekendDay, site).toBeLessThan(0.1 * perBusinessDay);
      const easterMonday = count(site, (l) => l.day === 20260406);
      expect(easterMonday, site).toBeLessThan(0.08 * perBusinessDay);
    }
    // Good Friday is a bank holiday in England, a working day in Italy.
    expect(count('LON', (l) => l.day === 20260403)).toBeLessThan(
      0.08 * count('LON', (l) => l.day === 20260402),
    );
    expect(count('MIL', (l) => l.day === 20260403)).toBeGreaterThan(
      0.6 * count('MIL', (l) => l.day === 20260402),
    );
    // Milan lunches from 13 to 14.
    expect(count('MIL', (l) => l.hour === 13)).toBeLessThan(0.5 * count('MIL', (l) => l.hour === 11));
  });

  it('makes 1,500 to 3,000 calls on an ordinary business day', () => {
    for (const day of [20260331, 20260401, 20260408]) {
      const total = calls.filter((call) => localOf(call).day === day).length;
      expect(total, String(day)).toBeGreaterThan(1500);
      expect(total, String(day)).toBeLessThan(3000);
    }
  });

  it('mixes directions like an office: outside calls, calls to direct numbers, calls between colleagues', () => {
    const share = (dir: string) => calls.filter((call) => direction(call) === dir).length / calls.length;
    expect(share('outbound')).toBeGreaterThan(0.35);
    expect(share('outbound')).toBeLessThan(0.5);
    expect(share('inbound')).toBeGreaterThan(0.25);
    expect(share('internal')).toBeGreaterThan(0.15);
    const internal = calls.filter((call) => direction(call) === 'internal');
    const acrossSites = internal.filter(
      (call) => usersByUri.get(call.starter)!.siteCode !== usersByUri.get(call.other!)!.siteCode,
    );
    expect(acrossSites.length / internal.length).toBeGreaterThan(0.05);
    expect(acrossSites.length / internal.length).toBeLessThan(0.3);
  });

  it('dials mostly national, local and mobile numbers, some abroad, a few premium and free numbers', () => {
    const classifier = new NumberClassifier(new Map(company.sites.map((site) => [site.code, site.dialPlan])));
    const outbound = calls.filter((call) => direction(call) === 'outbound');
    const classes = new Map<string, number>();
    for (const call of outbound) {
      const { destClass } = classifier.classify(siteOf(call), call.connectedNumber!);
      classes.set(destClass, (classes.get(destClass) ?? 0) + 1);
    }
    const share = (...names: string[]) =>
      names.reduce((sum, name) => sum + (classes.get(name) ?? 0), 0) / outbound.length;
    expect(share('local', 'national', 'mobile')).toBeGreaterThan(0.8);
    expect(share('mobile')).toBeGreaterThan(0.25);
    expect(share('international')).toBeGreaterThan(0.05);
    expect(share('international')).toBeLessThan(0.15);
    expect(share('tollfree')).toBeGreaterThan(0.01);
    expect(share('premium')).toBeGreaterThan(0.001);
    expect(share('premium')).toBeLessThan(0.01);
    // The rest: a handful of emergency calls, service short codes and shared-cost numbers.
    expect(share('local', 'national', 'mobile', 'international', 'tollfree', 'premium')).toBeGreaterThan(
      0.998,
    );
    expect(share('unknown')).toBe(0);
  });

  it('leaves about a fifth of calls unanswered, busy, cancelled or unavailable, with ring times', () => {
    const unanswered = calls.filter((call) => call.responseCode !== 200);
    expect(unanswered.length / calls.length).toBeGreaterThan(0.16);
    expect(unanswered.length / calls.length).toBeLessThan(0.24);
    expect(new Set(unanswered.map((call) => call.responseCode))).toEqual(new Set([486, 487, 480]));
    const ring = (call: ReplicaSession) => (call.responseTime! - call.start) / 1000;
    const meanRing = (code: number) => {
      const some = calls.filter((call) => call.responseCode === code);
      return some.reduce((sum, call) => sum + ring(call), 0) / some.length;
    };
    expect(meanRing(487)).toBeGreaterThan(3 * meanRing(486));
    for (const call of calls) {
      expect(ring(call)).toBeGreaterThan(0);
      expect(ring(call)).toBeLessThanOrEqual(60);
      if (call.responseCode !== 200) expect(call.end).toBe(call.responseTime);
    }
  });

  it('has talk times of a few minutes with a long tail', () => {
    const talk = calls
      .filter((call) => call.responseCode === 200)
      .map((call) => (call.end! - call.responseTime!) / 1000)
      .sort((a, b) => a - b);
    const at = (quantile: number) => talk[Math.floor(quantile * (talk.length - 1))]!;
    expect(at(0.5)).toBeGreaterThan(60);
    expect(at(0.5)).toBeLessThan(150);
    expect(at(0.9)).toBeGreaterThan(3 * at(0.5));
    expect(at(0)).toBeGreaterThanOrEqual(3);
    // Nothing over 2 hours but the marathon call.
    expect(talk.filter((seconds) => seconds > 7200)).toEqual([traffic.placement.marathonCall.talkSec]);
  });

  it('writes parties the way LcsCDR does, with valid numbers and direct numbers of the right people', () => {
    const unlisted = new Set(company.unlistedPhones.map((phone) => phone.userUri));
    for (const call of calls) {
      const kind = direction(call);
      if (kind === 'outbound') {
        expect(parsePhoneNumberFromString(call.connectedNumber!)?.isValid(), call.connectedNumber!).toBe(
          true,
        );
        expect(call.other).toBe(`${call.connectedNumber}@contoso.com;user=phone`);
        expect(usersByUri.has(call.starter) || unlisted.has(call.starter)).toBe(true);
        expect(call.mediationServer).toMatch(/^med-(mil|lon)-1\.contoso\.com$/);
      } else if (kind === 'inbound') {
        const user = usersByUri.get(call.other!)!;
        expect(call.connectedNumber).toBe(user.did);
        expect(call.target).toBe(call.other);
        expect(parsePhoneNumberFromString(call.fromNumber!)?.isValid()).toBe(true);
        expect(call.starter).toBe(`${call.fromNumber}@contoso.com;user=phone`);
      } else {
        expect(usersByUri.has(call.starter) && usersByUri.has(call.other!)).toBe(true);
        expect(call.starter).not.toBe(call.other);
        expect(call.connectedNumber ?? null).toBeNull();
      }
    }
  });

  it('includes instant-message sessions, and failed attempts retried through the other gateway', () => {
    const messages = traffic.sessions.filter((session) => !isAudio(session));
    expect(messages.length / traffic.sessions.length).toBeGreaterThan(0.05);
    expect(messages.every((session) => session.mediaTypes === 1 && direction(session) === 'internal')).toBe(
      true,
    );
    const retried = traffic.sessions.filter((session) => session.callFlag === 1);
    const outbound = calls.filter((call) => direction(call) === 'outbound');
    expect(retried.length).toBeGreaterThan(0.002 * outbound.length);
    expect(retried.length).toBeLessThan(0.02 * outbound.length);
    for (const retry of retried) {
      const attempt = traffic.sessions.find(
        (a) =>
          a.responseCode === 503 &&
          a.connectedNumber === retry.connectedNumber &&
          a.start < retry.start &&
          retry.start - a.start < 3000,
      );
      expect(attempt).toBeDefined();
      expect(outbound).toContain(retry);
    }
    expect(calls.some((call) => call.mediaTypes === 48)).toBe(true);
  });

  it('plants a night of toll fraud and a marathon call', () => {
    const { tollFraud, marathonCall } = traffic.placement;
    const fraud = calls.filter(
      (call) => call.starter === tollFraud.userUri && call.connectedNumber?.startsWith('+53'),
    );
    expect(fraud.length).toBe(42);
    const milan = clocks.get('MIL')!;
    expect(milan.localTime(tollFraud.fromMs)).toMatchObject({ day: 20260411, hour: 1 });
    for (const call of fraud) {
      expect(call.start >= tollFraud.fromMs && call.end! <= tollFraud.toMs).toBe(true);
      expect(milan.localTime(call.start).hour).toBeLessThan(5);
    }
    // Otherwise nobody calls abroad from Milan at night.
    const otherNightCalls = calls.filter(
      (call) =>
        siteOf(call) === 'MIL' &&
        direction(call) === 'outbound' &&
        !call.connectedNumber!.startsWith('+39') &&
        localOf(call).hour < 6 &&
        call.starter !== tollFraud.userUri,
    );
    expect(otherNightCalls.length).toBeLessThan(5);

    const marathon = calls.filter(
      (call) => call.starter === marathonCall.userUri && call.start === marathonCall.startMs,
    );
    expect(marathon).toHaveLength(1);
    expect((marathon[0]!.end! - marathon[0]!.responseTime!) / 1000).toBe(marathonCall.talkSec);
    expect(marathon[0]!.connectedNumber).toBe(marathonCall.number);
    expect(clocks.get('LON')!.localTime(marathonCall.startMs)).toMatchObject({ day: 20260410, hour: 10 });
  });

  it('has calls from the phone the directory does not list', () => {
    const [phone] = company.unlistedPhones;
    const theirs = calls.filter((call) => call.starter === phone!.userUri);
    expect(theirs.length).toBeGreaterThan(5);
    expect(theirs.every((call) => call.fromNumber === phone!.extension)).toBe(true);
  });

  it('generates 90 days in well under 10 seconds, with a few rare calls a call accounting must handle', () => {
    const started = performance.now();
    const { sessions } = generateTraffic(company, { from: TO - 90 * DAY, to: TO, seed: 1 });
    // About 1-2 s; the margin is for a busy two-core machine running the other suites beside it.
    expect(performance.now() - started).toBeLessThan(8000);
    expect(sessions.length).toBeGreaterThan(120_000);
    expect(sessions.length).toBeLessThan(220_000);

    const outbound = sessions.filter((session) => isCall(session) && direction(session) === 'outbound');
    const classifier = new NumberClassifier(new Map(company.sites.map((site) => [site.code, site.dialPlan])));
    const byClass = new Map<string, ReplicaSession[]>();
    for (const call of outbound) {
      const destClass = classifier.classify(siteOf(call), call.connectedNumber!).destClass;
      byClass.set(destClass, [...(byClass.get(destClass) ?? []), call]);
    }
    const count = (destClass: string) => byClass.get(destClass)?.length ?? 0;
    // A handful in three months, a tiny share of the calls: emergency, service short codes, 848 numbers.
    expect(count('emergency')).toBeGreaterThanOrEqual(2);
    expect(count('emergency')).toBeLessThanOrEqual(12);
    expect(count('special')).toBeGreaterThanOrEqual(5);
    expect(count('special')).toBeLessThanOrEqual(30);
    expect(count('shared_cost')).toBeGreaterThanOrEqual(15);
    expect(count('shared_cost')).toBeLessThanOrEqual(60);
    expect(count('unknown')).toBe(0);
    expect((count('emergency') + count('special') + count('shared_cost')) / outbound.length).toBeLessThan(
      0.002,
    );
    for (const call of byClass.get('emergency') ?? [])
      expect(siteOf(call) === 'MIL' ? ['112'] : ['999', '112']).toContain(call.connectedNumber);
    // Ships at sea over Inmarsat, called by logistics and purchasing from both sites.
    const satellite = outbound.filter((call) => call.connectedNumber!.startsWith('+870'));
    expect(satellite.length).toBeGreaterThanOrEqual(4);
    expect(satellite.length).toBeLessThanOrEqual(30);
    expect(new Set(satellite.map(siteOf))).toEqual(new Set(['MIL', 'LON']));
    const departments = new Set(satellite.map((call) => usersByUri.get(call.starter)!.departmentCode));
    expect([...departments].every((code) => ['LOG', 'LOG-WH', 'LOG-TR', 'PUR'].includes(code))).toBe(true);
  });
});
