import type { CallRecord } from '../domain/call-record.js';
import type { DemoCompany } from './demo-company.js';
import { drawNumber, NUMBER_PATTERNS } from './number-patterns.js';
import { SeededRandom } from './seeded-random.js';

/** The file the demo imports once, as an administrator would import an old PBX's export. */
export const LEGACY_EXPORT_FILE = 'old-pbx-export.ndjson';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Calls a business day from the warehouse's analog lines. */
const CALLS_PER_DAY = 9;

/**
 * The last week of Milan's old PBX before the move to Skype for Business, as its export script
 * wrote it: CallRecord lines (source `legacy-pbx`) for the warehouse's analog phones, numbers as
 * dialled (outside-line 0 first). Like real exports it is not clean: one line was cut short and one
 * has a negative talk time from the old PBX's clock, and the miner rejects both by line. Pure and
 * deterministic: the same company, seed and end give the same text.
 */
export function legacyPbxExport(company: DemoCompany, seed: number | string, endMs: number): string {
  const random = new SeededRandom('legacy-pbx', seed);
  const site = company.sites.find((candidate) => candidate.dialPlan.country === 'IT');
  const people = company.users.filter(
    (user) => user.departmentCode === 'LOG-WH' && user.siteCode === site?.code,
  );
  const patterns = NUMBER_PATTERNS.IT;
  if (!site || people.length === 0 || !patterns) return '';
  // The warehouse calls hauliers and suppliers: Milan numbers, the rest of Italy, drivers' mobiles.
  const kinds = [patterns.local, patterns.national, patterns.national, patterns.mobile];
  const lines: string[] = [];
  const firstDay = Math.floor(endMs / DAY) * DAY - 7 * DAY;
  for (let day = firstDay; day < firstDay + 7 * DAY; day += DAY) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (let n = random.poisson(CALLS_PER_DAY); n > 0; n--) {
      // 07:00-16:00 UTC: the warehouse's working day in Milan.
      const start = day + 7 * HOUR + random.int(9 * HOUR);
      if (start >= endMs) continue;
      const user = random.pick(people);
      const e164 = drawNumber(random.pick(random.pick(kinds)), random);
      const answered = !random.chance(0.2);
      const ringSec = Math.round(random.between(2, answered ? 15 : 30));
      const durationSec = answered ? Math.round(random.logNormal(80, 1)) : 0;
      const record: CallRecord = {
        v: 1,
        source: 'legacy-pbx',
        sourceId: `mil-pbx-${lines.length + 1}`,
        startedAt: new Date(start).toISOString(),
        answeredAt: answered ? new Date(start + ringSec * 1000).toISOString() : null,
        endedAt: new Date(start + (ringSec + durationSec) * 1000).toISOString(),
        durationSec,
        ringSec,
        direction: 'outbound',
        answered,
        responseCode: null,
        caller: { uri: null, number: user.extension },
        // Dialled as on the old PBX: 0 for an outside line, then the national number (+39 dropped).
        callee: { uri: null, number: `0${e164.slice(3)}` },
        trunk: 'old-pbx-analog',
        site: site.code,
      };
      lines.push(JSON.stringify(record));
    }
  }
  const cut = Math.floor(lines.length / 3);
  const clock = Math.floor((2 * lines.length) / 3);
  if (lines.length > 3) {
    lines[cut] = (lines[cut] as string).slice(0, 97);
    lines[clock] = (lines[clock] as string).replace(/"durationSec":\d+/, '"durationSec":-12');
  }
  return lines.map((line) => `${line}\n`).join('');
}
