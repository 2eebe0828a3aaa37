import type { TokenSource } from '../auth/token-source';
import type { ApiErrorBody } from './api-types';

/** A query string's values; empty, null and undefined values are left out. */
export type QueryValues = Record<string, string | number | boolean | null | undefined>;

/** An answer of the API other than 2xx, with its `{ error: { code, message } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** What exactly was wrong, when the API lists it (each problem of a rate deck, each field). */
    readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A file the API streamed back (exports). */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/** The tab's only way to the API: every request with the signed-in person's Bearer token. */
export interface ApiClient {
  get<T>(path: string, query?: QueryValues, signal?: AbortSignal): Promise<T>;
  send<T>(
    method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
    options?: SendOptions,
  ): Promise<T>;
  download(path: string, query?: QueryValues, signal?: AbortSignal): Promise<DownloadedFile>;
}

/** A body other than JSON (a CSV rate deck), and query parameters. */
export interface SendOptions {
  contentType?: string;
  query?: QueryValues;
}

/** Builds `path?query` with the values that are set. */
export function withQuery(path: string, query: QueryValues = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * The API client. `tokens` is null before sign-in (public routes only); a 401 calls
 * `onUnauthenticated` (the demo goes back to its persona picker).
 */
export function createApiClient(
  tokens: TokenSource | null,
  options: { fetch?: typeof fetch; onUnauthenticated?: () => void } = {},
): ApiClient {
  const fetchApi = options.fetch ?? ((input, init) => fetch(input, init));

  async function request(method: string, url: string, init: RequestInit): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('Accept', 'application/json');
    if (tokens) headers.set('Authorization', `Bearer ${await tokens.token()}`);
    let response: Response;
    try {
      response = await fetchApi(url, { ...init, method, headers });
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      throw new ApiError(0, 'network', 'Ledgerline cannot be reached');
    }
    if (response.ok) return response;
    const body = (await response.json().catch(() => null)) as ApiErrorBody | null;
    if (response.status === 401) options.onUnauthenticated?.();
    throw new ApiError(
      response.status,
      body?.error?.code ?? 'http-' + response.status,
      body?.error?.message ?? response.statusText,
      body?.error?.details ?? [],
    );
  }

  return {
    async get<T>(path: string, query?: QueryValues, signal?: AbortSignal): Promise<T> {
      const response = await request('GET', withQuery(path, query), signal ? { signal } : {});
      return (await response.json()) as T;
    },
    async send<T>(method: string, path: string, body?: unknown, sendOptions: SendOptions = {}): Promise<T> {
      const contentType = sendOptions.contentType ?? 'application/json';
      const init: RequestInit =
        body === undefined
          ? {}
          : {
              headers: { 'Content-Type': contentType },
              body: contentType === 'application/json' ? JSON.stringify(body) : (body as BodyInit),
            };
      const response = await request(method, withQuery(path, sendOptions.query), init);
      if (response.status === 204) return undefined as T;
      const text = await response.text();
      return (text ? JSON.parse(text) : undefined) as T;
    },
    async download(path: string, query?: QueryValues, signal?: AbortSignal): Promise<DownloadedFile> {
      const response = await request('GET', withQuery(path, query), signal ? { signal } : {});
      const disposition = response.headers.get('Content-Disposition') ?? '';
      const fileName = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? 'ledgerline-export';
      return { blob: await response.blob(), fileName };
    },
  } as ApiClient;
}
