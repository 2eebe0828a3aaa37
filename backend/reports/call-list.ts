import { z } from 'zod';
import type { CallListRepository, CallSortColumn, ListedCall } from '../db/call-list.repository.js';
import type { ReportCriteria } from '../db/report-criteria.js';
import type { NamedKind, ReportRepository } from '../db/report.repository.js';
import type { SiteRepository } from '../db/site.repository.js';
import type { Scope } from '../domain/role.js';
import { ZoneClock } from '../domain/zone-clock.js';
import { decodeCallCursor, encodeCallCursor } from './call-cursor.js';
import { formatLocalDay } from './local-day.js';
import type { NumberMask } from './number-mask.js';
import type { CallSort } from './report-query.js';

const named = z.object({ id: z.number().int(), name: z.string() }).nullable();

/** A call as lists and exports show it, the other party's number masked for the viewer. */
export const callListRowSchema = z.object({
  id: z.number().int(),
  startedAt: z.string().describe('ISO-8601 UTC'),
  localTime: z.string().describe("start in the site's time zone, YYYY-MM-DD HH:mm:ss"),
  localDay: z.string().describe('YYYY-MM-DD'),
  direction: z.enum(['outbound', 'inbound', 'internal']),
  answered: z.boolean(),
  talkSec: z.number().int(),
  billedSec: z.number().int(),
  user: named,
  department: named,
  site: named,
  carrier: named,
  caller: z.string().nullable(),
  callee: z.string().nullable(),
  number: z.string().nullable().describe('the other party: the callee, or the caller of an inbound call'),
  destClass: z.string(),
  country: z.string().nullable(),
  destination: z.string().nullable().describe("the rate's label"),
  cost: z
    .object({ currency: z.string(), micro: z.number().int() })
    .nullable()
    .describe('null when the call was not priced (free or unrated)'),
  ratingStatus: z.enum(['rated', 'unrated', 'free']),
});
/** A call as lists and exports show it. */
export type CallListRow = z.infer<typeof callListRowSchema>;

/** A page of calls and the cursor of the next one (null after the last). */
export const callPageSchema = z.object({
  calls: z.array(callListRowSchema),
  nextCursor: z.string().nullable(),
});
/** A page of calls. */
export type CallPage = z.infer<typeof callPageSchema>;

const SORT_COLUMNS: Record<CallSort, CallSortColumn> = {
  startedAt: 'started_at',
  cost: 'cost_micro',
  duration: 'duration_sec',
};

/**
 * Turns listed calls into rows: names of users, departments, sites and carriers (kept across
 * pages, so an export reads each once), local start times, masked numbers.
 */
export class CallRows {
  private readonly names = new Map<NamedKind, Map<number, string>>();
  private clocks: Promise<Map<number, ZoneClock>> | null = null;

  constructor(
    private readonly reports: ReportRepository,
    private readonly sites: SiteRepository,
    private readonly mask: NumberMask,
  ) {}

  /** The rows of `calls`, in their order. */
  async present(calls: readonly ListedCall[]): Promise<CallListRow[]> {
    const clocks = await (this.clocks ??= this.sites
      .list()
      .then((sites) => new Map(sites.map((site) => [site.id, new ZoneClock(site.timeZone)]))));
    const [users, departments, sites, carriers] = await Promise.all([
      this.namesOf(
        'user',
        calls.map((call) => call.user_id),
      ),
      this.namesOf(
        'department',
        calls.map((call) => call.department_id),
      ),
      this.namesOf(
        'site',
        calls.map((call) => call.site_id),
      ),
      this.namesOf(
        'carrier',
        calls.map((call) => call.carrier_id),
      ),
    ]);
    const ref = (names: Map<number, string>, id: number | null) =>
      id === null ? null : { id, name: names.get(id) ?? `#${id}` };
    return calls.map((call) => {
      const parties = this.mask.parties(call);
      const clock = call.site_id === null ? undefined : clocks.get(call.site_id);
      const local = new Date(clock ? clock.toLocalMs(call.started_at) : call.started_at).toISOString();
      return {
        id: call.id,
        startedAt: new Date(call.started_at).toISOString(),
        localTime: `${local.slice(0, 10)} ${local.slice(11, 19)}`,
        localDay: formatLocalDay(call.local_day),
        direction: call.direction,
        answered: call.answered === 1,
        talkSec: call.duration_sec,
        billedSec: call.billed_sec,
        user: ref(users, call.user_id),
        department: ref(departments, call.department_id),
        site: ref(sites, call.site_id),
        carrier: ref(carriers, call.carrier_id),
        caller: parties.caller,
        callee: parties.callee,
        number: parties.number,
        destClass: call.dest_class,
        country: call.dest_country,
        destination: call.label,
        cost: call.currency === null ? null : { currency: call.currency, micro: call.cost_micro },
        ratingStatus: call.rating_status,
      };
    });
  }

  private async namesOf(kind: NamedKind, ids: readonly (number | null)[]): Promise<Map<number, string>> {
    const known = this.names.get(kind) ?? new Map<number, string>();
    this.names.set(kind, known);
    const missing = [...new Set(ids)].filter((id): id is number => id !== null && !known.has(id));
    if (missing.length > 0) {
      const found = await this.reports.names(kind, missing);
      // Ids no longer in the directory are remembered too, so they are not asked for again.
      for (const id of missing) known.set(id, found.get(id) ?? `#${id}`);
    }
    return known;
  }
}

/** One page of the calls a scope and criteria select, in the order asked, and the next page's cursor. */
export async function callPage(
  calls: CallListRepository,
  rows: CallRows,
  scope: Scope,
  criteria: ReportCriteria,
  request: { sort: CallSort; order: 'asc' | 'desc'; cursor?: string | undefined; limit: number },
): Promise<CallPage> {
  const { sort, order, limit } = request;
  const after = request.cursor === undefined ? null : decodeCallCursor(request.cursor, { sort, order });
  const column = SORT_COLUMNS[sort];
  // One row more than asked tells whether another page follows.
  const listed = await calls.page({
    scope,
    criteria,
    sort: column,
    descending: order === 'desc',
    after,
    limit: limit + 1,
  });
  const page = listed.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor =
    listed.length > limit && last
      ? encodeCallCursor({ sort, order, value: Number(last[column]), id: last.id })
      : null;
  return { calls: await rows.present(page), nextCursor };
}

/** Every call a scope and criteria select, oldest first, read a page at a time (for exports). */
export async function* allCalls(
  calls: CallListRepository,
  scope: Scope,
  criteria: ReportCriteria,
  pageSize: number,
): AsyncGenerator<ListedCall[]> {
  let after: { value: number; id: number } | null = null;
  for (;;) {
    const page = await calls.page({
      scope,
      criteria,
      sort: 'started_at',
      descending: false,
      after,
      limit: pageSize,
    });
    if (page.length === 0) return;
    yield page;
    if (page.length < pageSize) return;
    const last = page[page.length - 1] as ListedCall;
    after = { value: last.started_at, id: last.id };
  }
}
