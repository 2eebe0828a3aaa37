import { createWriteStream } from 'node:fs';
import type { CallRecord } from '../backend/domain/call-record.js';
import { DEMO_COMPANY } from '../backend/demo/demo-company.js';
import { DestinationPool } from '../backend/demo/destination-pool.js';
import type { DialledKind } from '../backend/demo/number-patterns.js';
import { SeededRandom, WeightedPicker } from '../backend/demo/seeded-random.js';

const OUTBOUND = new WeightedPicker<DialledKind>(
  ['mobile', 'national', 'local', 'international', 'tollfree', 'premium'],
  [0.36, 0.27, 0.22, 0.11, 0.03, 0.01],
);

/**
 * Writes `count` CallRecord lines of the demo company's people over the `days` days before
 * `endMs`, in time order: outbound calls to the sites' usual contacts (mostly mobile, national
 * and local), inbound and internal calls, about one in five unanswered, on working hours. The
 * report benchmark mines them into a billing database as large as a few years of a big company.
 */
export async function writeCompanyCalls(
  path: string,
  count: number,
  days: number,
  endMs: number,
): Promise<number> {
  const random = new SeededRandom('report-bench');
  const people = WeightedPicker.zipf([...DEMO_COMPANY.users], 0.6);
  const pools = new Map(
    DEMO_COMPANY.sites.map((site) => [site.code, new DestinationPool(site, 'report-bench')]),
  );
  const gateways = new Map(DEMO_COMPANY.sites.map((site) => [site.code, site.gateways[0] ?? null]));
  const startMs = endMs - days * 86_400_000;
  const step = (endMs - startMs) / count;
  const out = createWriteStream(path);
  let chunk = '';
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    // Time order, on working hours: an even spread of instants moved to 08:00-18:00 UTC.
    const day = Math.floor((startMs + i * step) / 86_400_000);
    const started = day * 86_400_000 + 8 * 3_600_000 + Math.floor(random.next() * 10 * 3_600_000);
    const person = people.pick(random);
    const pool = pools.get(person.siteCode) as DestinationPool;
    const kind = random.next();
    const answered = random.next() < 0.8;
    const ring = 3 + random.int(20);
    const talk = answered ? Math.floor(-Math.log(1 - random.next()) * 150) : 0;
    const me = { uri: person.sipUri, number: person.did };
    const direction = kind < 0.7 ? 'outbound' : kind < 0.9 ? 'inbound' : 'internal';
    const other =
      direction === 'outbound'
        ? { uri: null, number: pool.dial(OUTBOUND.pick(random), random) }
        : direction === 'inbound'
          ? { uri: null, number: pool.caller(random) }
          : (() => {
              const colleague = people.pick(random);
              return { uri: colleague.sipUri, number: colleague.did };
            })();
    const record: CallRecord = {
      v: 1,
      source: 'bench',
      sourceId: `${new Date(started).toISOString()}#${i}`,
      startedAt: new Date(started).toISOString(),
      answeredAt: answered ? new Date(started + ring * 1000).toISOString() : null,
      endedAt: new Date(started + ring * 1000 + talk * 1000).toISOString(),
      durationSec: talk,
      ringSec: ring,
      direction,
      answered,
      responseCode: answered ? 200 : 487,
      caller: direction === 'inbound' ? other : me,
      callee: direction === 'inbound' ? me : other,
      trunk: direction === 'internal' ? null : (gateways.get(person.siteCode) ?? null),
      site: person.siteCode,
    };
    chunk += `${JSON.stringify(record)}\n`;
    if (chunk.length > 1 << 20) {
      bytes += chunk.length;
      if (!out.write(chunk)) await new Promise<void>((done) => out.once('drain', () => done()));
      chunk = '';
    }
  }
  bytes += chunk.length;
  out.end(chunk);
  await new Promise<void>((done) => out.on('finish', () => done()));
  return bytes;
}
