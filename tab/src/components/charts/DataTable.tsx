import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { TableData } from './chart-data';

const useStyles = makeStyles({
  scroll: { overflowX: 'auto', maxHeight: '320px', overflowY: 'auto' },
  numeric: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  numericHeader: { '& > button, & > div': { justifyContent: 'flex-end' } },
  footer: { fontWeight: tokens.fontWeightSemibold },
});

/** A chart's figures as a table: what screen readers and keyboards use instead of the chart. */
export function DataTable({ label, data }: { label: string; data: TableData }) {
  const styles = useStyles();
  const cellClass = (index: number) => (data.columns[index]?.numeric ? styles.numeric : undefined);
  const cells = (texts: string[]) =>
    texts.map((text, index) => (
      <TableCell key={index} className={cellClass(index)}>
        {text}
      </TableCell>
    ));
  return (
    // Focusable so a keyboard can scroll a long table; a group, not a landmark: the panel
    // around it is already the region of that name.
    <div className={styles.scroll} tabIndex={0} role="group" aria-label={label}>
      <Table size="small" aria-label={label}>
        <TableHeader>
          <TableRow>
            {data.columns.map((column, index) => (
              <TableHeaderCell
                key={column.header}
                scope="col"
                className={mergeClasses(cellClass(index), column.numeric && styles.numericHeader)}
              >
                {column.header}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {data.rows.map((row) => (
            <TableRow key={row.key}>{cells(row.cells)}</TableRow>
          ))}
          {data.footer ? <TableRow className={styles.footer}>{cells(data.footer)}</TableRow> : null}
        </TableBody>
      </Table>
    </div>
  );
}
