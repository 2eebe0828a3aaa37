import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Scope } from '../domain/role.js';
import type { BillingSchema } from './billing-schema.js';
import type { CallSearch, ReportCriteria } from './report-criteria.js';
import { scopeCondition } from './scope-filter.js';

/** The columns calls and daily rollups share: the rollups' key. */
type Keyed = {
  local_day: number;
  site_id: number | null;
  department_id: number | null;
  user_id: number | null;
  carrier_id: number | null;
  dest_class: string;
  dest_country: string | null;
  direction: string;
};

/**
 * The scope and the filters both tables can answer (days, owners, carrier, class, country,
 * direction). The rollups write "none" as 0 or '', so no filter value here is ever 0 or ''.
 */
function keyConditions<DB, TB extends keyof DB>(
  builder: ExpressionBuilder<DB, TB>,
  scope: Scope,
  criteria: ReportCriteria,
): Expression<SqlBool>[] {
  const eb = builder as unknown as ExpressionBuilder<{ t: Keyed }, 't'>;
  const conditions: Expression<SqlBool>[] = [
    scopeCondition(eb, scope),
    eb('local_day', '>=', criteria.fromDay),
    eb('local_day', '<=', criteria.toDay),
  ];
  if (criteria.siteId !== undefined) conditions.push(eb('site_id', '=', criteria.siteId));
  if (criteria.departmentIds !== undefined)
    conditions.push(
      criteria.departmentIds.length === 0
        ? sql<SqlBool>`1 = 0`
        : eb('department_id', 'in', [...criteria.departmentIds]),
    );
  if (criteria.userId !== undefined) conditions.push(eb('user_id', '=', criteria.userId));
  if (criteria.carrierId !== undefined) conditions.push(eb('carrier_id', '=', criteria.carrierId));
  if (criteria.destClass !== undefined) conditions.push(eb('dest_class', '=', criteria.destClass));
  if (criteria.country !== undefined) conditions.push(eb('dest_country', '=', criteria.country));
  if (criteria.direction !== undefined) conditions.push(eb('direction', '=', criteria.direction));
  return conditions;
}

/** The WHERE condition of a report over the daily rollups (the criteria must be ones they serve). */
export function rollupConditions(
  eb: ExpressionBuilder<BillingSchema, 'daily_rollups'>,
  scope: Scope,
  criteria: ReportCriteria,
): Expression<SqlBool> {
  return eb.and(keyConditions(eb, scope, criteria));
}

/** Hours a local day can start before or end after the UTC day of the same date (UTC-12 to UTC+14). */
const ZONE_MARGIN_MS = 14 * 3_600_000;
const DAY_MS = 86_400_000;

/** Epoch milliseconds of 00:00 UTC on a YYYYMMDD day. */
function utcMidnight(day: number): number {
  return Date.UTC(Math.floor(day / 10_000), (Math.floor(day / 100) % 100) - 1, day % 100);
}

/** The WHERE condition of a report or list over calls: everything the criteria say. */
export function callConditions(
  eb: ExpressionBuilder<BillingSchema, 'calls'>,
  scope: Scope,
  criteria: ReportCriteria,
): Expression<SqlBool> {
  const conditions = keyConditions(eb, scope, criteria);
  // The period's days again as UTC instants, widened by the largest zone offsets: the calls
  // indexes by owner are on start time (see migration 0002), and the list walks them in order.
  conditions.push(
    eb('started_at', '>=', utcMidnight(criteria.fromDay) - ZONE_MARGIN_MS),
    eb('started_at', '<', utcMidnight(criteria.toDay) + DAY_MS + ZONE_MARGIN_MS),
  );
  if (criteria.answered !== undefined) conditions.push(eb('answered', '=', criteria.answered ? 1 : 0));
  if (criteria.minCost !== undefined) conditions.push(eb('cost_micro', '>=', criteria.minCost));
  if (criteria.search !== undefined) conditions.push(searchCondition(eb, criteria.search));
  return eb.and(conditions);
}

/** LIKE's wildcards and SQL Server's `[` taken literally, with `\` as the escape character. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_[]/g, (character) => `\\${character}`);
}

function searchCondition(eb: ExpressionBuilder<BillingSchema, 'calls'>, search: CallSearch) {
  const name = `%${likeLiteral(search.text.toLowerCase())}%`;
  const matches: Expression<SqlBool>[] = [
    eb(
      'user_id',
      'in',
      eb
        .selectFrom('users')
        .select('users.id')
        .where(sql<SqlBool>`lower(${sql.ref('users.display_name')}) like ${name} escape '\\'`),
    ),
  ];
  if (search.digits !== null) {
    const anywhere = `%${search.digits}%`;
    // The external party's number is what masking hides: the pattern must end `hiddenDigits`
    // characters before the number does, so the hidden digits never take part in a match.
    const visible = anywhere + '_'.repeat(search.hiddenDigits);
    const own = (pattern: string) =>
      eb.or([
        eb.and([eb('direction', '=', 'inbound'), eb('callee_normalized', 'like', pattern)]),
        eb.and([eb('direction', '<>', 'inbound'), eb('caller_normalized', 'like', pattern)]),
      ]);
    const external = (pattern: string) =>
      eb.or([
        eb('dest_number', 'like', pattern),
        eb.and([eb('direction', '=', 'inbound'), eb('caller_normalized', 'like', pattern)]),
        eb.and([eb('direction', '<>', 'inbound'), eb('callee_normalized', 'like', pattern)]),
      ]);
    matches.push(own(anywhere), external(visible));
    if (search.hiddenDigits > 0 && search.ownUserId !== null)
      matches.push(eb.and([eb('user_id', '=', search.ownUserId), external(anywhere)]));
  }
  return eb.or(matches);
}
