import type { Database } from '../db/database.js';
import { repositoriesFor } from '../db/repositories.js';
import { rollupDeltas } from '../db/rollup.repository.js';
import { milan, sampleCall, samplePlan } from '../db/test-fixtures.js';
import type { Direction } from '../domain/call-record.js';
import type { DestinationClass } from '../domain/destination-class.js';
import type { Principal } from '../domain/principal.js';
import type { RatedCall, RatingStatus } from '../domain/rated-call.js';
import type { Scope } from '../domain/role.js';
import { ZoneClock } from '../domain/zone-clock.js';

type UserKey = 'anna' | 'bruno' | 'carla' | 'dave' | 'emma';
type CarrierKey = 'aurora' | 'albion';

/** One call of the report data set, as a person would write it down. */
interface CallSpec {
  n: number;
  /** Local date and time at the caller's site. */
  at: string;
  user: UserKey | null;
  direction: Direction;
  talk: number;
  answered: boolean;
  destClass: DestinationClass;
  country: string | null;
  carrier: CarrierKey | null;
  /** Micro-units, in the carrier's currency when rated. */
  cost: number;
  status: RatingStatus;
  label: string | null;
  /** The other party's number (null for the internal call). */
  number: string | null;
}

const USERS: Record<
  UserKey,
  { name: string; department: 'sales' | 'north' | 'finance'; site: 'MIL' | 'LON'; ext: string }
> = {
  anna: { name: 'Anna Rossi', department: 'sales', site: 'MIL', ext: '2001' },
  bruno: { name: 'Bruno Conti', department: 'north', site: 'MIL', ext: '2002' },
  carla: { name: 'Carla Bianchi', department: 'finance', site: 'MIL', ext: '2003' },
  dave: { name: 'Dave Smith', department: 'north', site: 'LON', ext: '4001' },
  // A name written to attack spreadsheets; JSON reports show it as it is, exports make it safe.
  emma: { name: '=HYPERLINK("http://evil.example","Emma")', department: 'finance', site: 'LON', ext: '4002' },
};

const o = 'outbound';
const i = 'inbound';

/**
 * November 2026 (24 calls), the previous period 2026-10-02..10-31 (4 calls) and two calls just
 * outside both (2026-10-01, and 2026-12-01 00:30 in Milan, which is still November in UTC).
 * Labels starting with `\r`, `\t`, `@`, `-` and numbers starting with `+` exercise exports.
 */
export const REPORT_CALLS: readonly CallSpec[] = [
  {
    n: 1,
    at: '2026-11-02 09:00',
    user: 'anna',
    direction: o,
    talk: 120,
    answered: true,
    destClass: 'national',
    country: 'IT',
    carrier: 'aurora',
    cost: 200_000,
    status: 'rated',
    label: 'Italy fixed',
    number: '+390612345601',
  },
  {
    n: 2,
    at: '2026-11-02 10:00',
    user: 'anna',
    direction: o,
    talk: 300,
    answered: true,
    destClass: 'mobile',
    country: 'IT',
    carrier: 'aurora',
    cost: 500_000,
    status: 'rated',
    label: 'Italy mobile',
    number: '+393471234502',
  },
  {
    n: 3,
    at: '2026-11-03 09:00',
    user: 'anna',
    direction: o,
    talk: 0,
    answered: false,
    destClass: 'mobile',
    country: 'IT',
    carrier: 'aurora',
    cost: 0,
    status: 'rated',
    label: 'Italy mobile',
    number: '+393471234503',
  },
  {
    n: 4,
    at: '2026-11-03 14:00',
    user: 'anna',
    direction: i,
    talk: 180,
    answered: true,
    destClass: 'national',
    country: 'IT',
    carrier: null,
    cost: 0,
    status: 'free',
    label: null,
    number: '+390612345604',
  },
  {
    n: 5,
    at: '2026-11-04 11:00',
    user: 'bruno',
    direction: o,
    talk: 600,
    answered: true,
    destClass: 'international',
    country: 'GB',
    carrier: 'aurora',
    cost: 1_500_000,
    status: 'rated',
    label: '\rUnited Kingdom',
    number: '+442071234505',
  },
  {
    n: 6,
    at: '2026-11-04 11:30',
    user: 'bruno',
    direction: o,
    talk: 60,
    answered: true,
    destClass: 'national',
    country: 'IT',
    carrier: 'aurora',
    cost: 100_000,
    status: 'rated',
    label: 'Italy fixed',
    number: '+390612345606',
  },
  {
    n: 7,
    at: '2026-11-05 16:00',
    user: 'bruno',
    direction: 'internal',
    talk: 240,
    answered: true,
    destClass: 'internal',
    country: null,
    carrier: null,
    cost: 0,
    status: 'free',
    label: null,
    number: null,
  },
  {
    n: 8,
    at: '2026-11-09 09:00',
    user: 'bruno',
    direction: o,
    talk: 120,
    answered: true,
    destClass: 'mobile',
    country: 'IT',
    carrier: 'aurora',
    cost: 300_000,
    status: 'rated',
    label: 'Italy mobile',
    number: '+393471234508',
  },
  {
    n: 9,
    at: '2026-11-10 10:00',
    user: 'carla',
    direction: o,
    talk: 180,
    answered: true,
    destClass: 'international',
    country: 'FR',
    carrier: 'aurora',
    cost: 900_000,
    status: 'rated',
    label: 'France',
    number: '+33112345609',
  },
  {
    n: 10,
    at: '2026-11-10 10:30',
    user: 'carla',
    direction: o,
    talk: 0,
    answered: false,
    destClass: 'international',
    country: 'FR',
    carrier: 'aurora',
    cost: 0,
    status: 'rated',
    label: 'France',
    number: '+33112345610',
  },
  {
    n: 11,
    at: '2026-11-11 15:00',
    user: 'carla',
    direction: o,
    talk: 60,
    answered: true,
    destClass: 'premium',
    country: 'IT',
    carrier: null,
    cost: 0,
    status: 'unrated',
    label: null,
    number: '+39899123411',
  },
  {
    n: 12,
    at: '2026-11-16 09:00',
    user: 'carla',
    direction: i,
    talk: 0,
    answered: false,
    destClass: 'mobile',
    country: 'IT',
    carrier: null,
    cost: 0,
    status: 'free',
    label: null,
    number: '+393471234512',
  },
  {
    n: 13,
    at: '2026-11-02 09:00',
    user: 'dave',
    direction: o,
    talk: 120,
    answered: true,
    destClass: 'national',
    country: 'GB',
    carrier: 'albion',
    cost: 100_000,
    status: 'rated',
    label: 'UK fixed',
    number: '+441612345613',
  },
  {
    n: 14,
    at: '2026-11-03 10:00',
    user: 'dave',
    direction: o,
    talk: 240,
    answered: true,
    destClass: 'mobile',
    country: 'GB',
    carrier: 'albion',
    cost: 400_000,
    status: 'rated',
    label: 'UK mobile',
    number: '+447700900614',
  },
  {
    n: 15,
    at: '2026-11-09 11:00',
    user: 'dave',
    direction: o,
    talk: 60,
    answered: true,
    destClass: 'international',
    country: 'IT',
    carrier: 'albion',
    cost: 250_000,
    status: 'rated',
    label: '\tItaly',
    number: '+390212345615',
  },
  {
    n: 16,
    at: '2026-11-17 14:00',
    user: 'dave',
    direction: i,
    talk: 300,
    answered: true,
    destClass: 'mobile',
    country: 'GB',
    carrier: null,
    cost: 0,
    status: 'free',
    label: null,
    number: '+447700900616',
  },
  {
    n: 17,
    at: '2026-11-18 09:00',
    user: 'emma',
    direction: o,
    talk: 180,
    answered: true,
    destClass: 'national',
    country: 'GB',
    carrier: 'albion',
    cost: 150_000,
    status: 'rated',
    label: 'UK fixed',
    number: '+442071234517',
  },
  {
    n: 18,
    at: '2026-11-19 10:00',
    user: 'emma',
    direction: o,
    talk: 0,
    answered: false,
    destClass: 'mobile',
    country: 'GB',
    carrier: 'albion',
    cost: 0,
    status: 'unrated',
    label: null,
    number: '+447700900618',
  },
  {
    n: 19,
    at: '2026-11-23 16:00',
    user: 'emma',
    direction: o,
    talk: 120,
    answered: true,
    destClass: 'tollfree',
    country: 'GB',
    carrier: 'albion',
    cost: 0,
    status: 'rated',
    label: '@UK freephone',
    number: '+448001234519',
  },
  {
    n: 20,
    at: '2026-11-24 09:00',
    user: 'anna',
    direction: o,
    talk: 60,
    answered: true,
    destClass: 'national',
    country: 'IT',
    carrier: 'aurora',
    cost: 100_000,
    status: 'rated',
    label: 'Italy fixed',
    number: '+390612345601',
  },
  {
    n: 21,
    at: '2026-11-25 17:00',
    user: 'bruno',
    direction: o,
    talk: 360,
    answered: true,
    destClass: 'mobile',
    country: 'IT',
    carrier: 'aurora',
    cost: 600_000,
    status: 'rated',
    label: 'Italy mobile',
    number: '+393471234521',
  },
  {
    n: 22,
    at: '2026-11-28 10:00',
    user: 'dave',
    direction: o,
    talk: 120,
    answered: true,
    destClass: 'mobile',
    country: 'GB',
    carrier: 'albion',
    cost: 200_000,
    status: 'rated',
    label: 'UK mobile',
    number: '+447700900622',
  },
  {
    n: 23,
    at: '2026-11-30 23:00',
    user: 'anna',
    direction: o,
    talk: 60,
    answered: true,
    destClass: 'international',
    country: 'US',
    carrier: 'aurora',
    cost: 300_000,
    status: 'rated',
    label: '-United States',
    number: '+12025550123',
  },
  {
    n: 24,
    at: '2026-11-30 08:00',
    user: null,
    direction: o,
    talk: 60,
    answered: true,
    destClass: 'national',
    country: 'IT',
    carrier: 'aurora',
    cost: 100_000,
    status: 'rated',
    label: 'Italy fixed',
    number: '+390612345624',
  },
  // The previous period.
  {
    n: 31,
    at: '2026-10-02 09:00',
    user: 'anna',
    direction: o,
    talk: 120,
    answered: true,
    destClass: 'national',
    country: 'IT',
    carrier: 'aurora',
    cost: 200_000,
    status: 'rated',
    label: 'Italy fixed',
    number: '+390612345631',
  },
  {
    n: 32,
    at: '2026-10-15 10:00',
    user: 'bruno',
    direction: o,
    talk: 240,
    answered: true,
    destClass: 'mobile',
    country: 'IT',
    carrier: 'aurora',
    cost: 400_000,
    status: 'rated',
    label: 'Italy mobile',
    number: '+393471234532',
  },
  {
    n: 33,
    at: '2026-10-20 11:00',
    user: 'dave',
    direction: o,
    talk: 60,
    answered: true,
    destClass: 'national',
    country: 'GB',
    carrier: 'albion',
    cost: 50_000,
    status: 'rated',
    label: 'UK fixed',
    number: '+441612345633',
  },
  {
    n: 34,
    at: '2026-10-31 12:00',
    user: 'emma',
    direction: i,
    talk: 180,
    answered: true,
    destClass: 'national',
    country: 'GB',
    carrier: null,
    cost: 0,
    status: 'free',
    label: null,
    number: '+441612345634',
  },
  // Outside both periods.
  {
    n: 41,
    at: '2026-10-01 09:00',
    user: 'anna',
    direction: o,
    talk: 600,
    answered: true,
    destClass: 'national',
    country: 'IT',
    carrier: 'aurora',
    cost: 1_000_000,
    status: 'rated',
    label: 'Italy fixed',
    number: '+390612345641',
  },
  {
    n: 42,
    at: '2026-12-01 00:30',
    user: 'anna',
    direction: o,
    talk: 600,
    answered: true,
    destClass: 'national',
    country: 'IT',
    carrier: 'aurora',
    cost: 1_000_000,
    status: 'rated',
    label: 'Italy fixed',
    number: '+390612345642',
  },
];

/** Ids of what the data set created, by the names the tests use. */
export interface ReportData {
  sites: { MIL: number; LON: number };
  departments: { sales: number; north: number; finance: number };
  users: Record<UserKey, number>;
  carriers: Record<CarrierKey, number>;
  /** Call ids by the spec's `n`. */
  calls: Map<number, number>;
}

/** Stores the data set's directory, carriers with one-currency plans, the calls and their rollups. */
export async function seedReportData(database: Database): Promise<ReportData> {
  const repos = repositoriesFor(database.kysely, database);
  const sites = {
    MIL: await repos.sites.save(milan),
    LON: await repos.sites.save({
      code: 'LON',
      name: 'London',
      timeZone: 'Europe/London',
      currency: 'GBP',
      dialPlan: {
        country: 'GB',
        outsideLineCode: '9',
        internationalPrefix: '00',
        nationalPrefix: '0',
        extensionRanges: [{ from: '4000', to: '4999' }],
        localAreaCodes: ['20'],
      },
    }),
  };
  const department = (code: string, name: string, parentId: number | null) =>
    repos.departments.save({ code, name, parentId, costCenter: null, supervisorGroupId: null });
  const sales = await department('SALES', 'Sales', null);
  const departments = {
    sales,
    north: await department('SALES-N', 'Sales North', sales),
    finance: await department('FIN', 'Finance', null),
  };
  const users = {} as Record<UserKey, number>;
  for (const [key, user] of Object.entries(USERS) as [UserKey, (typeof USERS)[UserKey]][]) {
    users[key] = await repos.users.save({
      upn: `${key}@contoso.com`,
      displayName: user.name,
      entraObjectId: null,
      sipUri: `sip:${key}@contoso.com`,
      departmentId: departments[user.department],
      siteId: sites[user.site],
    });
  }
  const carriers = {
    aurora: await repos.carriers.save({ code: 'aurora', name: 'Aurora Telecom' }),
    albion: await repos.carriers.save({ code: 'albion', name: 'Albion Networks' }),
  };
  await repos.tariffPlans.save(carriers.aurora, samplePlan(1, { currency: 'EUR' }));
  await repos.tariffPlans.save(carriers.albion, samplePlan(1, { currency: 'GBP' }));

  const clocks = { MIL: new ZoneClock('Europe/Rome'), LON: new ZoneClock('Europe/London') };
  const calls = REPORT_CALLS.map((spec): RatedCall => {
    const site = spec.user ? USERS[spec.user].site : 'MIL';
    const [date, time] = spec.at.split(' ') as [string, string];
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    const [hour, minute] = time.split(':').map(Number) as [number, number];
    const startedAt = clocks[site].toUtcMs(Date.UTC(year, month - 1, day, hour, minute));
    const local = clocks[site].localTime(startedAt);
    const own = spec.user ? USERS[spec.user].ext : '2099';
    const other = spec.direction === 'internal' ? USERS.carla.ext : spec.number;
    const inbound = spec.direction === 'inbound';
    const answeredAt = spec.answered ? startedAt + 5_000 : null;
    return sampleCall(spec.n, {
      sourceId: `report-${spec.n}`,
      startedAt,
      answeredAt,
      endedAt: (answeredAt ?? startedAt + 20_000) + spec.talk * 1000,
      durationSec: spec.talk,
      direction: spec.direction,
      answered: spec.answered,
      responseCode: spec.answered ? 200 : 486,
      caller: { uri: null, number: inbound ? other : own },
      callee: { uri: null, number: inbound ? own : other },
      callerNormalized: inbound ? other : own,
      calleeNormalized: inbound ? own : other,
      userId: spec.user ? users[spec.user] : null,
      departmentId: spec.user ? departments[USERS[spec.user].department] : null,
      siteId: sites[site],
      carrierId: spec.carrier ? carriers[spec.carrier] : null,
      destNumber: spec.number,
      destClass: spec.destClass,
      destCountry: spec.country,
      label: spec.label,
      cost: spec.cost,
      currency: spec.status === 'rated' ? (spec.carrier === 'albion' ? 'GBP' : 'EUR') : null,
      billedSec: spec.status === 'rated' ? spec.talk : 0,
      ratingStatus: spec.status,
      ratingReason: null,
      localDay: local.day,
      localHour: local.hour,
      localWeekday: local.weekday,
    });
  });
  await repos.calls.insertNew(calls, null);
  await repos.rollups.apply(rollupDeltas(calls));
  const stored = await database.kysely.selectFrom('calls').select(['id', 'source_id']).execute();
  const ids = new Map(stored.map((row) => [Number(row.source_id.slice('report-'.length)), Number(row.id)]));
  return { sites, departments, users, carriers, calls: ids };
}

/** A signed-in person for the tests: their role, directory user and what they may see. */
export function principalFor(role: Principal['role'], userId: number | null, scope: Scope): Principal {
  return {
    objectId: `oid-${role}-${userId ?? 'none'}`,
    tenantId: 'tenant',
    upn: null,
    displayName: null,
    role,
    userId,
    supervisedDepartmentIds: scope.kind === 'departments' ? scope.departmentIds : [],
    scope,
  };
}
