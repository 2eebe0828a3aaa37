/** The filters a card's "Open in Ledgerline" link carries to the tab. */
export interface TabFilters {
  from: string;
  to: string;
  department?: number;
  site?: number;
}

/**
 * The tab's page with the same filters as a card (`/dashboard?from=…&to=…&department=…`, or
 * `/calls?…`), on the tab's base URL from configuration; null when no base URL is configured.
 */
export function tabLink(
  tabBaseUrl: string | null,
  page: 'dashboard' | 'calls',
  filters: TabFilters,
): string | null {
  if (!tabBaseUrl) return null;
  const query = new URLSearchParams({ from: filters.from, to: filters.to });
  if (filters.site !== undefined) query.set('site', String(filters.site));
  if (filters.department !== undefined) query.set('department', String(filters.department));
  return `${tabBaseUrl.replace(/\/+$/, '')}/${page}?${query.toString()}`;
}

/** The tab's alarms page listing every alarm (`/alarms?status=all`); null without a base URL. */
export function alarmsLink(tabBaseUrl: string | null): string | null {
  if (!tabBaseUrl) return null;
  return `${tabBaseUrl.replace(/\/+$/, '')}/alarms?status=all`;
}
