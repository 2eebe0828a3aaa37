import type { DemoDepartment, DemoSite, WorkKind } from './demo-company.js';
import type { StaffingRow } from './demo-people.js';

/** The demo company's mail and SIP domain (reserved for examples). */
export const DEMO_DOMAIN = 'contoso.com';

/**
 * Milan (Italy) and London (UK): dial plans as the sites' PBX dials, number blocks, gateways and
 * the carrier each site's calls go out through.
 */
export const DEMO_SITES: readonly DemoSite[] = [
  {
    code: 'MIL',
    name: 'Milano',
    timeZone: 'Europe/Rome',
    currency: 'EUR',
    dialPlan: {
      country: 'IT',
      outsideLineCode: '0',
      internationalPrefix: '00',
      nationalPrefix: null,
      extensionRanges: [{ from: '2000', to: '2999' }],
      localAreaCodes: ['02'],
    },
    holidays: 'IT',
    localHolidays: [1207],
    didPrefix: '+39028000',
    mainNumber: '+390280002000',
    gateways: ['gw-mil-1.contoso.com', 'gw-mil-2.contoso.com'],
    mediationServer: 'med-mil-1.contoso.com',
    carrierCode: 'aurora',
    italianShare: 0.92,
  },
  {
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
    holidays: 'GB-ENG',
    localHolidays: [],
    didPrefix: '+44207946',
    mainNumber: '+442079464000',
    gateways: ['gw-lon-1.contoso.com'],
    mediationServer: 'med-lon-1.contoso.com',
    carrierCode: 'albion',
    italianShare: 0.12,
  },
];

const department = (
  code: string,
  name: string,
  parentCode: string | null,
  costCenter: string,
  supervisorGroupId: string,
  work: WorkKind,
): DemoDepartment => ({ code, name, parentCode, costCenter, supervisorGroupId, work });

/** The department tree, with cost centers and made-up supervisor group ids. */
export const DEMO_DEPARTMENTS: readonly DemoDepartment[] = [
  department('MGMT', 'Management', null, 'CC-100', '0c3f5e2a-7b1d-4e8a-9f26-1a4b7c9d2e01', 'management'),
  department('SALES', 'Sales', null, 'CC-200', '5a8e1c74-2d3b-4f9e-8a61-3b7c0d5e9f02', 'sales'),
  department('SALES-IT', 'Sales Italy', 'SALES', 'CC-210', '9b2d6f13-4c8a-4e1b-a7d5-6e0f2a8c4b03', 'sales'),
  department('SALES-UK', 'Sales UK', 'SALES', 'CC-220', 'e41a7c36-9f0b-4d2e-b8c3-7d1e5f9a0c04', 'sales'),
  department(
    'SALES-EXP',
    'Export Sales',
    'SALES',
    'CC-230',
    '2f7b0d98-1e6c-4a3f-9d42-8c5a1b7e3d05',
    'export',
  ),
  department('MKT', 'Marketing', 'SALES', 'CC-240', 'b6c9e2f1-5a7d-4b0c-8e13-9f4d2c6a1e06', 'marketing'),
  department('CS', 'Customer Service', null, 'CC-300', '71d4a8c5-3b9e-4f2a-a0d6-2e8b5c1f7a07', 'service'),
  department(
    'CS-IT',
    'Customer Service Italy',
    'CS',
    'CC-310',
    'c82e5b09-6d1a-4c7f-9b34-4a0e7d2c8f08',
    'service',
  ),
  department(
    'CS-UK',
    'Customer Service UK',
    'CS',
    'CC-320',
    '4e0b9d27-8a5c-4f1d-b6e2-5c3a9f0d1b09',
    'service',
  ),
  department('FIN', 'Finance', null, 'CC-400', 'a3f6c1e8-0b4d-4a9c-8f57-6d2b1e9c3a10', 'finance'),
  department('FIN-ACC', 'Accounting', 'FIN', 'CC-410', '18c7e4a2-9d3f-4b6e-a1c8-7e5d3b0f2c11', 'finance'),
  department('FIN-CTRL', 'Controlling', 'FIN', 'CC-420', 'f59a2d6c-1e8b-4c3d-9a70-8b6f4c1e5d12', 'finance'),
  department('IT', 'Information Technology', null, 'CC-500', '6d1e8b3f-4a2c-4e9d-b5f1-9c7a5d2e8b13', 'it'),
  department('OPS', 'Operations', null, 'CC-600', 'd2b5f0a9-7c4e-4d1b-8e36-0a8c6e3f9c14', 'logistics'),
  department('LOG', 'Logistics', 'OPS', 'CC-610', '3c8a6e1d-2f5b-4a7c-9d09-1b9d7f4a0d15', 'logistics'),
  department(
    'LOG-WH',
    'Warehouse Milano',
    'LOG',
    'CC-611',
    '8f4d1b7e-5a9c-4e2f-a3b8-2c0e8a5b1e16',
    'logistics',
  ),
  department('LOG-TR', 'Transport', 'LOG', 'CC-612', '0a7e3c9b-6d2f-4b8a-9e41-3d1f9b6c2f17', 'logistics'),
  department('PUR', 'Purchasing', 'OPS', 'CC-620', 'e9c2a5f8-3b7d-4c0e-b2a6-4e2a0c7d3a18', 'purchasing'),
  department('HR', 'Human Resources', null, 'CC-700', '57b0d3e6-8c1a-4f5b-a9d4-5f3b1d8e4b19', 'hr'),
  department(
    'FAC',
    'Facilities and Reception',
    null,
    'CC-800',
    'bc3f7a0d-9e4b-4d6c-8b15-6a4c2e9f5c20',
    'reception',
  ),
];

/** How many people each department has at each site, and their extension blocks. */
export const DEMO_STAFFING: readonly StaffingRow[] = [
  { departmentCode: 'FAC', siteCode: 'MIL', headcount: 3, firstExtension: 2000 },
  { departmentCode: 'MGMT', siteCode: 'MIL', headcount: 5, firstExtension: 2010 },
  { departmentCode: 'HR', siteCode: 'MIL', headcount: 6, firstExtension: 2030 },
  { departmentCode: 'SALES', siteCode: 'MIL', headcount: 1, firstExtension: 2100 },
  { departmentCode: 'SALES-IT', siteCode: 'MIL', headcount: 40, firstExtension: 2101 },
  { departmentCode: 'SALES-EXP', siteCode: 'MIL', headcount: 14, firstExtension: 2200 },
  { departmentCode: 'MKT', siteCode: 'MIL', headcount: 7, firstExtension: 2230 },
  { departmentCode: 'CS', siteCode: 'MIL', headcount: 1, firstExtension: 2300 },
  { departmentCode: 'CS-IT', siteCode: 'MIL', headcount: 32, firstExtension: 2301 },
  { departmentCode: 'FIN', siteCode: 'MIL', headcount: 1, firstExtension: 2400 },
  { departmentCode: 'FIN-ACC', siteCode: 'MIL', headcount: 12, firstExtension: 2401 },
  { departmentCode: 'FIN-CTRL', siteCode: 'MIL', headcount: 6, firstExtension: 2420 },
  { departmentCode: 'IT', siteCode: 'MIL', headcount: 9, firstExtension: 2500 },
  { departmentCode: 'OPS', siteCode: 'MIL', headcount: 1, firstExtension: 2600 },
  { departmentCode: 'LOG', siteCode: 'MIL', headcount: 1, firstExtension: 2601 },
  { departmentCode: 'LOG-WH', siteCode: 'MIL', headcount: 24, firstExtension: 2610, withoutDid: 14 },
  { departmentCode: 'LOG-TR', siteCode: 'MIL', headcount: 10, firstExtension: 2640, withoutDid: 2 },
  { departmentCode: 'PUR', siteCode: 'MIL', headcount: 10, firstExtension: 2700 },
  { departmentCode: 'FAC', siteCode: 'LON', headcount: 2, firstExtension: 4000 },
  { departmentCode: 'MGMT', siteCode: 'LON', headcount: 3, firstExtension: 4010 },
  { departmentCode: 'HR', siteCode: 'LON', headcount: 4, firstExtension: 4030 },
  { departmentCode: 'SALES-UK', siteCode: 'LON', headcount: 38, firstExtension: 4100 },
  { departmentCode: 'MKT', siteCode: 'LON', headcount: 6, firstExtension: 4230 },
  { departmentCode: 'CS-UK', siteCode: 'LON', headcount: 30, firstExtension: 4300 },
  { departmentCode: 'FIN', siteCode: 'LON', headcount: 6, firstExtension: 4401 },
  { departmentCode: 'IT', siteCode: 'LON', headcount: 6, firstExtension: 4500 },
  { departmentCode: 'LOG', siteCode: 'LON', headcount: 10, firstExtension: 4600, withoutDid: 3 },
  { departmentCode: 'PUR', siteCode: 'LON', headcount: 5, firstExtension: 4700 },
];

/** Made-up Entra ID group of Ledgerline's administrators. */
export const DEMO_ADMIN_GROUP_ID = '1e5c9a3f-0d7b-4e2c-9a68-7b5d3f0a6d21';
