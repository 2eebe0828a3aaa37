import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  jwtVerify,
  SignJWT,
  type CryptoKey,
  type JSONWebKeySet,
  type JWK,
} from 'jose';

/** The issuer of the tokens the Bot Framework's channels send to a bot. */
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

/** One call the bot made to the Bot Connector. */
export interface ConnectorCall {
  method: string;
  path: string;
  /** The conversation id of `/v3/conversations/{id}/…`, or null for `POST /v3/conversations`. */
  conversationId: string | null;
  body: Record<string, unknown> | null;
  /** Whether the bearer token was one the bot's tenant issued for the Bot Framework (null: no token). */
  tokenValid: boolean | null;
}

/** Options of the stand-in. */
export interface BotConnectorStandInOptions {
  /** Keys of the Entra ID that issues the bot's outgoing tokens; set: calls without a valid one get 401. */
  botTokenKeys?: JSONWebKeySet;
}

/**
 * The Bot Framework on 127.0.0.1 for tests: the channel's side (OpenID metadata and JWKS whose
 * key is endorsed for `msteams`, and channel tokens signed with it, as Teams sends them) and the
 * Bot Connector's `/v3/conversations` routes, which record what the bot posts (replies, updates,
 * proactive messages, new channel posts) and check the bot's own tokens.
 */
export class BotConnectorStandIn {
  readonly calls: ConnectorCall[] = [];
  private readonly server: Server;
  private conversations = 0;

  private constructor(
    private readonly key: { privateKey: CryptoKey; publicJwk: JWK; kid: string },
    private readonly options: BotConnectorStandInOptions,
  ) {
    this.server = createServer((request, response) => void this.answer(request, response));
  }

  /** Starts one on a free port of 127.0.0.1. */
  static async start(options: BotConnectorStandInOptions = {}): Promise<BotConnectorStandIn> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const kid = randomUUID();
    const publicJwk = {
      ...(await exportJWK(publicKey)),
      kid,
      use: 'sig',
      alg: 'RS256',
      endorsements: ['msteams'],
    };
    const standIn = new BotConnectorStandIn({ privateKey, publicJwk, kid }, options);
    await new Promise<void>((resolve) => standIn.server.listen(0, '127.0.0.1', resolve));
    return standIn;
  }

  /** Where it listens: the `serviceUrl` of activities, and the base of its OpenID metadata. */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The OpenID metadata URL a bot is configured with to trust its channel tokens. */
  get openIdMetadataUrl(): string {
    return `${this.url}/v1/.well-known/openidconfiguration`;
  }

  /** A channel token for the bot `appId`, as Teams sends with each activity; `claims` override. */
  channelToken(appId: string, claims: Record<string, unknown> = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      iss: BOT_FRAMEWORK_ISSUER,
      aud: appId,
      serviceurl: this.url,
      nbf: now,
      exp: now + 3600,
      ...claims,
    })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.key.kid })
      .sign(this.key.privateKey);
  }

  /** Calls to a path ending with `suffix`. */
  callsTo(suffix: string): ConnectorCall[] {
    return this.calls.filter((call) => call.path.endsWith(suffix));
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const method = request.method ?? 'GET';
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(body));
    };
    if (method === 'GET' && url.pathname === '/v1/.well-known/openidconfiguration')
      return send(200, {
        issuer: BOT_FRAMEWORK_ISSUER,
        authorization_endpoint: `${this.url}/v1/.well-known/authorize`,
        jwks_uri: `${this.url}/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      });
    if (method === 'GET' && url.pathname === '/v1/.well-known/keys')
      return send(200, { keys: [this.key.publicJwk] });
    const match = /^\/v3\/conversations(?:\/([^/]+)\/activities(?:\/([^/]+))?)?\/?$/.exec(url.pathname);
    if (!match)
      return send(404, { error: { code: 'NotFound', message: `no route ${method} ${url.pathname}` } });
    const text = await new Promise<string>((resolve) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    const tokenValid = await this.checkToken(request.headers.authorization);
    const conversationId = match[1] ? decodeURIComponent(match[1]) : null;
    this.calls.push({
      method,
      path: url.pathname,
      conversationId,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : null,
      tokenValid,
    });
    if (this.options.botTokenKeys && tokenValid !== true)
      return send(401, {
        error: { code: 'Unauthorized', message: 'Authorization has been denied for this request.' },
      });
    if (!conversationId) {
      this.conversations += 1;
      return send(201, {
        id: `19:post-${this.conversations}@thread.tacv2`,
        activityId: `post-${this.conversations}`,
      });
    }
    return send(method === 'PUT' ? 200 : 201, {
      id: match[2] && method === 'PUT' ? match[2] : `activity-${randomUUID()}`,
    });
  }

  private async checkToken(authorization: string | undefined): Promise<boolean | null> {
    const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    if (!token) return null;
    if (!this.options.botTokenKeys) return true;
    try {
      await jwtVerify(token, createLocalJWKSet(this.options.botTokenKeys), {
        audience: BOT_FRAMEWORK_ISSUER,
      });
      return true;
    } catch {
      return false;
    }
  }
}
