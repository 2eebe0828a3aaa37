import { randomUUID } from 'node:crypto';
import type { JWTPayload } from 'jose';
import type { StandInContext, StandInResponse } from './entra-stand-in.js';

/** An app registration the stand-in's token endpoint knows. */
export interface StandInClient {
  clientId: string;
  clientSecret: string;
  /** Its application id URI, also accepted as the audience of on-behalf-of assertions. */
  applicationIdUri?: string;
  /** Graph application permissions granted (client credentials tokens carry them as `roles`). */
  applicationPermissions?: readonly string[];
  /** Graph delegated permissions granted (on-behalf-of tokens carry them in `scp`). */
  delegatedPermissions?: readonly string[];
}

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/**
 * `POST /{tenant}/oauth2/v2.0/token` as Entra ID answers it: client secret checked (post or basic),
 * `client_credentials` and on-behalf-of (`jwt-bearer` with the user's token as assertion) grants,
 * errors as `{ error, error_description, error_codes }`.
 */
export async function handleTokenRequest(
  context: StandInContext,
  body: unknown,
  authorization: string | undefined,
): Promise<StandInResponse> {
  const form = (body ?? {}) as Record<string, string | undefined>;
  const credentials = clientCredentials(form, authorization);
  const client = context.clients.find((candidate) => candidate.clientId === credentials.clientId);
  if (!client)
    return oauthError(
      400,
      'unauthorized_client',
      700016,
      `Application '${credentials.clientId}' was not found`,
    );
  if (client.clientSecret !== credentials.clientSecret)
    return oauthError(401, 'invalid_client', 7000215, 'Invalid client secret provided.');
  const scope = form.scope ?? '';
  const resource = scope.split(' ').find((item) => item.endsWith('/.default'));
  if (!resource)
    return oauthError(400, 'invalid_scope', 1002012, `The provided value for scope ${scope} is not valid.`);
  const audience = resource.slice(0, -'/.default'.length);
  const now = Math.floor(Date.now() / 1000);
  const common = {
    aud: audience,
    iss: `https://sts.windows.net/${context.tenantId}/`,
    iat: now,
    nbf: now,
    exp: now + 3600,
    appid: client.clientId,
    tid: context.tenantId,
    uti: randomUUID(),
    ver: '1.0',
  };

  if (form.grant_type === 'client_credentials') {
    const servicePrincipal = servicePrincipalId(client.clientId);
    const token = await context.sign({
      ...common,
      idtyp: 'app',
      oid: servicePrincipal,
      sub: servicePrincipal,
      roles: [...(client.applicationPermissions ?? ['GroupMember.Read.All', 'User.Read.All'])],
    });
    return tokenResponse(token, scope);
  }

  if (form.grant_type === JWT_BEARER && form.requested_token_use === 'on_behalf_of') {
    const audiences = [client.clientId, ...(client.applicationIdUri ? [client.applicationIdUri] : [])];
    const user = form.assertion ? await context.verify(form.assertion, audiences) : null;
    if (!user || typeof user.oid !== 'string')
      return oauthError(400, 'invalid_grant', 50013, 'Assertion failed signature validation.');
    const token = await context.sign({
      ...common,
      idtyp: 'user',
      oid: user.oid,
      sub: randomUUID(),
      upn: user.preferred_username,
      name: user.name,
      scp: (client.delegatedPermissions ?? ['GroupMember.Read.All', 'User.Read']).join(' '),
    } satisfies JWTPayload);
    return tokenResponse(token, scope, {
      client_info: Buffer.from(JSON.stringify({ uid: user.oid, utid: context.tenantId })).toString(
        'base64url',
      ),
    });
  }

  return oauthError(
    400,
    'unsupported_grant_type',
    70003,
    `The app requested an unsupported grant type '${form.grant_type}'.`,
  );
}

function clientCredentials(
  form: Record<string, string | undefined>,
  authorization: string | undefined,
): { clientId: string | undefined; clientSecret: string | undefined } {
  const basic = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
  if (basic?.[1]) {
    const [id, secret] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
    return { clientId: id && decodeURIComponent(id), clientSecret: secret && decodeURIComponent(secret) };
  }
  return { clientId: form.client_id, clientSecret: form.client_secret };
}

function tokenResponse(token: string, scope: string, extra: Record<string, string> = {}): StandInResponse {
  return {
    status: 200,
    body: {
      token_type: 'Bearer',
      scope,
      expires_in: 3599,
      ext_expires_in: 3599,
      access_token: token,
      ...extra,
    },
  };
}

function oauthError(status: number, error: string, code: number, description: string): StandInResponse {
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${description}`,
      error_codes: [code],
      timestamp: new Date().toISOString().replace('T', ' ').slice(0, 19) + 'Z',
      trace_id: randomUUID(),
      correlation_id: randomUUID(),
    },
  };
}

/** A stable made-up service principal object id per client. */
function servicePrincipalId(clientId: string): string {
  return `${clientId.slice(0, 24)}${'5e'.repeat(6)}`;
}
