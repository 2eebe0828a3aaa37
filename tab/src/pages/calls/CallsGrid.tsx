import {
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  TableCellLayout,
  createTableColumn,
  makeStyles,
  tokens,
  type SortDirection,
  type TableColumnDefinition,
} from '@fluentui/react-components';
import { useMemo, type KeyboardEvent } from 'react';
import type { CallRow } from '../../api/api-types';
import { useFormat, useStrings } from '../../i18n/I18nProvider';
import { CallCost, callDuration, destinationOf, nameOf } from './call-cells';
import type { CallFilters, CallSort } from './call-filters';

const useStyles = makeStyles({
  grid: { minWidth: '960px' },
  row: { cursor: 'pointer' },
  // Cells share the row's width by these weights (Fluent's grid cells are flex: 1 1 0).
  start: { flexGrow: 2.2, fontVariantNumeric: 'tabular-nums' },
  user: { flexGrow: 1.8 },
  department: { flexGrow: 1.8 },
  direction: { flexGrow: 1 },
  numberColumn: { flexGrow: 2 },
  destination: { flexGrow: 2.4 },
  duration: { flexGrow: 1, fontVariantNumeric: 'tabular-nums' },
  cost: { flexGrow: 1.1, justifyContent: 'flex-end', fontVariantNumeric: 'tabular-nums' },
  costButton: { justifyContent: 'flex-end' },
  scroller: {
    overflowX: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
  },
});

/** The grid's columns that the API can order by, and the `sort` each one asks for. */
const SORT_OF_COLUMN: Record<string, CallSort> = { start: 'startedAt', duration: 'duration', cost: 'cost' };
const COLUMN_OF_SORT: Record<CallSort, string> = { startedAt: 'start', duration: 'duration', cost: 'cost' };

// The API returns rows in order: a sortable column's compare keeps that order (Fluent counts
// a column sortable by its compare's parameters, hence the two unused ones).
const keepOrder = (_a: CallRow, _b: CallRow) => 0;

/**
 * The calls of one page in the API's order. Sortable headers ask the API for another order
 * (a new column starts with the largest or newest first); a click or Enter on a row opens it.
 */
export function CallsGrid({
  calls,
  sort,
  onSortChange,
  onOpen,
}: {
  calls: CallRow[];
  sort: Pick<CallFilters, 'sort' | 'order'>;
  onSortChange(next: Pick<CallFilters, 'sort' | 'order'>): void;
  onOpen(call: CallRow): void;
}) {
  const strings = useStrings().calls;
  const format = useFormat();
  const styles = useStyles();
  const columns = useMemo<TableColumnDefinition<CallRow>[]>(
    () => [
      createTableColumn<CallRow>({
        columnId: 'start',
        compare: keepOrder,
        renderHeaderCell: () => strings.columns.start,
        renderCell: (call) => <Truncated text={format.localDateTime(call.localTime)} />,
      }),
      createTableColumn<CallRow>({
        columnId: 'user',
        renderHeaderCell: () => strings.columns.user,
        renderCell: (call) => <Truncated text={nameOf(call.user, strings)} />,
      }),
      createTableColumn<CallRow>({
        columnId: 'department',
        renderHeaderCell: () => strings.columns.department,
        renderCell: (call) => <Truncated text={nameOf(call.department, strings)} />,
      }),
      createTableColumn<CallRow>({
        columnId: 'direction',
        renderHeaderCell: () => strings.columns.direction,
        renderCell: (call) => strings.directions[call.direction],
      }),
      createTableColumn<CallRow>({
        columnId: 'number',
        renderHeaderCell: () => strings.columns.number,
        renderCell: (call) => <Truncated text={call.number ?? strings.unknownValue} />,
      }),
      createTableColumn<CallRow>({
        columnId: 'destination',
        renderHeaderCell: () => strings.columns.destination,
        renderCell: (call) => <Truncated text={destinationOf(call, strings)} />,
      }),
      createTableColumn<CallRow>({
        columnId: 'duration',
        compare: keepOrder,
        renderHeaderCell: () => strings.columns.duration,
        renderCell: (call) => <Truncated text={callDuration(call, strings, format)} />,
      }),
      createTableColumn<CallRow>({
        columnId: 'cost',
        compare: keepOrder,
        renderHeaderCell: () => strings.columns.cost,
        renderCell: (call) => <CallCost call={call} strings={strings} format={format} />,
      }),
    ],
    [strings, format],
  );
  const columnClass = (columnId: string) =>
    ({
      start: styles.start,
      user: styles.user,
      department: styles.department,
      direction: styles.direction,
      number: styles.numberColumn,
      destination: styles.destination,
      duration: styles.duration,
      cost: styles.cost,
    })[columnId];
  const sortState = {
    sortColumn: COLUMN_OF_SORT[sort.sort],
    sortDirection: (sort.order === 'asc' ? 'ascending' : 'descending') as SortDirection,
  };
  return (
    <div className={styles.scroller}>
      <DataGrid
        className={styles.grid}
        aria-label={strings.gridLabel}
        items={calls}
        columns={columns}
        getRowId={(call: CallRow) => call.id}
        sortable
        sortState={sortState}
        onSortChange={(_, next) => {
          const column = SORT_OF_COLUMN[String(next.sortColumn)];
          if (!column) return;
          // A new column starts with the newest, longest or most expensive calls.
          const order = column !== sort.sort || next.sortDirection === 'descending' ? 'desc' : 'asc';
          onSortChange({ sort: column, order });
        }}
        focusMode="cell"
      >
        <DataGridHeader>
          <DataGridRow>
            {({ renderHeaderCell, columnId }) => (
              <DataGridHeaderCell
                className={columnClass(String(columnId))}
                button={columnId === 'cost' ? { className: styles.costButton } : undefined}
              >
                {renderHeaderCell()}
              </DataGridHeaderCell>
            )}
          </DataGridRow>
        </DataGridHeader>
        <DataGridBody<CallRow>>
          {({ item, rowId }) => (
            <DataGridRow<CallRow>
              key={rowId}
              className={styles.row}
              onClick={() => onOpen(item)}
              onKeyDown={(event: KeyboardEvent<HTMLDivElement>) => {
                if (event.key !== 'Enter') return;
                // Else the same key press, reaching the drawer's first button, would close it again.
                event.preventDefault();
                onOpen(item);
              }}
            >
              {({ renderCell, columnId }) => (
                <DataGridCell className={columnClass(String(columnId))}>{renderCell(item)}</DataGridCell>
              )}
            </DataGridRow>
          )}
        </DataGridBody>
      </DataGrid>
    </div>
  );
}

/** A cell's text on one line, cut with an ellipsis when the column is narrow (all of it on hover). */
function Truncated({ text }: { text: string }) {
  return (
    <TableCellLayout truncate title={text}>
      {text}
    </TableCellLayout>
  );
}
