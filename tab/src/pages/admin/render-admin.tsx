import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { createApiClient } from '../../api/api-client';
import { ApiProvider } from '../../api/ApiProvider';
import { SessionProvider } from '../../auth/SessionProvider';
import { I18nProvider } from '../../i18n/I18nProvider';
import { AdminPage } from './AdminPage';

/** A request the fake admin API received. */
export interface SentRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  contentType: string | null;
  body: unknown;
}

/**
 * The fake API's answers by `METHOD /path` (no query): a JSON body (200), a Response, or a
 * function of the request giving either, or a promise of one to hold the answer back. Anything
 * else answers 404 as the server does.
 */
export type AdminRoutes = Record<string, unknown>;

/** A JSON response, e.g. `json(409, { error: { code: 'conflict', message } })`. */
export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

async function bodyOf(init: RequestInit | undefined): Promise<unknown> {
  const body = init?.body;
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return JSON.parse(body) as unknown;
  if (body instanceof Blob) return body.text();
  return body;
}

/**
 * Renders Administration at `path` in the tab's providers, on the real API client over a fake
 * fetch that answers from `routes` and records what it was sent.
 */
export function renderAdmin(
  path: string,
  routes: AdminRoutes,
): RenderResult & { user: UserEvent; sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  const fetchApi = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://ledgerline.test');
    const method = init?.method ?? 'GET';
    const request: SentRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      contentType: new Headers(init?.headers).get('Content-Type'),
      body: await bodyOf(init),
    };
    sent.push(request);
    const route = routes[`${method} ${url.pathname}`];
    if (route === undefined)
      return json(404, { error: { code: 'not-found', message: `no ${method} ${url.pathname}` } });
    const answer: unknown =
      typeof route === 'function' ? await (route as (request: SentRequest) => unknown)(request) : route;
    return answer instanceof Response ? answer : json(200, answer);
  };
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const session = {
    me: {
      role: 'admin' as const,
      scope: 'all' as const,
      departmentIds: [],
      displayName: 'Ada Admin',
      upn: 'ada@contoso.test',
      userId: 1,
    },
    host: {
      kind: 'browser' as const,
      locale: 'en-US',
      theme: 'default' as const,
      frameContext: null,
      userPrincipalName: null,
    },
    demo: false,
    signOut: () => undefined,
  };
  const user = userEvent.setup();
  const result = render(
    <I18nProvider locale="en-US">
      <FluentProvider theme={teamsLightTheme}>
        <QueryClientProvider client={queryClient}>
          <ApiProvider client={createApiClient(null, { fetch: fetchApi as typeof fetch })}>
            <SessionProvider session={session}>
              <MemoryRouter initialEntries={[path]}>
                <Routes>
                  <Route path="/admin/*" element={<AdminPage />} />
                </Routes>
              </MemoryRouter>
            </SessionProvider>
          </ApiProvider>
        </QueryClientProvider>
      </FluentProvider>
    </I18nProvider>,
  );
  return { ...result, user, sent };
}

/** How long a test waits for a section's first screen: its script loads on demand. */
export const SECTION_LOAD = { timeout: 15_000 };
