import { describe, expect, it, vi } from 'vitest';
import type { TokenSource } from '../auth/token-source';
import { ApiError, createApiClient, withQuery } from './api-client';

const tokens: TokenSource = { kind: 'demo', token: async () => 'T0KEN', signOut() {} };
const jsonResponse = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

describe('the API client', () => {
  it('builds query strings from the values that are set', () => {
    expect(
      withQuery('/api/v1/calls', { from: '2026-11-01', site: null, q: '', user: undefined, limit: 50 }),
    ).toBe('/api/v1/calls?from=2026-11-01&limit=50');
    expect(withQuery('/api/v1/me')).toBe('/api/v1/me');
  });

  it('sends the Bearer token and reads JSON', async () => {
    const fetch = vi.fn(async () => jsonResponse(200, { role: 'admin' }));
    const api = createApiClient(tokens, { fetch });
    expect(await api.get('/api/v1/me')).toEqual({ role: 'admin' });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/me');
    expect(new Headers(init.headers).get('Authorization')).toBe('Bearer T0KEN');
  });

  it('turns an error answer into an ApiError with its code and message', async () => {
    const fetch = vi.fn(async () =>
      jsonResponse(409, { error: { code: 'conflict', message: 'code SALES is taken' } }),
    );
    const api = createApiClient(tokens, { fetch });
    const error = await api
      .send('POST', '/api/v1/admin/departments', { code: 'SALES' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 409,
      code: 'conflict',
      message: 'code SALES is taken',
      details: [],
    });
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{"code":"SALES"}');
  });

  it('keeps the problems the API lists', async () => {
    const body = {
      error: {
        code: 'invalid-input',
        message: '2 problems',
        details: ['line 3: no price', 'line 9: bad prefix'],
      },
    };
    const api = createApiClient(tokens, { fetch: async () => jsonResponse(400, body) });
    await expect(api.get('/api/v1/x')).rejects.toMatchObject({
      details: ['line 3: no price', 'line 9: bad prefix'],
    });
  });

  it('reports a 401 to whoever signs people in, and an unreachable server as a network error', async () => {
    const onUnauthenticated = vi.fn();
    const expired = createApiClient(tokens, {
      fetch: async () =>
        jsonResponse(401, { error: { code: 'unauthenticated', message: 'sign-in required' } }),
      onUnauthenticated,
    });
    await expect(expired.get('/api/v1/me')).rejects.toMatchObject({ status: 401 });
    expect(onUnauthenticated).toHaveBeenCalledOnce();
    const down = createApiClient(tokens, {
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    await expect(down.get('/api/v1/me')).rejects.toMatchObject({ code: 'network' });
  });

  it('downloads a file with the name the server gives', async () => {
    const api = createApiClient(tokens, {
      fetch: async () =>
        new Response('a,b\n1,2\n', {
          status: 200,
          headers: { 'Content-Disposition': 'attachment; filename="calls-2026-11.csv"' },
        }),
    });
    const file = await api.download('/api/v1/calls/export', { format: 'csv' });
    expect(file.fileName).toBe('calls-2026-11.csv');
    expect(await file.blob.text()).toBe('a,b\n1,2\n');
  });
});
