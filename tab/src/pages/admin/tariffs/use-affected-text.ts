import { useFormat, useStrings } from '../../../i18n/I18nProvider';
import type { AffectedCalls } from '../admin-types';

/** A local day YYYYMMDD (as the API counts them) as YYYY-MM-DD. */
export function isoDay(day: number): string {
  const text = String(day);
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
}

/** Says which stored calls a tariff change leaves with their old cost, and which days to re-rate. */
export function useAffectedText(): (affected: AffectedCalls) => string {
  const strings = useStrings().adminTariffs;
  const format = useFormat();
  return (affected) =>
    affected.calls === 0 || affected.firstDay === null || affected.lastDay === null
      ? strings.noAffectedCalls
      : strings.affectedCalls(
          format.integer(affected.calls),
          format.day(isoDay(affected.firstDay)),
          format.day(isoDay(affected.lastDay)),
        );
}
