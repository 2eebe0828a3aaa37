import type { TrendReport } from '../../api/api-types';

/** A trend's interval. */
export type TrendInterval = TrendReport['interval'];

/**
 * The interval a cost trend of a period reads best in: days up to about two months, ISO weeks
 * up to about half a year, months beyond (so a chart has at most some 60 points).
 */
export function trendIntervalFor(from: string, to: string): TrendInterval {
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
  if (days <= 62) return 'day';
  if (days <= 200) return 'week';
  return 'month';
}
