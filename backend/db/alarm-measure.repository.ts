import { sql, type ExpressionBuilder, type Kysely, type SqlBool, type Expression } from 'kysely';
import type { BillingSchema } from './billing-schema.js';

/** A stored call as alarm rules look at it. */
export interface AlarmCall {
  id: number;
  userId: number | null;
  userName: string | null;
  departmentId: number | null;
  siteId: number | null;
  siteCountry: string | null;
  startedAt: number;
  durationSec: number;
  costMicro: number;
  currency: string | null;
  destNumber: string | null;
  destClass: string;
  destCountry: string | null;
  localDay: number;
  localHour: number;
  localWeekday: number;
}

/** Which calls of a spool file a per-call rule is about; each becomes a WHERE condition. */
export type CallMatch =
  | { kind: 'over'; costMicro: number | null; durationSec: number | null }
  | {
      kind: 'destination';
      destClasses: readonly string[];
      prefixes: readonly string[];
      countries: readonly string[];
    }
  | {
      kind: 'outside-hours';
      /** Index 0 = Monday: whole local hours, null when closed. */
      hours: readonly ({ from: number; to: number } | null)[];
      minCostMicro: number;
      /** Local days (YYYYMMDD) that are public holidays somewhere; the caller checks the site's calendar. */
      holidayDays: readonly number[];
    };

/** A sum per subject and local day. */
export interface DailyMeasure {
  key: string;
  day: number;
  value: number;
}

/** The calls a mining transaction just stored: those of the file, above the id stored before it. */
export interface FileCalls {
  spoolFileId: number;
  afterCallId: number;
}

/** The calls per-call rules look at: a file just mined, or calls just priced again by a re-rate. */
export type NewlyPricedCalls = FileCalls | { callIds: readonly number[] };

/** Ids per query when calls are named one by one (well inside every engine's parameter limit). */
const IDS_PER_QUERY = 500;

type Calls = ExpressionBuilder<BillingSchema, 'calls'>;

/**
 * What alarm rules measure: the calls of one spool file matching a per-call rule, costs per owner
 * and period from the rollups, daily sums per subject for anomalies, and the pipeline's health.
 */
export class AlarmMeasureRepository {
  constructor(private readonly db: Kysely<BillingSchema>) {}

  /** The highest call id stored so far (0 when none): calls stored later have higher ids. */
  async lastCallId(): Promise<number> {
    const row = await this.db
      .selectFrom('calls')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst();
    return Number(row?.id ?? 0);
  }

  /**
   * The calls that match among those just priced: a file's found through the primary key's range
   * (so a large table costs nothing), re-rated ones by id.
   */
  async fileCallsMatching(calls: NewlyPricedCalls, match: CallMatch): Promise<AlarmCall[]> {
    if (!('callIds' in calls)) return this.callsMatching(calls, match);
    const found: AlarmCall[] = [];
    for (let at = 0; at < calls.callIds.length; at += IDS_PER_QUERY)
      found.push(
        ...(await this.callsMatching({ callIds: calls.callIds.slice(at, at + IDS_PER_QUERY) }, match)),
      );
    return found;
  }

  private async callsMatching(among: NewlyPricedCalls, match: CallMatch): Promise<AlarmCall[]> {
    const rows = await this.db
      .selectFrom('calls')
      .leftJoin('users', 'users.id', 'calls.user_id')
      .leftJoin('sites', 'sites.id', 'calls.site_id')
      .select([
        'calls.id',
        'calls.user_id',
        'users.display_name',
        'calls.department_id',
        'calls.site_id',
        'sites.country',
        'calls.started_at',
        'calls.duration_sec',
        'calls.cost_micro',
        'calls.currency',
        'calls.dest_number',
        'calls.dest_class',
        'calls.dest_country',
        'calls.local_day',
        'calls.local_hour',
        'calls.local_weekday',
      ])
      .where((eb) => {
        const calls = eb as unknown as Calls;
        return 'callIds' in among
          ? calls('calls.id', 'in', [...among.callIds])
          : calls.and([
              calls('calls.id', '>', among.afterCallId),
              calls('calls.spool_file_id', '=', among.spoolFileId),
            ]);
      })
      .where((eb) => matchCondition(eb as unknown as Calls, match))
      .orderBy('calls.id')
      .execute();
    return rows.map((row) => ({
      id: Number(row.id),
      userId: optional(row.user_id),
      userName: row.display_name,
      departmentId: optional(row.department_id),
      siteId: optional(row.site_id),
      siteCountry: row.country,
      startedAt: Number(row.started_at),
      durationSec: Number(row.duration_sec),
      costMicro: Number(row.cost_micro),
      currency: row.currency,
      destNumber: row.dest_number,
      destClass: row.dest_class,
      destCountry: row.dest_country,
      localDay: Number(row.local_day),
      localHour: Number(row.local_hour),
      localWeekday: Number(row.local_weekday),
    }));
  }

  /** Cost per user, department or site over local days (inclusive), from the daily rollups. */
  async costBy(
    subject: 'user' | 'department' | 'site',
    fromDay: number,
    toDay: number,
    subjectId?: number,
  ): Promise<{ id: number; currency: string; costMicro: number }[]> {
    const column = `daily_rollups.${subject}_id` as const;
    // Amounts of different currencies never add up: a site's calls are priced in its currency.
    let query = this.db
      .selectFrom('daily_rollups')
      .innerJoin('sites', 'sites.id', 'daily_rollups.site_id')
      .select((eb) => [
        eb.ref(column).as('id'),
        'sites.currency',
        eb.fn.sum<number>('daily_rollups.cost_micro').as('cost'),
      ])
      .where('daily_rollups.local_day', '>=', fromDay)
      .where('daily_rollups.local_day', '<=', toDay)
      .where(column, '<>', 0)
      .groupBy([column, 'sites.currency']);
    if (subjectId !== undefined) query = query.where(column, '=', subjectId);
    const rows = await query.execute();
    return rows.map((row) => ({ id: Number(row.id), currency: row.currency, costMicro: Number(row.cost) }));
  }

  /**
   * Outbound calls, cost or minutes per user, department or destination country and local day,
   * over local days (inclusive) bounded also by start time so the start-time indexes serve it.
   */
  async dailyBy(request: {
    subject: 'user' | 'department' | 'country';
    measure: 'calls' | 'cost' | 'minutes';
    fromDay: number;
    toDay: number;
    fromMs: number;
    toMs: number;
    destClasses: readonly string[];
    hours?: { from: number; to: number };
  }): Promise<DailyMeasure[]> {
    const column = ({ user: 'user_id', department: 'department_id', country: 'dest_country' } as const)[
      request.subject
    ];
    let query = this.db
      .selectFrom('calls')
      .select((eb) => [
        eb.ref(column).as('subject'),
        'local_day',
        request.measure === 'calls'
          ? eb.fn.countAll<number>().as('value')
          : eb.fn.sum<number>(request.measure === 'cost' ? 'cost_micro' : 'billed_sec').as('value'),
      ])
      .where('direction', '=', 'outbound')
      .where('started_at', '>=', request.fromMs)
      .where('started_at', '<', request.toMs)
      .where('local_day', '>=', request.fromDay)
      .where('local_day', '<=', request.toDay)
      .where(column, 'is not', null)
      .groupBy([column, 'local_day']);
    if (request.destClasses.length > 0) query = query.where('dest_class', 'in', [...request.destClasses]);
    if (request.hours)
      query = query.where('local_hour', '>=', request.hours.from).where('local_hour', '<', request.hours.to);
    const rows = await query.execute();
    return rows.map((row) => ({
      key: String(row.subject),
      day: Number(row.local_day),
      value: request.measure === 'minutes' ? Number(row.value) / 60 : Number(row.value),
    }));
  }

  /** When the newest call (of a site, if given) started, or null when there is none. */
  async lastCallStartedAt(siteId?: number): Promise<number | null> {
    let query = this.db.selectFrom('calls').select((eb) => eb.fn.max('started_at').as('at'));
    if (siteId !== undefined) query = query.where('site_id', '=', siteId);
    const row = await query.executeTakeFirst();
    return row?.at === null || row?.at === undefined ? null : Number(row.at);
  }

  /** Unrated calls that started since `sinceMs`. */
  async unratedSince(sinceMs: number): Promise<number> {
    const row = await this.db
      .selectFrom('calls')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('started_at', '>=', sinceMs)
      .where('rating_status', '=', 'unrated')
      .executeTakeFirst();
    return Number(row?.count ?? 0);
  }

  /** Spool lines rejected since `sinceMs`. */
  async rejectedSince(sinceMs: number): Promise<number> {
    const row = await this.db
      .selectFrom('rejects')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('created_at', '>=', sinceMs)
      .executeTakeFirst();
    return Number(row?.count ?? 0);
  }
}

function optional(value: number | null): number | null {
  return value === null ? null : Number(value);
}

function matchCondition(eb: Calls, match: CallMatch): Expression<SqlBool> {
  switch (match.kind) {
    case 'over': {
      const over = [
        ...(match.costMicro === null ? [] : [eb('cost_micro', '>', match.costMicro)]),
        ...(match.durationSec === null ? [] : [eb('duration_sec', '>', match.durationSec)]),
      ];
      return over.length === 0 ? sql<SqlBool>`1 = 0` : eb.or(over);
    }
    case 'destination': {
      const any = [
        ...(match.destClasses.length > 0 ? [eb('dest_class', 'in', [...match.destClasses])] : []),
        ...(match.countries.length > 0 ? [eb('dest_country', 'in', [...match.countries])] : []),
        ...match.prefixes.map((prefix) => eb('dest_number', 'like', `+${prefix}%`)),
      ];
      return eb.and([eb('direction', '=', 'outbound'), any.length === 0 ? sql<SqlBool>`1 = 0` : eb.or(any)]);
    }
    case 'outside-hours': {
      const open = match.hours.flatMap((hours, index) =>
        hours === null
          ? []
          : [
              eb.and([
                eb('local_weekday', '=', index + 1),
                eb('local_hour', '>=', hours.from),
                eb('local_hour', '<', hours.to),
              ]),
            ],
      );
      const outside = [
        ...(open.length === 0 ? [sql<SqlBool>`1 = 1`] : [eb.not(eb.or(open))]),
        ...(match.holidayDays.length > 0 ? [eb('local_day', 'in', [...match.holidayDays])] : []),
      ];
      return eb.and([
        eb('direction', '=', 'outbound'),
        eb('cost_micro', '>=', match.minCostMicro),
        eb.or(outside),
      ]);
    }
  }
}
