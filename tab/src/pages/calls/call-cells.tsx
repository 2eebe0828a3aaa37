import { Badge } from '@fluentui/react-components';
import type { CallRow } from '../../api/api-types';
import type { Formatters } from '../../i18n/formatters';
import type { Strings } from '../../i18n/strings';

/** A name from the API, or a dash when there is none. */
export function nameOf(named: { name: string } | null, strings: Strings['calls']): string {
  return named?.name ?? strings.unknownValue;
}

/** Where a call went: the rate's destination, else its destination class, in words. */
export function destinationOf(call: CallRow, strings: Strings['calls']): string {
  const destClass = strings.destClasses[call.destClass] ?? call.destClass;
  return call.destination ? `${call.destination} · ${destClass}` : destClass;
}

/** A call's cost as the API priced it: money in its currency, or why it has none. */
export function CallCost({
  call,
  strings,
  format,
}: {
  call: CallRow;
  strings: Strings['calls'];
  format: Formatters;
}) {
  if (call.cost) return <>{format.money(call.cost.micro, call.cost.currency)}</>;
  if (call.ratingStatus === 'unrated')
    return (
      <Badge appearance="tint" color="warning">
        {strings.unrated}
      </Badge>
    );
  return (
    <Badge appearance="tint" color="subtle">
      {strings.free}
    </Badge>
  );
}

/** How long a call talked; an unanswered call says so. */
export function callDuration(call: CallRow, strings: Strings['calls'], format: Formatters): string {
  return call.answered ? format.duration(call.talkSec) : strings.notAnswered;
}
