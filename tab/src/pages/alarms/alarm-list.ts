import type { AlarmStatus } from '../../api/api-types';

/** The statuses the alarms page filters by, in the order it offers them; `open` first, as it opens. */
export const ALARM_FILTERS = ['open', 'acknowledged', 'resolved', 'all'] as const;

/** Which alarms the page shows: one status, or all of them. */
export type AlarmFilter = AlarmStatus | 'all';

/** The alarms API's path; acknowledging one is `{ALARMS_API}/{id}/acknowledge`. */
export const ALARMS_API = '/api/v1/alarms';

/** How many alarms the page asks for: the API's most. */
export const ALARM_LIMIT = 500;

/** The status filter kept in the page's URL (`?status=all`); anything else is `open`, as the API's default. */
export function alarmFilterOf(params: URLSearchParams): AlarmFilter {
  const value = params.get('status');
  return ALARM_FILTERS.find((filter) => filter === value) ?? 'open';
}

/** The page's URL parameters with the filter written in; `open` is left out, being the default. */
export function searchOfAlarmFilter(filter: AlarmFilter, keep: URLSearchParams): URLSearchParams {
  const params = new URLSearchParams(keep);
  if (filter === 'open') params.delete('status');
  else params.set('status', filter);
  return params;
}
