import { amountText as centsText } from '../reports/report-table.js';

/** An amount with its currency for an alarm's text, to the cent: "75.20 GBP". */
export function amountText(micro: number, currency: string | null): string {
  return currency ? `${centsText(micro)} ${currency}` : centsText(micro);
}

/** A talk time for an alarm's text: "3 h 18 min", "12 min 5 s". */
export function durationText(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  if (minutes > 0) return rest > 0 ? `${minutes} min ${rest} s` : `${minutes} min`;
  return `${rest} s`;
}

/** Where a call went, without its number (alarms are read by supervisors, who see numbers masked). */
export function destinationText(call: { destClass: string; destCountry: string | null }): string {
  const kind = call.destClass.replace('_', ' ');
  return call.destCountry ? `${kind} (${call.destCountry})` : kind;
}
