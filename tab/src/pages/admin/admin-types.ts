/**
 * The shapes of the admin API's answers the administration pages read (docs/api.md;
 * backend/api/admin/*.ts has the schemas). Amounts are micro-units (1e-6 of the currency).
 */

/** A site's dial plan: how its numbers are read. */
export interface DialPlan {
  country: string;
  outsideLineCode: string | null;
  internationalPrefix: string;
  nationalPrefix: string | null;
  extensionRanges: { from: string; to: string }[];
  localAreaCodes: string[];
}

/** `GET /api/v1/admin/sites`. */
export interface Site {
  id: number;
  code: string;
  name: string;
  timeZone: string;
  currency: string;
  dialPlan: DialPlan;
}

/** `GET /api/v1/admin/departments`. */
export interface Department {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  costCenter: string | null;
  supervisorGroupId: string | null;
}

/** `GET /api/v1/admin/carriers`. */
export interface Carrier {
  id: number;
  code: string;
  name: string;
}

/** A plan as lists show it. */
export interface TariffPlanSummary {
  id: number;
  carrierId: number;
  name: string;
  currency: string;
  activeFrom: number;
  rates: number;
}

/** One step of a rate's price: from `fromSec` on, blocks of `incrementSec` at `pricePerMinute`. */
export interface PriceInterval {
  fromSec: number;
  incrementSec: number;
  pricePerMinute: number;
}

/** The price of one destination within a plan. */
export interface Rate {
  id: number;
  prefix: string | null;
  destClass: string | null;
  country: string | null;
  label: string;
  connectFee: number;
  intervals: PriceInterval[];
  bandIntervals: Record<string, PriceInterval[]>;
  minCharge: number;
  maxCost: number | null;
  unansweredCharge: number;
}

/** `GET /api/v1/admin/tariff-plans/:id`. */
export interface TariffPlan {
  id: number;
  carrierId: number;
  carrier: Carrier;
  name: string;
  currency: string;
  activeFrom: number;
  timeBands: { name: string; weekdays: number[]; from: string; to: string }[];
  rounding: { decimals: number; method: 'up' | 'down' | 'half-up' };
  rates: Rate[];
}

/** Stored calls of the carrier in a plan's time (local days YYYYMMDD): re-rate them to apply a change. */
export interface AffectedCalls {
  calls: number;
  firstDay: number | null;
  lastDay: number | null;
}

/** `PATCH /api/v1/admin/tariff-plans/:id/rates/:rateId`. */
export interface ChangedRate {
  rate: Rate;
  affected: AffectedCalls;
}

/** `PUT /api/v1/admin/tariff-plans/:id/rates`. */
export interface ImportedRates {
  plan: TariffPlanSummary;
  affected: AffectedCalls;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
}

/** `POST /api/v1/admin/tariffs/preview`. */
export interface RatingPreview {
  site: { id: number; code: string };
  normalized: string | null;
  destClass: string;
  destCountry: string | null;
  status: 'rated' | 'unrated' | 'free';
  reason: string | null;
  carrier: Carrier | null;
  plan: { id: number | null; name: string; activeFrom: number } | null;
  rate: {
    id: number | null;
    label: string;
    matchedBy: 'prefix' | 'class';
    prefix: string | null;
    destClass: string | null;
    country: string | null;
  } | null;
  cost: number;
  costText: string;
  currency: string | null;
  billedSec: number;
  bands: { band: string | null; billedSec: number; amount: number }[];
}

/** A routing rule: the carrier of calls matching all its criteria (null: any). */
export interface RoutingRule {
  id?: number;
  priority: number;
  siteId: number | null;
  trunk: string | null;
  prefix: string | null;
  carrierId: number;
}

/** A user of the directory. */
export interface DirectoryUser {
  id: number;
  upn: string | null;
  displayName: string;
  entraObjectId: string | null;
  sipUri: string | null;
  departmentId: number | null;
  siteId: number | null;
  anonymous: boolean;
}

/** A user's number or extension. */
export interface UserNumber {
  id: number;
  userId: number;
  siteId: number;
  kind: 'e164' | 'extension';
  number: string;
}

/** `GET /api/v1/admin/users/:id`. */
export interface DirectoryUserWithNumbers extends DirectoryUser {
  numbers: UserNumber[];
}

/** `GET /api/v1/admin/users`. */
export interface UserPage {
  users: DirectoryUser[];
  total: number;
}

/** `POST /api/v1/admin/rerate`. */
export interface RerateResult {
  days: number;
  calls: number;
  changed: number;
  skipped: number;
}

/** One row of `GET /api/v1/admin/audit`. */
export interface AuditEntry {
  id: number;
  at: number;
  actorObjectId: string;
  actorName: string | null;
  action: 'create' | 'update' | 'delete' | 'import' | 'rerate';
  entityType: string;
  entityKey: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

/** `GET /api/v1/admin/audit`. */
export interface AuditPage {
  entries: AuditEntry[];
  nextCursor: string | null;
}

/** The admin API's paths. */
export const ADMIN_API = {
  sites: '/api/v1/admin/sites',
  departments: '/api/v1/admin/departments',
  carriers: '/api/v1/admin/carriers',
  tariffPlans: '/api/v1/admin/tariff-plans',
  preview: '/api/v1/admin/tariffs/preview',
  routingRules: '/api/v1/admin/routing-rules',
  users: '/api/v1/admin/users',
  rerate: '/api/v1/admin/rerate',
  audit: '/api/v1/admin/audit',
  alarmRules: '/api/v1/admin/alarm-rules',
  reportSchedules: '/api/v1/admin/report-schedules',
} as const;
