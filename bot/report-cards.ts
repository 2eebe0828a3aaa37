import type { ReportService } from '../backend/reports/report.service.js';
import type { AdaptiveCard } from './cards/card-elements.js';
import { costSummaryCard } from './cards/cost-summary-card.js';
import { recentCallsCard } from './cards/recent-calls-card.js';
import { tabLink } from './cards/report-link.js';
import { topListCard } from './cards/top-list-card.js';
import type { ReportRequest } from './commands/report-request.js';
import type { Viewer } from './shared-viewer.js';

/** Rows a top list shows before "n more". */
export const TOP_ROWS = 5;
/** Calls the recent calls card lists. */
export const RECENT_CALLS = 10;

const DIMENSIONS = { users: 'user', departments: 'department', destinations: 'destination' } as const;

/** What report cards are made with. */
export interface ReportCardOptions {
  reports: ReportService;
  /** The tab's base URL, for the cards' links; null when not configured. */
  tabUrl: string | null;
  /** Teams user ids whose clients refresh the card by themselves. */
  refreshUserIds?: readonly string[];
}

/**
 * A report request answered as a card, with the viewer's rights (the report engine applies
 * their scope in SQL, refuses filters beyond it and masks numbers): the cost summary, a top list
 * or the viewer's recent calls.
 */
export async function reportCard(
  request: ReportRequest,
  viewer: Viewer,
  options: ReportCardOptions,
): Promise<AdaptiveCard> {
  const { reports, tabUrl } = options;
  const period = { from: request.from, to: request.to };
  const refreshUserIds = options.refreshUserIds ?? [];
  if (request.kind === 'cost') {
    const filters = {
      ...period,
      ...(request.departmentId !== undefined ? { department: request.departmentId } : {}),
      ...(request.userId !== undefined ? { user: request.userId } : {}),
    };
    const summary = await reports.summary(viewer.principal, filters);
    const page = request.userId !== undefined ? 'calls' : 'dashboard';
    const link = tabLink(tabUrl, page, {
      ...period,
      ...(request.departmentId !== undefined ? { department: request.departmentId } : {}),
    });
    return costSummaryCard({ request, summary, scopeName: viewer.scopeName, link, refreshUserIds });
  }
  if (request.kind === 'top') {
    const breakdown = await reports.breakdown(viewer.principal, {
      ...period,
      dimension: DIMENSIONS[request.dimension],
      limit: TOP_ROWS,
    });
    const link = tabLink(tabUrl, 'dashboard', period);
    return topListCard({ request, breakdown, scopeName: viewer.scopeName, link, refreshUserIds });
  }
  const userId = viewer.principal.userId as number;
  const page = await reports.calls(viewer.principal, {
    ...period,
    user: userId,
    sort: 'startedAt',
    order: 'desc',
    limit: RECENT_CALLS,
  });
  return recentCallsCard({
    request,
    calls: page.calls,
    more: page.nextCursor !== null,
    link: tabLink(tabUrl, 'calls', period),
    refreshUserIds,
  });
}
