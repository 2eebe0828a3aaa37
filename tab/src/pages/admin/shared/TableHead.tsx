import { TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useStrings } from '../../../i18n/I18nProvider';
import { VisuallyHidden } from './VisuallyHidden';

/** A table's header row: its column names, and a last column of row buttons named for screen readers. */
export function TableHead({ columns, actions = true }: { columns: readonly string[]; actions?: boolean }) {
  const strings = useStrings().admin;
  return (
    <TableHeader>
      <TableRow>
        {columns.map((column) => (
          <TableHeaderCell key={column}>{column}</TableHeaderCell>
        ))}
        {actions ? (
          <TableHeaderCell>
            <VisuallyHidden>{strings.actions}</VisuallyHidden>
          </TableHeaderCell>
        ) : null}
      </TableRow>
    </TableHeader>
  );
}
