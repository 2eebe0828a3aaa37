import type { Database } from '../db/database.js';
import { repositoriesFor } from '../db/repositories.js';
import { importDirectory } from '../directory/directory-import.js';
import type { CallRecord } from '../domain/call-record.js';
import { parseTariffFile } from '../tariffs/tariff-file.js';
import { storeTariff } from '../tariffs/tariff-store.js';

/** A two-site company with two carriers, for mining tests. */
export async function setUpTestCompany(database: Database): Promise<void> {
  await importDirectory(database, {
    sites: `code,name,country,time_zone,currency,outside_line_code,international_prefix,national_prefix,extension_ranges,local_area_codes
MIL,Milano,IT,Europe/Rome,EUR,0,00,,2000-2999,02
LON,London,GB,Europe/London,GBP,9,00,0,4000-4999,20
`,
    departments: 'code,name,parent_code\nSALES,Sales,\nSALES-IT,Sales Italy,SALES\n',
    users: `upn,display_name,department_code,site_code,sip_uri
anna.rossi@contoso.com,Anna Rossi,SALES-IT,MIL,sip:anna.rossi@contoso.com
james.smith@contoso.com,James Smith,SALES,LON,sip:james.smith@contoso.com
`,
    numbers: `upn,site_code,number
anna.rossi@contoso.com,MIL,2001
anna.rossi@contoso.com,MIL,+390212342001
james.smith@contoso.com,LON,4001
`,
  });
  for (const file of [TELCO_IT, TELCO_UK]) await storeTariff(database, parseTariffFile(file));
  const repos = repositoriesFor(database.kysely, database);
  const milan = (await repos.sites.findByCode('MIL'))!.id;
  const london = (await repos.sites.findByCode('LON'))!.id;
  await repos.routingRules.replaceAll([
    {
      priority: 10,
      siteId: milan,
      trunk: null,
      prefix: null,
      carrierId: (await repos.carriers.findByCode('telco-it'))!.id,
    },
    {
      priority: 10,
      siteId: london,
      trunk: 'gw-lon-1',
      prefix: null,
      carrierId: (await repos.carriers.findByCode('telco-uk'))!.id,
    },
  ]);
}

const TELCO_IT = `version: 1
carrier: { code: telco-it, name: Telco Italia }
name: Business 2026
currency: EUR
timeZone: Europe/Rome
activeFrom: 2026-01-01
rounding: { decimals: 4, method: up }
rates:
  - { prefix: '39', label: Italia fisso, pricePerMinute: 0.02, increments: 60/60 }
  - { prefix: '393', label: Italia mobile, pricePerMinute: 0.12, increments: 30/6 }
  - { prefix: '44', label: Regno Unito, pricePerMinute: 0.06, increments: 60/60, connectFee: 0.05 }
`;

const TELCO_UK = `version: 1
carrier: { code: telco-uk, name: Telco UK }
name: Standard 2026
currency: GBP
timeZone: Europe/London
activeFrom: 2026-01-01
rounding: { decimals: 2, method: up }
rates:
  - { prefix: '44', label: UK, pricePerMinute: 0.03, increments: 60/60 }
`;

let counter = 0;

/** An answered outbound call record from Anna; fields override. */
export function testRecord(fields: Partial<CallRecord> = {}): CallRecord {
  counter++;
  return {
    v: 1,
    source: 'sfb',
    sourceId: `2026-02-03T09:00:00.000Z#${counter}`,
    startedAt: '2026-02-03T09:00:00.000Z',
    answeredAt: '2026-02-03T09:00:05.000Z',
    endedAt: '2026-02-03T09:01:35.000Z',
    durationSec: 90,
    ringSec: 5,
    direction: 'outbound',
    answered: true,
    responseCode: 200,
    caller: { uri: 'sip:anna.rossi@contoso.com', number: null },
    callee: { uri: null, number: '00212345678' },
    trunk: 'gw-mil-1',
    site: 'MIL',
    ...fields,
  };
}
