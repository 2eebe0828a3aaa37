import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  exportJWK,
  exportSPKI,
  generateKeyPair,
  jwtVerify,
  SignJWT,
  type CryptoKey,
  type JSONWebKeySet,
  type JWK,
  type JWTPayload,
} from 'jose';
import { handleGraphRequest, type GraphUser } from './stand-in-graph.js';
import { handleTokenRequest, type StandInClient } from './stand-in-token-endpoint.js';

export type { GraphUser } from './stand-in-graph.js';
export type { StandInClient } from './stand-in-token-endpoint.js';

/** Graph's own resource: the audience of the Graph tokens the stand-in issues. */
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';

/** One request the stand-in answered, for tests to assert what was called. */
export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  authorization: string | null;
  /** The JSON or form body, parsed; null when empty. */
  body: unknown;
  /** For Graph calls: the claims of the bearer token, when the stand-in issued it. */
  caller: JWTPayload | null;
  status: number;
}

/** How to set up the stand-in. */
export interface EntraStandInOptions {
  tenantId: string;
  /** Confidential clients allowed at the token endpoint. */
  clients?: readonly StandInClient[];
  /** What `GET /v1.0/users` lists. */
  users?: readonly GraphUser[];
  /** Group ids per user object id, for `checkMemberGroups`. */
  memberships?: Readonly<Record<string, readonly string[]>>;
  /** Users per page when `$top` is not given (Graph's default is 100). */
  pageSize?: number;
  /** Member user object ids per group id, for `transitiveMembers/microsoft.graph.user`. */
  groupMembers?: Readonly<Record<string, readonly string[]>>;
}

/** An e-mail Graph took at `POST /users/{sender}/sendMail`. */
export interface SentGraphMail {
  /** The mailbox in the path. */
  sender: string;
  /** The `message` of the request body, as Graph's message resource. */
  message: Record<string, unknown>;
  saveToSentItems: unknown;
}

/** A response the routes build; the server writes it as JSON (no body when undefined). */
export interface StandInResponse {
  status: number;
  body: unknown;
  caller?: JWTPayload | null;
}

/** What the route handlers need of the stand-in. */
export interface StandInContext {
  tenantId: string;
  url: string;
  issuer: string;
  clients: readonly StandInClient[];
  users: readonly GraphUser[];
  memberships: ReadonlyMap<string, ReadonlySet<string>>;
  pageSize: number;
  graphFailure: number | null;
  groupMembers: ReadonlyMap<string, readonly string[]>;
  /** Where sendMail keeps what it took. */
  sentMail: SentGraphMail[];
  sign(payload: JWTPayload): Promise<string>;
  /** The claims of a token this stand-in signed, if it is valid for `audience`; else null. */
  verify(token: string, audience: readonly string[]): Promise<JWTPayload | null>;
}

/**
 * Entra ID and Microsoft Graph on 127.0.0.1 for tests, speaking the real protocols: OpenID
 * configuration, JWKS, the v2 token endpoint (client credentials and on-behalf-of, returning real
 * signed JWTs), Graph `checkMemberGroups`, paged `GET /users` and group `transitiveMembers`, and
 * `sendMail` (kept in `sentMail`). It records every request and
 * mints Teams-SSO-like user tokens signed with its key.
 */
export class EntraStandIn {
  readonly requests: RecordedRequest[] = [];
  /** Graph answers every call with this status while set (e.g. 503), to test outages. */
  graphFailure: number | null = null;
  /** The e-mails `sendMail` took, in order. */
  readonly sentMail: SentGraphMail[] = [];
  private users: GraphUser[];
  private readonly memberships = new Map<string, Set<string>>();

  private readonly server: Server;

  private constructor(
    private readonly options: EntraStandInOptions,
    private readonly key: { privateKey: CryptoKey; publicKey: CryptoKey; publicJwk: JWK; kid: string },
  ) {
    this.server = createServer((request, response) => {
      void this.answer(request, response);
    });
    this.users = [...(options.users ?? [])];
    for (const [objectId, groups] of Object.entries(options.memberships ?? {}))
      this.setGroups(objectId, groups);
  }

  /** Starts a stand-in on a free port of 127.0.0.1. */
  static async start(options: EntraStandInOptions): Promise<EntraStandIn> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const kid = randomUUID();
    const publicJwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
    const standIn = new EntraStandIn(options, { privateKey, publicKey, publicJwk, kid });
    await new Promise<void>((resolve) => standIn.server.listen(0, '127.0.0.1', resolve));
    return standIn;
  }

  /** Where it listens, e.g. http://127.0.0.1:41234: the authority and the Graph base URL. */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get tenantId(): string {
    return this.options.tenantId;
  }

  /** The v2 issuer in the real format (login.microsoftonline.com), as real tokens carry it. */
  get issuer(): string {
    return `https://login.microsoftonline.com/${this.options.tenantId}/v2.0`;
  }

  /** The public keys it publishes at `/{tenant}/discovery/v2.0/keys`. */
  get jwks(): JSONWebKeySet {
    return { keys: [this.key.publicJwk] };
  }

  /** The signing key's public half as PEM (what a key-confusion attacker would use as HMAC secret). */
  publicKeyPem(): Promise<string> {
    return exportSPKI(this.key.publicKey);
  }

  /** Replaces the users `GET /v1.0/users` lists. */
  setUsers(users: readonly GraphUser[]): void {
    this.users = [...users];
  }

  /** Sets the groups a user (by object id) is a member of. */
  setGroups(objectId: string, groupIds: readonly string[]): void {
    this.memberships.set(objectId.toLowerCase(), new Set(groupIds.map((id) => id.toLowerCase())));
  }

  /** Signs any payload with the stand-in's key (RS256, its kid): for tokens with chosen claims. */
  sign(payload: JWTPayload): Promise<string> {
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.key.kid })
      .sign(this.key.privateKey);
  }

  /**
   * A token as Teams single sign-on gets it for the tab: v2, audience the API's client id, scope
   * `access_as_user`, valid for an hour. `claims` override or add claims; undefined removes one.
   */
  userToken(audience: string, claims: Record<string, unknown> = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const payload: Record<string, unknown> = {
      aud: audience,
      iss: this.issuer,
      iat: now,
      nbf: now,
      exp: now + 3600,
      aio: randomUUID(),
      azp: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', // Teams web client, as in real tokens
      azpacr: '0',
      name: 'Test User',
      oid: randomUUID(),
      preferred_username: 'test.user@contoso.com',
      rh: '0.A.',
      scp: 'access_as_user',
      sub: randomUUID(),
      tid: this.options.tenantId,
      uti: randomUUID(),
      ver: '2.0',
      ...claims,
    };
    for (const [name, value] of Object.entries(payload)) if (value === undefined) delete payload[name];
    return this.sign(payload as JWTPayload);
  }

  /** Requests whose path ends with `suffix`, in order. */
  requestsTo(suffix: string): RecordedRequest[] {
    return this.requests.filter((request) => request.path.endsWith(suffix));
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve, reject) =>
      this.server.close((error) => (error ? reject(error) : resolve())),
    );
  }

  private context(): StandInContext {
    return {
      tenantId: this.options.tenantId,
      url: this.url,
      issuer: this.issuer,
      clients: this.options.clients ?? [],
      users: this.users,
      memberships: this.memberships,
      pageSize: this.options.pageSize ?? 100,
      graphFailure: this.graphFailure,
      groupMembers: new Map(
        Object.entries(this.options.groupMembers ?? {}).map(([id, members]) => [id.toLowerCase(), members]),
      ),
      sentMail: this.sentMail,
      sign: (payload) => this.sign(payload),
      verify: async (token, audience) => {
        try {
          const { payload } = await jwtVerify(token, this.key.publicKey, {
            algorithms: ['RS256'],
            audience: [...audience],
          });
          return payload;
        } catch {
          return null;
        }
      },
    };
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const text = await readBody(request);
    const body = parseBody(text, request.headers['content-type']);
    const result = await this.route(request.method ?? 'GET', url, body, request);
    this.requests.push({
      method: request.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      authorization: request.headers.authorization ?? null,
      body,
      caller: result.caller ?? null,
      status: result.status,
    });
    if (result.body === undefined) {
      response.writeHead(result.status, { 'content-length': '0' });
      response.end();
      return;
    }
    response.writeHead(result.status, { 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify(result.body));
  }

  private async route(
    method: string,
    url: URL,
    body: unknown,
    request: IncomingMessage,
  ): Promise<StandInResponse> {
    const tenant = this.options.tenantId;
    const path = url.pathname;
    if (method === 'GET' && path === `/${tenant}/v2.0/.well-known/openid-configuration`)
      return { status: 200, body: this.openIdConfiguration() };
    if (
      method === 'GET' &&
      (path === `/${tenant}/discovery/v2.0/keys` || path === `/${tenant}/discovery/keys`)
    )
      return { status: 200, body: this.jwks };
    if (method === 'POST' && path === `/${tenant}/oauth2/v2.0/token`)
      return handleTokenRequest(this.context(), body, request.headers.authorization);
    if (path.startsWith('/v1.0/'))
      return handleGraphRequest(this.context(), method, url, body, request.headers.authorization);
    return { status: 404, body: { error: 'not_found', error_description: `no route ${method} ${path}` } };
  }

  private openIdConfiguration(): Record<string, unknown> {
    const base = `${this.url}/${this.options.tenantId}`;
    return {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
      jwks_uri: `${base}/discovery/v2.0/keys`,
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      issuer: this.issuer,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      tenant_region_scope: 'EU',
      cloud_instance_name: 'microsoftonline.com',
    };
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function parseBody(text: string, contentType: string | undefined): unknown {
  if (text === '') return null;
  if (contentType?.startsWith('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(text));
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
