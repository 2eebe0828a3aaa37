import { Client, GraphError, HTTPMessageHandler, RetryHandler } from '@microsoft/microsoft-graph-client';
import { LedgerlineError } from '../domain/errors.js';
import { ENTRA_USER_FIELDS, type EntraUser } from './entra-sync-plan.js';

/** A Graph access token with the app's own permissions (User.Read.All). */
export type AppToken = () => Promise<string>;

/** Users Graph lists per page by default (its largest page for `/users`). */
const PAGE_SIZE = 999;

/**
 * Every user of the tenant from Microsoft Graph `GET /v1.0/users` (the properties directory sync
 * reads), page after page through `@odata.nextLink`. A next link must point at the configured
 * Graph (the token is never sent anywhere else); it is followed as a path under it, so Graph can
 * be a stand-in at a plain-http loopback address.
 */
export async function* entraUsers(
  graphUrl: string,
  token: AppToken,
  options: { pageSize?: number; onPage?: (usersRead: number) => void } = {},
): AsyncGenerator<EntraUser> {
  const retry = new RetryHandler();
  retry.setNext(new HTTPMessageHandler());
  const client = Client.initWithMiddleware({ baseUrl: graphUrl, defaultVersion: 'v1.0', middleware: retry });
  const base = `${graphUrl.replace(/\/+$/, '')}/v1.0/`;
  let path: string | null =
    `/users?$select=${ENTRA_USER_FIELDS.join(',')}&$top=${options.pageSize ?? PAGE_SIZE}`;
  let read = 0;
  while (path !== null) {
    let page: { value?: unknown; '@odata.nextLink'?: unknown };
    try {
      page = (await client
        .api(path)
        .header('Authorization', `Bearer ${await token()}`)
        .get()) as typeof page;
    } catch (error) {
      if (error instanceof LedgerlineError) throw error;
      const status =
        error instanceof GraphError ? ` (HTTP ${error.statusCode}${error.code ? ` ${error.code}` : ''})` : '';
      const hint =
        error instanceof GraphError && error.statusCode === 403
          ? ': the app needs the User.Read.All application permission, with admin consent'
          : '';
      throw new LedgerlineError('unavailable', `Graph did not list the users${status}${hint}`, [], {
        cause: error,
      });
    }
    if (!Array.isArray(page.value))
      throw new LedgerlineError('unavailable', 'Graph listed users without a value list');
    for (const user of page.value as EntraUser[]) yield user;
    read += page.value.length;
    options.onPage?.(read);
    const next = page['@odata.nextLink'];
    if (typeof next !== 'string') path = null;
    else if (next.startsWith(base)) path = `/${next.slice(base.length)}`;
    else
      throw new LedgerlineError('unavailable', `Graph sent a next page link outside ${base}: not followed`);
  }
}
