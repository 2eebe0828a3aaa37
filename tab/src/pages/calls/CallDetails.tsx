import {
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  OverlayDrawer,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Dismiss24Regular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import type { CallRow } from '../../api/api-types';
import { useFormat, useStrings } from '../../i18n/I18nProvider';
import { CallCost, nameOf } from './call-cells';

const useStyles = makeStyles({
  fields: {
    display: 'grid',
    gridTemplateColumns: 'minmax(120px, max-content) 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: 'anywhere' },
});

/** Every field of one call, beside the list; closes with its button or Escape. */
export function CallDetails({ call, onClose }: { call: CallRow | null; onClose(): void }) {
  const strings = useStrings().calls;
  const common = useStrings().common;
  const format = useFormat();
  const styles = useStyles();
  const details = strings.details;
  const field = (term: string, value: ReactNode) => (
    <>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.value}>{value ?? strings.unknownValue}</dd>
    </>
  );
  return (
    <OverlayDrawer
      position="end"
      size="medium"
      open={call !== null}
      onOpenChange={(_, data) => (data.open ? undefined : onClose())}
    >
      <DrawerHeader>
        <DrawerHeaderTitle
          action={
            <Button
              appearance="subtle"
              aria-label={details.close}
              icon={<Dismiss24Regular />}
              onClick={onClose}
            />
          }
        >
          {details.title}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        {call ? (
          <dl className={styles.fields}>
            {field(details.id, call.id)}
            {field(details.startLocal, format.localDateTime(call.localTime))}
            {field(details.startUtc, format.dateTime(call.startedAt))}
            {field(details.localDay, format.day(call.localDay))}
            {field(details.direction, strings.directions[call.direction])}
            {field(details.answered, call.answered ? common.yes : common.no)}
            {field(details.talk, format.duration(call.talkSec))}
            {field(details.billed, format.duration(call.billedSec))}
            {field(details.user, nameOf(call.user, strings))}
            {field(details.department, nameOf(call.department, strings))}
            {field(details.site, nameOf(call.site, strings))}
            {field(details.carrier, nameOf(call.carrier, strings))}
            {field(details.caller, call.caller)}
            {field(details.callee, call.callee)}
            {field(details.number, call.number)}
            {field(details.destClass, strings.destClasses[call.destClass] ?? call.destClass)}
            {field(details.country, call.country)}
            {field(details.destination, call.destination)}
            {field(details.cost, <CallCost call={call} strings={strings} format={format} />)}
            {field(details.ratingStatus, details.ratingStatuses[call.ratingStatus])}
          </dl>
        ) : null}
      </DrawerBody>
    </OverlayDrawer>
  );
}
