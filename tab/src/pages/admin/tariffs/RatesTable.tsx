import {
  Button,
  Input,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { EditRegular, SearchRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { VisuallyHidden } from '../shared/VisuallyHidden';
import { EmptyState } from '../../../components/PageState';
import { useFormat, useStrings } from '../../../i18n/I18nProvider';
import type { Rate, TariffPlan } from '../admin-types';
import { rateName } from './RateEditDialog';
import { intervalsText, rateMatchText, rateMoneyFormat } from './rate-money';

/** How many rates the table shows at once; a filter finds the others in a long deck. */
const SHOWN = 200;

const useStyles = makeStyles({
  filter: { maxWidth: '320px' },
  wrap: { overflowX: 'auto' },
  note: { color: tokens.colorNeutralForeground2 },
});

/** The rates that a filter (prefix, label, class or country) picks. */
export function filterRates(rates: readonly Rate[], filter: string): Rate[] {
  const text = filter.trim().toLowerCase().replace(/^\+/, '');
  if (!text) return [...rates];
  return rates.filter((rate) =>
    [rate.prefix, rate.label, rate.destClass, rate.country].some((value) =>
      value?.toLowerCase().includes(text),
    ),
  );
}

/** A plan's rates in a table, each with its Edit button; a filter for long decks. */
export function RatesTable({ plan, onEdit }: { plan: TariffPlan; onEdit: (rate: Rate) => void }) {
  const { adminTariffs: strings, common } = useStrings();
  const format = useFormat();
  const styles = useStyles();
  const [filter, setFilter] = useState('');
  const money = rateMoneyFormat(format.locale, plan.currency);
  const words = { perMinute: strings.rates.perMinute, from: strings.rates.fromSec };
  const matching = filterRates(plan.rates, filter);
  const shown = matching.slice(0, SHOWN);
  return (
    <>
      <Input
        className={styles.filter}
        contentBefore={<SearchRegular />}
        aria-label={strings.rates.filter}
        placeholder={strings.rates.filter}
        value={filter}
        onChange={(_, data) => setFilter(data.value)}
      />
      {matching.length === 0 ? (
        <EmptyState title={strings.rates.none} />
      ) : (
        <div className={styles.wrap}>
          <Table aria-label={strings.rates.tableLabel} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{strings.rates.match}</TableHeaderCell>
                <TableHeaderCell>{strings.rates.label}</TableHeaderCell>
                <TableHeaderCell>{strings.rates.connectFee}</TableHeaderCell>
                <TableHeaderCell>{strings.rates.price}</TableHeaderCell>
                {plan.timeBands.length > 0 ? <TableHeaderCell>{strings.rates.bands}</TableHeaderCell> : null}
                <TableHeaderCell>{strings.rates.minCharge}</TableHeaderCell>
                <TableHeaderCell>{strings.rates.maxCost}</TableHeaderCell>
                <TableHeaderCell>
                  <VisuallyHidden>{strings.rates.actions}</VisuallyHidden>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {shown.map((rate) => (
                <TableRow key={rate.id}>
                  <TableCell>{rateMatchText(rate)}</TableCell>
                  <TableCell>{rate.label}</TableCell>
                  <TableCell>{money(rate.connectFee)}</TableCell>
                  <TableCell>{intervalsText(rate.intervals, money, words)}</TableCell>
                  {plan.timeBands.length > 0 ? (
                    <TableCell>
                      {Object.entries(rate.bandIntervals)
                        .map(([band, intervals]) => `${band}: ${intervalsText(intervals, money, words)}`)
                        .join(' | ') || strings.rates.sameInBands}
                    </TableCell>
                  ) : null}
                  <TableCell>{money(rate.minCharge)}</TableCell>
                  <TableCell>{rate.maxCost === null ? '—' : money(rate.maxCost)}</TableCell>
                  <TableCell>
                    <Button
                      size="small"
                      icon={<EditRegular />}
                      aria-label={strings.rates.edit(rateName(rate))}
                      onClick={() => onEdit(rate)}
                    >
                      {common.edit}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {matching.length > shown.length ? (
        <Text className={styles.note}>{strings.rates.more(shown.length, matching.length)}</Text>
      ) : null}
    </>
  );
}
