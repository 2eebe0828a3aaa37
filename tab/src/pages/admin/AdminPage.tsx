import { Tab, TabList, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { LoadingState } from '../../components/PageState';
import { useStrings } from '../../i18n/I18nProvider';

/** The sections of administration, in the order of its navigation; each is also its path under /admin. */
export const ADMIN_SECTIONS = [
  'sites',
  'departments',
  'carriers',
  'tariff-plans',
  'routing-rules',
  'users',
  'alarm-rules',
  'report-schedules',
  'rerate',
  'audit',
] as const;

/** One section of administration. */
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

// Each section's script loads when it is first opened.
const SECTION_PAGES: Record<AdminSection, LazyExoticComponent<ComponentType>> = {
  sites: lazy(() => import('./directory/SitesSection').then((m) => ({ default: m.SitesSection }))),
  departments: lazy(() =>
    import('./directory/DepartmentsSection').then((m) => ({ default: m.DepartmentsSection })),
  ),
  carriers: lazy(() => import('./tariffs/CarriersSection').then((m) => ({ default: m.CarriersSection }))),
  'tariff-plans': lazy(() =>
    import('./tariffs/TariffPlansSection').then((m) => ({ default: m.TariffPlansSection })),
  ),
  'routing-rules': lazy(() =>
    import('./routing/RoutingRulesSection').then((m) => ({ default: m.RoutingRulesSection })),
  ),
  users: lazy(() => import('./directory/UsersSection').then((m) => ({ default: m.UsersSection }))),
  'alarm-rules': lazy(() =>
    import('./alarms/AlarmRulesSection').then((m) => ({ default: m.AlarmRulesSection })),
  ),
  'report-schedules': lazy(() =>
    import('./schedules/ReportSchedulesSection').then((m) => ({ default: m.ReportSchedulesSection })),
  ),
  rerate: lazy(() => import('./rerate/RerateSection').then((m) => ({ default: m.RerateSection }))),
  audit: lazy(() => import('./audit/AuditSection').then((m) => ({ default: m.AuditSection }))),
};

const useStyles = makeStyles({
  layout: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalXL,
  },
  nav: { flexShrink: 0, minWidth: '180px' },
  content: {
    flexGrow: 1,
    flexBasis: '600px',
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
});

/** The section a path under /admin shows. */
export function sectionOf(pathname: string): AdminSection {
  const segment = pathname.split('/')[2] ?? '';
  return ADMIN_SECTIONS.find((section) => section === segment) ?? 'sites';
}

/** Administration: a side navigation between sections, each loaded when opened. */
export function AdminPage() {
  const strings = useStrings();
  const styles = useStyles();
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <>
      <Title2 as="h1">{strings.admin.title}</Title2>
      <div className={styles.layout}>
        <nav aria-label={strings.admin.sectionsLabel} className={styles.nav}>
          <TabList
            vertical
            selectedValue={sectionOf(location.pathname)}
            onTabSelect={(_, data) => navigate(`/admin/${String(data.value)}`)}
          >
            {ADMIN_SECTIONS.map((section) => (
              <Tab key={section} value={section}>
                {strings.admin.sections[section]}
              </Tab>
            ))}
          </TabList>
        </nav>
        <div className={styles.content}>
          <Suspense fallback={<LoadingState />}>
            <Routes>
              <Route index element={<Navigate to="sites" replace />} />
              {ADMIN_SECTIONS.map((section) => {
                const Section = SECTION_PAGES[section];
                return <Route key={section} path={`${section}/*`} element={<Section />} />;
              })}
              <Route path="*" element={<Navigate to="/admin/sites" replace />} />
            </Routes>
          </Suspense>
        </div>
      </div>
    </>
  );
}
