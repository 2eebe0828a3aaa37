import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useSession } from '../auth/SessionProvider';
import { EmptyState, LoadingState } from '../components/PageState';
import { useStrings } from '../i18n/I18nProvider';
import { DashboardPage } from '../pages/dashboard/DashboardPage';
import { AppShell } from './AppShell';

// Only the dashboard is in the first screen's script; every other page loads when opened.
const CallsPage = lazy(() => import('../pages/calls/CallsPage').then((m) => ({ default: m.CallsPage })));
const AlarmsPage = lazy(() => import('../pages/alarms/AlarmsPage').then((m) => ({ default: m.AlarmsPage })));
const StatusPage = lazy(() => import('../pages/status/StatusPage').then((m) => ({ default: m.StatusPage })));
const AdminPage = lazy(() => import('../pages/admin/AdminPage').then((m) => ({ default: m.AdminPage })));
const ConfigPage = lazy(() => import('../pages/config/ConfigPage').then((m) => ({ default: m.ConfigPage })));
const ChannelPage = lazy(() =>
  import('../pages/config/ChannelPage').then((m) => ({ default: m.ChannelPage })),
);

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<LoadingState />}>{children}</Suspense>;
}

/** Which page each path shows; the channel tab's configuration and content pages have no navigation. */
export function AppRoutes() {
  const { me, host } = useSession();
  const location = useLocation();
  // A channel tab's configuration opens at its configuration URL, but be safe if a host opens it elsewhere.
  if (host.frameContext === 'settings' && location.pathname !== '/config')
    return <Navigate to={{ pathname: '/config', search: location.search }} replace />;
  return (
    <Routes>
      <Route
        path="/config"
        element={
          <Lazy>
            <ConfigPage />
          </Lazy>
        }
      />
      <Route
        path="/channel"
        element={
          <Lazy>
            <ChannelPage />
          </Lazy>
        }
      />
      <Route element={<AppShell />}>
        <Route
          index
          element={<Navigate to={{ pathname: '/dashboard', search: location.search }} replace />}
        />
        <Route path="/dashboard" element={<DashboardPage />} />
        <Route
          path="/calls"
          element={
            <Lazy>
              <CallsPage />
            </Lazy>
          }
        />
        <Route
          path="/alarms"
          element={
            <Lazy>
              <AlarmsPage />
            </Lazy>
          }
        />
        <Route
          path="/status"
          element={
            <Lazy>
              <StatusPage />
            </Lazy>
          }
        />
        <Route
          path="/admin/*"
          element={
            me.role === 'admin' ? (
              <Lazy>
                <AdminPage />
              </Lazy>
            ) : (
              <Navigate to="/dashboard" replace />
            )
          }
        />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

function NotFound() {
  const strings = useStrings();
  return <EmptyState title={strings.shell.notFoundTitle}>{strings.shell.notFoundBody}</EmptyState>;
}
