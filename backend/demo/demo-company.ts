import type { Database } from '../db/database.js';
import { inTransaction } from '../db/repositories.js';
import { importDirectory } from '../directory/directory-import.js';
import type { DialPlan } from '../domain/dial-plan.js';
import { parseTariffFile } from '../tariffs/tariff-file.js';
import { storeTariff } from '../tariffs/tariff-store.js';
import { demoDirectoryFiles } from './demo-directory-files.js';
import { buildDemoPeople, type DemoPerson } from './demo-people.js';
import {
  DEMO_ADMIN_GROUP_ID,
  DEMO_DEPARTMENTS,
  DEMO_DOMAIN,
  DEMO_SITES,
  DEMO_STAFFING,
} from './demo-organization.js';
import { ALBION_TARIFF_YAML, AURORA_TARIFF_YAML } from './demo-tariffs.js';
import type { HolidayCalendar } from './public-holidays.js';

/** A site of the demo company: its dial plan, number block, gateways and carrier. */
export interface DemoSite {
  code: string;
  name: string;
  timeZone: string;
  currency: string;
  dialPlan: DialPlan;
  holidays: HolidayCalendar;
  /** Local holidays on top of the national ones, as MMDD (Milan's Sant'Ambrogio is 1207). */
  localHolidays: readonly number[];
  /** A user's DID is this prefix followed by the extension. */
  didPrefix: string;
  /** The switchboard number (reception's DID); extension-only phones present it with `;ext=`. */
  mainNumber: string;
  /** PSTN gateways as LcsCDR names them; calls leave and arrive through them. */
  gateways: readonly string[];
  mediationServer: string;
  /** The carrier (tariff file code) the site's routing rule sends its calls to. */
  carrierCode: string;
  /** Share of its people with Italian names. */
  italianShare: number;
}

/** What kind of work a department does: it decides how much and whom its people call. */
export type WorkKind =
  | 'management'
  | 'sales'
  | 'export'
  | 'marketing'
  | 'service'
  | 'finance'
  | 'it'
  | 'logistics'
  | 'purchasing'
  | 'hr'
  | 'reception';

/** A department of the demo company's tree. */
export interface DemoDepartment {
  code: string;
  name: string;
  parentCode: string | null;
  costCenter: string;
  /** Made-up Entra ID group whose members supervise this department and those below it. */
  supervisorGroupId: string;
  work: WorkKind;
}

/** A person of the demo company, with what the traffic generator needs to make their calls. */
export type DemoUser = DemoPerson;

/** A carrier of the demo company and its tariff file. */
export interface DemoCarrier {
  code: string;
  name: string;
  tariffYaml: string;
}

/** A phone in use that the directory does not know (its calls go to an anonymous user). */
export interface UnlistedPhone {
  siteCode: string;
  extension: string;
  /** UserUri as LcsCDR keeps it (no "sip:"). */
  userUri: string;
  description: string;
}

/** Who to sign in as in the demo, per role, with the Entra groups that give the role. */
export interface DemoPersona {
  upn: string;
  groupIds: readonly string[];
}

/** Everything about the fictional company the demo runs on. */
export interface DemoCompany {
  name: string;
  domain: string;
  sites: readonly DemoSite[];
  departments: readonly DemoDepartment[];
  users: readonly DemoUser[];
  carriers: readonly DemoCarrier[];
  /** Site code per gateway name, for the recorder's LcsCDR source. */
  siteByGateway: Readonly<Record<string, string>>;
  unlistedPhones: readonly UnlistedPhone[];
  /** Made-up Entra ID group of Ledgerline's administrators. */
  adminGroupId: string;
  personas: Readonly<Record<'employee' | 'supervisor' | 'admin', DemoPersona>>;
}

/**
 * Builds the demo company for a seed: the same sites, departments and carriers always, and
 * people made up from the seed. DEMO_COMPANY is the one the demo uses.
 */
export function buildDemoCompany(seed: number | string = 'contoso-trading'): DemoCompany {
  const users = buildDemoPeople(DEMO_STAFFING, DEMO_SITES, DEMO_DOMAIN, seed);
  const firstOf = (departmentCode: string, siteCode: string, nth = 0): DemoUser => {
    const found = users.filter(
      (user) => user.departmentCode === departmentCode && user.siteCode === siteCode,
    );
    const user = found[nth];
    if (!user) throw new Error(`no user ${nth} in ${departmentCode} at ${siteCode}`);
    return user;
  };
  const sales = DEMO_DEPARTMENTS.find((candidate) => candidate.code === 'SALES') as DemoDepartment;
  return {
    name: 'Contoso Trading',
    domain: DEMO_DOMAIN,
    sites: DEMO_SITES,
    departments: DEMO_DEPARTMENTS,
    users,
    carriers: [
      { code: 'aurora', name: 'Linea Aurora S.p.A.', tariffYaml: AURORA_TARIFF_YAML },
      { code: 'albion', name: 'Albion Voice Ltd', tariffYaml: ALBION_TARIFF_YAML },
    ],
    siteByGateway: Object.fromEntries(
      DEMO_SITES.flatMap((site) => site.gateways.map((gateway) => [gateway, site.code])),
    ),
    unlistedPhones: [
      {
        siteCode: 'MIL',
        extension: '2690',
        userUri: 'loadingbay.milano@contoso.com',
        description: 'the loading-bay phone in the Milan warehouse, never added to the directory',
      },
    ],
    adminGroupId: DEMO_ADMIN_GROUP_ID,
    personas: {
      employee: { upn: firstOf('SALES-IT', 'MIL', 1).upn, groupIds: [] },
      supervisor: { upn: firstOf('SALES', 'MIL').upn, groupIds: [sales.supervisorGroupId] },
      admin: { upn: firstOf('IT', 'MIL').upn, groupIds: [DEMO_ADMIN_GROUP_ID] },
    },
  };
}

/** Contoso Trading, the fictional company of `ledgerline demo`: two sites, ~300 people, two carriers. */
export const DEMO_COMPANY: DemoCompany = buildDemoCompany();

/**
 * Loads the demo company into a migrated billing database: the directory (through the same CSV
 * import administrators use), both carriers' tariff files, and one routing rule per site to its
 * carrier. Running it again updates in place. Returns the company, for the traffic generator.
 */
export async function setUpDemoCompany(
  database: Database,
  company: DemoCompany = DEMO_COMPANY,
): Promise<DemoCompany> {
  await importDirectory(database, demoDirectoryFiles(company));
  for (const carrier of company.carriers) {
    await storeTariff(database, parseTariffFile(carrier.tariffYaml, { fileName: `${carrier.code}.yaml` }));
  }
  await inTransaction(database, async (repos) => {
    const rules = [];
    for (const site of company.sites) {
      const siteId = (await repos.sites.findByCode(site.code))?.id;
      const carrierId = (await repos.carriers.findByCode(site.carrierCode))?.id;
      if (siteId === undefined || carrierId === undefined) {
        throw new Error(`site ${site.code} or carrier ${site.carrierCode} was not stored`);
      }
      rules.push({ priority: 10, siteId, trunk: null, prefix: null, carrierId });
    }
    await repos.routingRules.replaceAll(rules);
  });
  return company;
}
