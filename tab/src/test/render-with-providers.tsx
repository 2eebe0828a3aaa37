import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { vi, type Mock } from 'vitest';
import { createApiClient } from '../api/api-client';
import { ApiProvider } from '../api/ApiProvider';
import type { Me } from '../api/api-types';
import { SessionProvider } from '../auth/SessionProvider';
import type { HostInfo } from '../host/host-context';
import { I18nProvider } from '../i18n/I18nProvider';

/**
 * What the fake API answers per path (without the query): a JSON body (status 200), a Response
 * as it is, or a function of the request's URL giving either (or a promise of one, to hold an
 * answer back). Paths not listed answer 404 `not-found`.
 */
export type FakeRoutes = Record<string, unknown>;

/** A `fetch` that answers the tab's requests from `routes`; its calls are recorded (`mock.calls`). */
export function fakeFetch(routes: FakeRoutes): Mock<typeof fetch> {
  return vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://ledgerline.test');
    const route = routes[url.pathname];
    if (route === undefined)
      return json(404, { error: { code: 'not-found', message: `no ${url.pathname}` } });
    const answer: unknown = typeof route === 'function' ? await (route as (url: URL) => unknown)(url) : route;
    return answer instanceof Response ? answer : json(200, answer);
  });
}

/** A JSON response, e.g. an error answer: `json(403, { error: { code: 'forbidden', message } })`. */
export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** The people tests sign in as. */
export const TEST_PEOPLE: Record<Me['role'], Me> = {
  admin: {
    role: 'admin',
    scope: 'all',
    departmentIds: [],
    displayName: 'Ada Admin',
    upn: 'ada@contoso.test',
    userId: 1,
  },
  supervisor: {
    role: 'supervisor',
    scope: 'departments',
    departmentIds: [2, 3],
    displayName: 'Sam Supervisor',
    upn: 'sam@contoso.test',
    userId: 2,
  },
  employee: {
    role: 'employee',
    scope: 'user',
    departmentIds: [],
    displayName: 'Eve Employee',
    upn: 'eve@contoso.test',
    userId: 3,
  },
};

/** How to render: who is signed in, the fake API, the language and the page's URL. */
export interface RenderOptions {
  /** Who is signed in; `TEST_PEOPLE.admin` unless said. */
  me?: Me;
  /** The fake API's answers (ignored when `fetch` is given). */
  routes?: FakeRoutes;
  /** A `fetch` of the test's own. */
  fetch?: Mock<typeof fetch>;
  /** The locale, `en-US` unless said. */
  locale?: string;
  /** The URL the page opens at, `/` unless said (e.g. `/dashboard?period=last-month`). */
  url?: string;
  /** The route pattern `ui` is rendered at, when it reads route parameters. */
  path?: string;
}

/** What a render gives back: Testing Library's result, plus the fake fetch, a user-event user and the current URL. */
export interface ProvidersRender extends RenderResult {
  fetch: Mock<typeof fetch>;
  user: UserEvent;
  queryClient: QueryClient;
  /** The router's current path and query, e.g. `/dashboard?period=last-month`. */
  location(): string;
}

/**
 * Renders a page or component inside everything the tab gives it: Fluent's theme, strings and
 * formatters, React Query (no retries), a real API client over a fake `fetch`, a session and a
 * router at `url`.
 */
export function renderWithProviders(ui: ReactElement, options: RenderOptions = {}): ProvidersRender {
  const fetch = options.fetch ?? fakeFetch(options.routes ?? {});
  const locale = options.locale ?? 'en-US';
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity, gcTime: Infinity } },
  });
  const client = createApiClient(null, { fetch });
  const host: HostInfo = {
    kind: 'browser',
    locale,
    theme: 'default',
    frameContext: null,
    userPrincipalName: null,
  };
  const session = { me: options.me ?? TEST_PEOPLE.admin, host, demo: false, signOut: () => undefined };
  let current = options.url ?? '/';
  function LocationProbe() {
    const location = useLocation();
    current = location.pathname + location.search;
    return null;
  }
  const result = render(
    <I18nProvider locale={locale}>
      <FluentProvider theme={teamsLightTheme}>
        <QueryClientProvider client={queryClient}>
          <ApiProvider client={client}>
            <SessionProvider session={session}>
              <MemoryRouter initialEntries={[options.url ?? '/']}>
                <Routes>
                  <Route path={options.path ?? '*'} element={ui} />
                </Routes>
                <LocationProbe />
              </MemoryRouter>
            </SessionProvider>
          </ApiProvider>
        </QueryClientProvider>
      </FluentProvider>
    </I18nProvider>,
  );
  return { ...result, fetch, user: userEvent.setup(), queryClient, location: () => current };
}

/** The query of the requests made to a path, in order (e.g. to check which filters were sent). */
export function requestsTo(fetched: Mock<typeof fetch>, pathname: string): URLSearchParams[] {
  return fetched.mock.calls
    .map(([input]) => new URL(String(input), 'http://ledgerline.test'))
    .filter((url) => url.pathname === pathname)
    .map((url) => url.searchParams);
}
