import {
  FluentProvider,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  type Theme,
} from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { BrowserRouter } from 'react-router';
import { ApiProvider } from '../api/ApiProvider';
import { DemoSignInPage } from '../auth/DemoSignInPage';
import { SessionProvider } from '../auth/SessionProvider';
import { useSignIn } from '../auth/use-sign-in';
import { LoadingState } from '../components/PageState';
import type { HostTheme } from '../host/host-context';
import { I18nProvider, useStrings } from '../i18n/I18nProvider';
import { AppRoutes } from './AppRoutes';
import { SignInProblem } from './SignInProblem';
import { useHost } from './use-host';

const THEMES: Record<HostTheme, Theme> = {
  default: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

/** The tab: connects to its host, follows its theme and language, signs the person in. */
export function App() {
  const { host, theme } = useHost();
  const locale = host?.locale ?? navigator.language ?? 'en-US';
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dataset.theme = theme;
  }, [locale, theme]);
  return (
    <I18nProvider locale={locale}>
      <FluentProvider theme={THEMES[theme]} style={{ minHeight: '100vh' }}>
        {host ? <SignedIn host={host} /> : <Connecting />}
      </FluentProvider>
    </I18nProvider>
  );
}

function Connecting() {
  return <LoadingState label={useStrings().shell.connecting} />;
}

function SignedIn({ host }: { host: NonNullable<ReturnType<typeof useHost>['host']> }) {
  const strings = useStrings();
  const { state, retry, signInAs, signOut } = useSignIn(host);
  const queryClient = useMemo(
    () =>
      new QueryClient({
        defaultOptions: { queries: { retry: 1, staleTime: 30_000, refetchOnWindowFocus: false } },
      }),
    // A new person signed in: nothing of the previous one's answers is kept.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [state.step === 'signed-in' ? state.me.upn : null],
  );
  switch (state.step) {
    case 'signing-in':
      return <LoadingState label={strings.shell.signingIn} />;
    case 'pick-persona':
      return <DemoSignInPage personas={state.personas} onPick={signInAs} />;
    case 'failed':
      return <SignInProblem reason={state.reason} error={state.error} onRetry={retry} />;
    case 'signed-in':
      return (
        <QueryClientProvider client={queryClient}>
          <ApiProvider client={state.client}>
            <SessionProvider session={{ me: state.me, host, demo: state.demo, signOut }}>
              <BrowserRouter>
                <AppRoutes />
              </BrowserRouter>
            </SessionProvider>
          </ApiProvider>
        </QueryClientProvider>
      );
  }
}
