import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostInfo } from '../host/host-context';
import { saveDemoToken } from './token-source';
import { useSignIn } from './use-sign-in';

const browser: HostInfo = {
  kind: 'browser',
  locale: 'en-US',
  theme: 'default',
  frameContext: null,
  userPrincipalName: null,
};
const personas = [{ role: 'admin', upn: 'carla@demo.example', displayName: 'Carla' }];
const me = {
  displayName: 'Carla',
  upn: 'carla@demo.example',
  role: 'admin',
  userId: 3,
  scope: 'all',
  departmentIds: [],
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** A server: routes by method and path; what it was asked is kept. */
function server(routes: Record<string, (init: RequestInit) => Response>) {
  const asked: { route: string; authorization: string | null; body: unknown }[] = [];
  const fetch = vi.fn(async (url: string, init: RequestInit = {}) => {
    const route = `${init.method ?? 'GET'} ${url}`;
    asked.push({
      route,
      authorization: new Headers(init.headers).get('Authorization'),
      body: init.body ? JSON.parse(String(init.body)) : undefined,
    });
    const answer = routes[route];
    return answer ? answer(init) : json(404, { error: { code: 'not-found', message: route } });
  });
  vi.stubGlobal('fetch', fetch);
  return asked;
}

describe('signing in', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => vi.unstubAllGlobals());

  it('in a browser on a server that is not the demo, says to open Teams', async () => {
    server({});
    const { result } = renderHook(() => useSignIn(browser));
    await waitFor(() => expect(result.current.state).toEqual({ step: 'failed', reason: 'open-in-teams' }));
  });

  it('in the demo, offers the personas, signs in as the one picked and reads who that is', async () => {
    const asked = server({
      'GET /api/v1/demo/personas': () => json(200, personas),
      'POST /api/v1/demo/sign-in': () =>
        json(200, { token: 'demo-token', expiresAt: '2026-12-03T00:00:00Z', principal: me }),
      'GET /api/v1/me': () => json(200, me),
    });
    const { result } = renderHook(() => useSignIn(browser));
    await waitFor(() => expect(result.current.state).toEqual({ step: 'pick-persona', personas }));
    await act(() => result.current.signInAs(personas[0] as (typeof personas)[number] & { role: 'admin' }));
    await waitFor(() => expect(result.current.state.step).toBe('signed-in'));
    expect(result.current.state).toMatchObject({ step: 'signed-in', me, demo: true });
    expect(asked.find((a) => a.route === 'POST /api/v1/demo/sign-in')?.body).toEqual({
      role: 'admin',
      user: 'carla@demo.example',
    });
    expect(asked.find((a) => a.route === 'GET /api/v1/me')?.authorization).toBe('Bearer demo-token');
  });

  it('when the demo no longer takes the token (it restarted), asks for a persona again', async () => {
    saveDemoToken('stale');
    server({
      'GET /api/v1/demo/personas': () => json(200, personas),
      'GET /api/v1/me': () => json(401, { error: { code: 'unauthenticated', message: 'sign-in required' } }),
    });
    const { result } = renderHook(() => useSignIn(browser));
    await waitFor(() => expect(result.current.state).toEqual({ step: 'pick-persona', personas }));
    expect(sessionStorage.length).toBe(0);
  });

  it('shows a server that cannot be reached as an error to retry', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const { result } = renderHook(() => useSignIn(browser));
    await waitFor(() => expect(result.current.state).toMatchObject({ step: 'failed', reason: 'error' }));
  });
});
