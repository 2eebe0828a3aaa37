import { Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useStrings } from '../../i18n/I18nProvider';
import { DateRangePicker } from './DateRangePicker';
import { departmentTree } from './department-tree';
import { useFilterOptions } from './use-filter-options';
import type { ReportFilters } from './use-report-filters';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalM,
  },
  choice: { minWidth: '180px' },
});

/** What a page shows of the shared report filters, and the page's own controls after them. */
export interface FilterBarProps {
  /** The filters as `useReportFilters` reads them. */
  filters: ReportFilters;
  /** `useReportFilters`' `setFilters`. */
  onChange(next: Partial<ReportFilters>): void;
  /** The department is fixed by the page (a department's channel tab): no department choice. */
  fixedDepartment?: boolean;
  /** Leave out the site choice. */
  hideSite?: boolean;
  /** Leave out the department choice. */
  hideDepartment?: boolean;
  /** More controls of the page, after the shared ones. */
  children?: ReactNode;
}

// Departments below another are indented in the list; a select's options take no styles.
const INDENT = '\u00a0\u00a0\u00a0';

/**
 * The report filters every report page shares: the period, and the site and department for who
 * may choose them (the lists come from the API; a list that is empty, as an employee's, is not
 * shown). Kept in the page's URL through `useReportFilters`.
 */
export function FilterBar({
  filters,
  onChange,
  fixedDepartment,
  hideSite,
  hideDepartment,
  children,
}: FilterBarProps) {
  const styles = useStyles();
  const strings = useStrings().filters;
  const options = useFilterOptions().data;
  const sites = hideSite ? [] : (options?.sites ?? []);
  const departments = hideDepartment || fixedDepartment ? [] : departmentTree(options?.departments ?? []);
  return (
    <section className={styles.bar} aria-label={strings.label}>
      <DateRangePicker value={filters} onChange={onChange} />
      {sites.length > 0 ? (
        <Field label={strings.site} className={styles.choice}>
          <Select
            value={filters.site === null ? '' : String(filters.site)}
            onChange={(_, data) => onChange({ site: data.value ? Number(data.value) : null })}
          >
            <option value="">{strings.allSites}</option>
            {sites.map((site) => (
              <option key={site.id} value={site.id}>
                {site.name}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      {departments.length > 0 ? (
        <Field label={strings.department} className={styles.choice}>
          <Select
            value={filters.department === null ? '' : String(filters.department)}
            onChange={(_, data) => onChange({ department: data.value ? Number(data.value) : null })}
          >
            <option value="">{strings.allDepartments}</option>
            {departments.map(({ department, depth }) => (
              <option key={department.id} value={department.id}>
                {INDENT.repeat(depth) + department.name}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      {children}
    </section>
  );
}
