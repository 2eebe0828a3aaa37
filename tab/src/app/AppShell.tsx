import { Badge, Button, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../auth/SessionProvider';
import { useStrings } from '../i18n/I18nProvider';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  brand: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
    marginRight: tokens.spacingHorizontalM,
  },
  spacer: { flexGrow: 1 },
  main: {
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground2,
    minHeight: 'calc(100vh - 58px)',
    boxSizing: 'border-box',
  },
});

/** The pages of the tab, in the order of the navigation. */
const PAGES = ['dashboard', 'calls', 'alarms', 'status', 'admin'] as const;

/**
 * The frame of every page: Ledgerline's name, the pages this role may open, who is signed in
 * (and, in the demo, a way to be someone else).
 */
export function AppShell() {
  const strings = useStrings();
  const styles = useStyles();
  const { me, demo, signOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const pages = PAGES.filter((page) => page !== 'admin' || me.role === 'admin');
  const current = pages.find((page) => location.pathname.startsWith(`/${page}`)) ?? 'dashboard';
  return (
    <>
      <header className={styles.header}>
        <Text className={styles.brand}>{strings.common.appName}</Text>
        <nav aria-label={strings.shell.nav.label}>
          <TabList selectedValue={current} onTabSelect={(_, data) => navigate(`/${String(data.value)}`)}>
            {pages.map((page) => (
              <Tab key={page} value={page}>
                {strings.shell.nav[page]}
              </Tab>
            ))}
          </TabList>
        </nav>
        <span className={styles.spacer} />
        {demo ? (
          <Badge appearance="tint" color="informative">
            {strings.shell.demoBadge}
          </Badge>
        ) : null}
        <Text data-testid="signed-in-as">
          {strings.common.signedInAs(me.displayName ?? me.upn ?? '', strings.common.roles[me.role])}
        </Text>
        {demo ? (
          <Button appearance="subtle" onClick={signOut}>
            {strings.common.signOut}
          </Button>
        ) : null}
      </header>
      <main className={styles.main}>
        <Outlet />
      </main>
    </>
  );
}
