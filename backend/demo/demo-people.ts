import { DEMO_NAMES, type NamePool } from './demo-names.js';
import { SeededRandom } from './seeded-random.js';

/** How many people a department has at a site, and where their extensions start. */
export interface StaffingRow {
  departmentCode: string;
  siteCode: string;
  headcount: number;
  /** The first extension of the department's block; people get consecutive ones. */
  firstExtension: number;
  /** How many of them (the last ones) have an extension only, no direct-dial number. */
  withoutDid?: number;
}

/** What the people generator needs to know of a site. */
export interface StaffedSite {
  code: string;
  /** A DID is this prefix followed by the extension, e.g. "+39028000" + "2101". */
  didPrefix: string;
  /** The share of people with Italian names (the rest English ones). */
  italianShare: number;
}

/** A person of the demo company (see DemoUser in demo-company.ts, which this is). */
export interface DemoPerson {
  upn: string;
  displayName: string;
  sipUri: string;
  siteCode: string;
  departmentCode: string;
  extension: string;
  did: string | null;
  entraObjectId: string;
  /** How much this person phones compared with colleagues of the same department (median 1). */
  activity: number;
}

/**
 * Makes up the demo company's people from a staffing plan, the same for the same seed: names
 * drawn from the site's languages (no well-known combinations, no duplicates), `first.last@domain`
 * addresses, consecutive extensions per department block, DIDs in the site's number block.
 */
export function buildDemoPeople(
  staffing: readonly StaffingRow[],
  sites: readonly StaffedSite[],
  domain: string,
  seed: number | string,
): DemoPerson[] {
  const random = new SeededRandom('people', seed);
  const excluded = new Set(DEMO_NAMES.excluded);
  const taken = new Set<string>();
  const people: DemoPerson[] = [];
  for (const row of staffing) {
    const site = sites.find((candidate) => candidate.code === row.siteCode);
    if (!site)
      throw new Error(`staffing row for ${row.departmentCode} names an unknown site ${row.siteCode}`);
    for (let index = 0; index < row.headcount; index++) {
      const pool: NamePool = random.chance(site.italianShare) ? DEMO_NAMES.italian : DEMO_NAMES.english;
      let displayName: string;
      do displayName = `${random.pick(pool.given)} ${random.pick(pool.family)}`;
      while (excluded.has(displayName) || taken.has(displayName));
      taken.add(displayName);
      const upn = `${mailboxName(displayName)}@${domain}`;
      const extension = String(row.firstExtension + index);
      people.push({
        upn,
        displayName,
        sipUri: `sip:${upn}`,
        siteCode: row.siteCode,
        departmentCode: row.departmentCode,
        extension,
        did: index >= row.headcount - (row.withoutDid ?? 0) ? null : `${site.didPrefix}${extension}`,
        entraObjectId: random.guid(),
        activity: Math.min(3, Math.max(0.25, random.logNormal(1, 0.45))),
      });
    }
  }
  return people;
}

/** "Anna D'Angelo" -> "anna.dangelo", "Luca De Luca" -> "luca.deluca". */
function mailboxName(displayName: string): string {
  const [given = '', ...family] = displayName.toLowerCase().split(' ');
  return `${given}.${family.join('')}`.replace(/[^a-z.]/g, '');
}
