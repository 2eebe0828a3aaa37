import { DAY_MS, ZoneClock } from '../domain/zone-clock.js';
import type { DemoCompany, DemoSite, DemoUser } from './demo-company.js';
import { drawNumber } from './number-patterns.js';
import { SeededRandom } from './seeded-random.js';
import { audioDraft, outboundParties, type SessionDraft } from './session-drafts.js';

/** Something unusual planted in the demo traffic for alarms and reports to find. */
export interface DemoAnomaly {
  id: 'toll-fraud' | 'marathon-call' | 'unlisted-phone';
  title: string;
  description: string;
}

/** What the demo traffic hides for alarms and reports to find, in words a presenter can read out. */
export const DEMO_ANOMALIES: readonly DemoAnomaly[] = [
  {
    id: 'toll-fraud',
    title: 'Toll fraud at night',
    description:
      'Two nights before the end of the generated history, between about 01:07 and 04:00 Milan time, ' +
      'one Transport extension in Milan makes about forty calls, two at a time, to a handful of Cuban ' +
      'mobile numbers (+53 5…), each several minutes long: hundreds of euros in three hours, when that ' +
      'extension normally never calls abroad and nobody is in the office.',
  },
  {
    id: 'marathon-call',
    title: 'A very long, expensive call',
    description:
      'Three days before the end of the history (or the weekday before that), at 10:42 London time, a London ' +
      'manager calls a mobile in the United Arab Emirates and stays on the line for 3 h 18 min: one ' +
      'call of about 75 GBP, longer than any other in the data (ordinary calls stop at 2 hours).',
  },
  {
    id: 'unlisted-phone',
    title: 'A phone nobody is charged for',
    description:
      'The loading-bay phone of the Milan warehouse (a common-area phone with the bare extension 2690 ' +
      'as its line URI) is not in the directory. It makes a few local and mobile calls on business ' +
      'days; the miner charges them to an anonymous user "Extension 2690 (Milano)" in the Unassigned ' +
      'department until an administrator assigns it.',
  },
];

/** Where the anomalies were put, so tests and the demo can point at them. */
export interface AnomalyPlacement {
  tollFraud: { upn: string; userUri: string; fromMs: number; toMs: number; countryPrefix: string };
  marathonCall: { upn: string; userUri: string; startMs: number; talkSec: number; number: string };
}

const MINUTE = 60_000;
const FRAUD_CALLS = 42;
const MARATHON_TALK_SEC = 3 * 3600 + 18 * 60 + 27;

const siteOf = (company: DemoCompany, code: string): DemoSite => {
  const site = company.sites.find((candidate) => candidate.code === code);
  if (!site) throw new Error(`the demo company has no site ${code}`);
  return site;
};

const userOf = (company: DemoCompany, departmentCode: string, siteCode: string, nth: number): DemoUser => {
  const user = company.users.filter((u) => u.departmentCode === departmentCode && u.siteCode === siteCode)[
    nth
  ];
  if (!user) throw new Error(`the demo company has no user ${nth} in ${departmentCode} at ${siteCode}`);
  return user;
};

/** Local midnight (as a UTC instant) of the day `daysBefore` days before `atMs`, in the site's zone. */
function localMidnight(clock: ZoneClock, atMs: number, daysBefore: number): number {
  const local = clock.toLocalMs(atMs) - daysBefore * DAY_MS;
  return clock.toUtcMs(Math.floor(local / DAY_MS) * DAY_MS);
}

/**
 * The anomaly sessions for history that ends at `anomaliesBefore` (see DEMO_ANOMALIES), and where
 * they are. The unlisted phone is part of the ordinary traffic, not of these sessions.
 */
export function plantAnomalies(
  company: DemoCompany,
  seed: number | string,
  anomaliesBefore: number,
): { placement: AnomalyPlacement; drafts: SessionDraft[] } {
  const random = new SeededRandom('anomalies', seed);
  const drafts: SessionDraft[] = [];
  const order = () => ({ block: -1, index: drafts.length });

  const milan = siteOf(company, 'MIL');
  const fraudster = userOf(company, 'LOG-TR', 'MIL', 3);
  const fraudUri = fraudster.sipUri.replace(/^sip:/, '');
  const fromNumber = fraudster.did ?? `${milan.mainNumber};ext=${fraudster.extension}`;
  const cuba = { template: '+535#######', country: 'CU', types: ['MOBILE'] as const, weight: 1 };
  const targets = Array.from({ length: 5 }, () => drawNumber(cuba, random));
  const fraudFrom = localMidnight(new ZoneClock(milan.timeZone), anomaliesBefore, 2) + 67 * MINUTE;
  const channels = [fraudFrom, fraudFrom + 47_000];
  for (let call = 0; call < FRAUD_CALLS; call++) {
    const channel = call % 2;
    const start = (channels[channel] as number) + random.int(1000);
    const answered = random.chance(0.85);
    const outcome = answered
      ? {
          responseCode: 200,
          ringMs: 2000 + random.int(6000),
          talkMs: Math.round(Math.min(1200, Math.max(60, random.logNormal(330, 0.5))) * 1000),
        }
      : { responseCode: random.chance(0.5) ? 486 : 480, ringMs: 1000 + random.int(15_000), talkMs: 0 };
    const gateway = milan.gateways[call % milan.gateways.length] as string;
    const parties = outboundParties(
      fraudUri,
      fromNumber,
      random.pick(targets),
      gateway,
      milan.mediationServer,
      company.domain,
    );
    const draft = audioDraft(start, outcome, parties, order());
    drafts.push(draft);
    channels[channel] = (draft.end as number) + 4000 + random.int(36_000);
  }
  const fraudTo = Math.max(...drafts.map((draft) => draft.end as number));

  const london = siteOf(company, 'LON');
  const londonClock = new ZoneClock(london.timeZone);
  const talker = userOf(company, 'MGMT', 'LON', 1);
  const talkerUri = talker.sipUri.replace(/^sip:/, '');
  let daysBefore = 3;
  while (londonClock.localTime(localMidnight(londonClock, anomaliesBefore, daysBefore)).weekday > 5)
    daysBefore++;
  const marathonStart =
    localMidnight(londonClock, anomaliesBefore, daysBefore) + (10 * 60 + 42) * MINUTE + 13_407;
  const emirates = { template: '+97150#######', country: 'AE', types: ['MOBILE'] as const, weight: 1 };
  const marathonNumber = drawNumber(emirates, random);
  drafts.push(
    audioDraft(
      marathonStart,
      { responseCode: 200, ringMs: 7_300, talkMs: MARATHON_TALK_SEC * 1000 },
      outboundParties(
        talkerUri,
        talker.did ?? `${london.mainNumber};ext=${talker.extension}`,
        marathonNumber,
        london.gateways[0] as string,
        london.mediationServer,
        company.domain,
      ),
      order(),
    ),
  );

  return {
    placement: {
      tollFraud: {
        upn: fraudster.upn,
        userUri: fraudUri,
        fromMs: fraudFrom,
        toMs: fraudTo,
        countryPrefix: '+53',
      },
      marathonCall: {
        upn: talker.upn,
        userUri: talkerUri,
        startMs: marathonStart,
        talkSec: MARATHON_TALK_SEC,
        number: marathonNumber,
      },
    },
    drafts,
  };
}
