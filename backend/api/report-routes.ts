import type { Principal } from '../domain/principal.js';
import { breakdownReportSchema } from '../reports/breakdown-report.js';
import { callPageSchema } from '../reports/call-list.js';
import { filterOptionsSchema } from '../reports/filter-options.js';
import {
  breakdownQuerySchema,
  callExportQuerySchema,
  callListQuerySchema,
  summaryQuerySchema,
  trendQuerySchema,
} from '../reports/report-query.js';
import type { ReportService } from '../reports/report.service.js';
import { summaryReportSchema } from '../reports/summary-report.js';
import { trendReportSchema } from '../reports/trend-report.js';
import { defineRoute, json, type ApiRoute } from './api-route.js';

/**
 * The reports and calls the tab shows: each route is a one-liner into the ReportService, which
 * refuses filters beyond the caller's scope, applies the scope in SQL and masks called numbers.
 */
export function reportRoutes(reports: ReportService): ApiRoute[] {
  const who = (principal: Principal | null) => principal as Principal;
  return [
    defineRoute({
      method: 'get',
      path: '/api/v1/reports/filters',
      summary: 'The sites and departments the signed-in person may filter reports and calls by',
      tag: 'reports',
      access: 'signed-in',
      response: filterOptionsSchema,
      handle: async ({ principal }) => json(await reports.filters(who(principal))),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/reports/summary',
      summary:
        'Cost, calls, answered, minutes and average cost per call, with the previous period of equal length',
      tag: 'reports',
      access: 'signed-in',
      query: summaryQuerySchema,
      response: summaryReportSchema,
      handle: async ({ principal, query }) => json(await reports.summary(who(principal), query)),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/reports/breakdown',
      summary:
        'Figures per department, user, site, carrier, destination class, country, destination, hour or weekday',
      tag: 'reports',
      access: 'signed-in',
      query: breakdownQuerySchema,
      response: breakdownReportSchema,
      handle: async ({ principal, query }) => json(await reports.breakdown(who(principal), query)),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/reports/trend',
      summary: 'Figures per day, week or month, optionally per destination class or department',
      tag: 'reports',
      access: 'signed-in',
      query: trendQuerySchema,
      response: trendReportSchema,
      handle: async ({ principal, query }) => json(await reports.trend(who(principal), query)),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/calls',
      summary: 'Calls a page at a time (keyset pagination, stable order), numbers masked',
      tag: 'calls',
      access: 'signed-in',
      query: callListQuerySchema,
      response: callPageSchema,
      handle: async ({ principal, query }) => json(await reports.calls(who(principal), query)),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/calls/export',
      summary: 'The calls as CSV or Excel, streamed, with the same filters and scope and a totals row',
      tag: 'calls',
      access: 'signed-in',
      rateLimit: 'export',
      query: callExportQuerySchema,
      produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      handle: async ({ principal, query }) => {
        const file = await reports.exportCalls(who(principal), query);
        return { kind: 'stream', contentType: file.contentType, fileName: file.fileName, body: file.body };
      },
    }),
  ];
}
