import type { Repositories } from '../db/repositories.js';
import type { Principal } from '../domain/principal.js';
import { breakdownReport, type BreakdownReport } from './breakdown-report.js';
import { exportCalls, type ExportedFile } from './call-export.js';
import { filterOptions, type FilterOptions } from './filter-options.js';
import { callPage, CallRows, type CallPage } from './call-list.js';
import { DEFAULT_MASKED_DIGITS, NumberMask } from './number-mask.js';
import { reportCriteria } from './report-access.js';
import type {
  BreakdownQuery,
  CallExportQuery,
  CallListQuery,
  SummaryQuery,
  TrendQuery,
} from './report-query.js';
import { summaryReport, type SummaryReport } from './summary-report.js';
import { trendReport, type TrendReport } from './trend-report.js';

/** The repositories reports read. */
export type ReportRepositories = Pick<
  Repositories,
  'reports' | 'callList' | 'departments' | 'users' | 'sites'
>;

/** How reports behave, from configuration. */
export interface ReportOptions {
  /** Trailing digits of called numbers hidden from all but admins and the call's user (default 3). */
  maskedDigits?: number;
}

/**
 * The report engine the API, the bot and scheduled reports call: every method takes the signed-in
 * Principal and a query validated by the schemas of report-query.ts. Filters outside the
 * principal's scope are refused (`forbidden`), the scope is applied in SQL on every query, and
 * called numbers are masked for everyone but admins and the call's own user.
 */
export class ReportService {
  private readonly maskedDigits: number;

  constructor(
    private readonly repos: ReportRepositories,
    options: ReportOptions = {},
  ) {
    this.maskedDigits = options.maskedDigits ?? DEFAULT_MASKED_DIGITS;
  }

  /** The sites and departments the principal may filter by. */
  async filters(principal: Principal): Promise<FilterOptions> {
    return filterOptions(this.repos, principal.scope);
  }

  /** Totals of the period (cost per currency, calls, answered, talk time, average cost) and of the one before. */
  async summary(principal: Principal, query: SummaryQuery): Promise<SummaryReport> {
    const { criteria } = await this.prepare(principal, query);
    return summaryReport(this.repos.reports, principal.scope, criteria);
  }

  /** Figures per department, user, site, carrier, class, country, destination, hour or weekday. */
  async breakdown(principal: Principal, query: BreakdownQuery): Promise<BreakdownReport> {
    const { criteria, mask } = await this.prepare(principal, query);
    return breakdownReport(this.repos.reports, principal.scope, criteria, query, mask);
  }

  /** Figures per day, ISO week or month, optionally per destination class or department. */
  async trend(principal: Principal, query: TrendQuery): Promise<TrendReport> {
    const { criteria } = await this.prepare(principal, query);
    return trendReport(this.repos.reports, principal.scope, criteria, query);
  }

  /** A page of calls in a stable order, with the cursor of the next page. */
  async calls(principal: Principal, query: CallListQuery): Promise<CallPage> {
    const { criteria, mask } = await this.prepare(principal, query);
    const rows = new CallRows(this.repos.reports, this.repos.sites, mask);
    return callPage(this.repos.callList, rows, principal.scope, criteria, query);
  }

  /**
   * The calls as a CSV or Excel file, streamed. Access is checked before it resolves, so a refused
   * filter is an error, not a broken download.
   */
  async exportCalls(principal: Principal, query: CallExportQuery): Promise<ExportedFile> {
    const { criteria, mask } = await this.prepare(principal, query);
    const rows = new CallRows(this.repos.reports, this.repos.sites, mask);
    return exportCalls(this.repos.callList, rows, principal.scope, criteria, query.format);
  }

  private async prepare(principal: Principal, query: SummaryQuery) {
    const mask = new NumberMask(principal, this.maskedDigits);
    return { mask, criteria: await reportCriteria(this.repos, principal, query, mask) };
  }
}
