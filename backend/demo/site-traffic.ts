import { ZoneClock } from '../domain/zone-clock.js';
import type { DemoCompany, DemoSite, DemoUser, UnlistedPhone, WorkKind } from './demo-company.js';
import { DestinationPool } from './destination-pool.js';
import { RARE_CALLS, type RareCall } from './rare-calls.js';
import { WeightedPicker } from './seeded-random.js';
import { CALLING_PROFILES, type CallingProfile } from './traffic-profile.js';

/** Who calls in one direction at a site, and how much. */
export interface DirectionPicker {
  /** Calls per business day of the whole site in this direction. */
  rate: number;
  users: WeightedPicker<DemoUser> | null;
}

/** What the traffic model needs of a site, worked out once: its people, their rates, its numbers. */
export interface SiteTraffic {
  site: DemoSite;
  index: number;
  clock: ZoneClock;
  pool: DestinationPool;
  outbound: DirectionPicker;
  inbound: DirectionPicker;
  internal: DirectionPicker;
  everyone: WeightedPicker<DemoUser>;
  teams: Map<string, DemoUser[]>;
  unlisted: readonly UnlistedPhone[];
  rare: readonly { call: RareCall; callers: WeightedPicker<DemoUser> }[];
}

/**
 * A site's callers, weighted by their calling profile and personal activity per direction (people
 * without a direct number receive no outside calls), its teams, outside numbers, the phones the
 * directory does not list, and who makes its rare calls.
 */
export function siteTraffic(
  company: DemoCompany,
  site: DemoSite,
  index: number,
  seed: number | string,
  works: ReadonlyMap<string, WorkKind>,
): SiteTraffic {
  const people = company.users.filter((user) => user.siteCode === site.code);
  if (people.length === 0 || !people.every((user) => works.has(user.departmentCode))) {
    throw new Error(`site ${site.code} has no people, or people in departments the company does not have`);
  }
  const workOf = (user: DemoUser) => works.get(user.departmentCode) as WorkKind;
  const byActivity = (users: DemoUser[]) =>
    new WeightedPicker(
      users,
      users.map((user) => user.activity),
    );
  const direction = (rate: (profile: CallingProfile, user: DemoUser) => number): DirectionPicker => {
    const weights = people.map((user) => rate(CALLING_PROFILES[workOf(user)], user) * user.activity);
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    return { rate: total, users: total > 0 ? new WeightedPicker(people, weights) : null };
  };
  const teams = new Map<string, DemoUser[]>();
  for (const user of people)
    teams.set(user.departmentCode, [...(teams.get(user.departmentCode) ?? []), user]);
  return {
    site,
    index,
    clock: new ZoneClock(site.timeZone),
    pool: new DestinationPool(site, seed),
    outbound: direction((profile) => profile.outbound),
    inbound: direction((profile, user) => (user.did === null ? 0 : profile.inbound)),
    internal: direction((profile) => profile.internal),
    everyone: byActivity(people),
    teams,
    unlisted: company.unlistedPhones.filter((phone) => phone.siteCode === site.code),
    rare: (RARE_CALLS[site.dialPlan.country] ?? []).flatMap((call) => {
      const callers = people.filter((user) => !call.callers || call.callers.includes(workOf(user)));
      return callers.length === 0 ? [] : [{ call, callers: byActivity(callers) }];
    }),
  };
}
