import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { createApiClient } from '../../api/api-client';
import { ApiProvider } from '../../api/ApiProvider';
import type { Me } from '../../api/api-types';
import { SessionProvider } from '../../auth/SessionProvider';
import { I18nProvider } from '../../i18n/I18nProvider';

/** An answer of the fake API: a JSON body (200), or a whole Response. */
export type FakeAnswer = unknown;

/** A fake of the API's fetch: answers by path, remembers every request it was asked. */
export interface FakeApi {
  fetch: typeof fetch;
  /** Every URL asked for, in order. */
  requests: URL[];
  /** The requests for one path. */
  requestsTo(path: string): URL[];
}

/** A JSON answer with a status other than 200. */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/**
 * A fetch that answers each path with `routes[path](url)`; an unknown path answers 404 as the
 * server does. An answer that is a Promise is awaited (to hold a request open).
 */
export function fakeApi(routes: Record<string, (url: URL) => FakeAnswer | Promise<FakeAnswer>>): FakeApi {
  const requests: URL[] = [];
  const fetchFake = async (input: RequestInfo | URL): Promise<Response> => {
    const url = new URL(String(input), 'http://ledgerline.test');
    requests.push(url);
    const route = routes[url.pathname];
    if (!route)
      return jsonResponse({ error: { code: 'not-found', message: `no route ${url.pathname}` } }, 404);
    const answer = await route(url);
    return answer instanceof Response ? answer : jsonResponse(answer);
  };
  return {
    fetch: fetchFake as typeof fetch,
    requests,
    requestsTo: (path) => requests.filter((url) => url.pathname === path),
  };
}

/** An administrator of the demo company. */
export const ADMIN: Me = {
  displayName: 'Giuseppe De Santis',
  upn: 'giuseppe.desantis@contoso.com',
  role: 'admin',
  userId: 1,
  scope: 'all',
  departmentIds: [],
};

/**
 * Renders a page as the tab does: strings, theme, a real API client on the fake fetch, React
 * Query (no retries), the session and a router at `path`.
 */
export function renderPage(
  page: ReactElement,
  options: { api: FakeApi; path?: string; me?: Me; locale?: string },
): RenderResult {
  const client = createApiClient(null, { fetch: options.api.fetch });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const locale = options.locale ?? 'en-US';
  return render(
    <I18nProvider locale={locale}>
      <FluentProvider theme={teamsLightTheme}>
        <QueryClientProvider client={queryClient}>
          <ApiProvider client={client}>
            <SessionProvider
              session={{
                me: options.me ?? ADMIN,
                host: {
                  kind: 'browser',
                  locale,
                  theme: 'default',
                  frameContext: null,
                  userPrincipalName: null,
                },
                demo: true,
                signOut: () => undefined,
              }}
            >
              <MemoryRouter initialEntries={[options.path ?? '/']}>{page}</MemoryRouter>
            </SessionProvider>
          </ApiProvider>
        </QueryClientProvider>
      </FluentProvider>
    </I18nProvider>,
  );
}
