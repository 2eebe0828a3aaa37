import { generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EntraStandIn } from '../testing/entra-stand-in.js';
import { AccessTokenValidator, bearerToken } from './access-token-validator.js';
import { parseAuthConfig, type AuthConfig } from './auth-config.js';
import { AuthenticationError, type AuthenticationFailure } from './authentication-error.js';

const TENANT = '7d3a1f0e-5b2c-4a8d-9e6f-0c1b2a3d4e5f';
const OTHER_TENANT = 'f0e1d2c3-b4a5-4968-8776-5a4b3c2d1e0f';
const CLIENT_ID = '3c9b7a1e-2f4d-4e6a-8b0c-1d2e3f4a5b6c';
const APP_ID_URI = `api://ledgerline.contoso.com/${CLIENT_ID}`;

let standIn: EntraStandIn;
let config: AuthConfig;
let validator: AccessTokenValidator;

beforeAll(async () => {
  standIn = await EntraStandIn.start({ tenantId: TENANT });
  config = parseAuthConfig({
    tenantId: TENANT,
    clientId: CLIENT_ID,
    applicationIdUri: APP_ID_URI,
    authorityUrl: standIn.url,
  });
  validator = new AccessTokenValidator(config);
});
afterAll(() => standIn.close());

async function failureOf(token: string, using = validator): Promise<AuthenticationFailure> {
  const error = await using.validate(token).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AuthenticationError);
  expect((error as AuthenticationError).code).toBe('unauthenticated');
  // The response stays terse; the detail is for the log.
  expect((error as AuthenticationError).message).toBe('the access token is not valid');
  return (error as AuthenticationError).reason;
}

const now = () => Math.floor(Date.now() / 1000);

describe('AccessTokenValidator', () => {
  it('accepts a Teams SSO token for the client id or the application id URI, with its claims', async () => {
    const oid = '0b4c6e8a-1d3f-4a5b-8c7d-9e0f1a2b3c4d';
    const claims = await validator.validate(
      await standIn.userToken(CLIENT_ID, {
        oid,
        preferred_username: 'Anna.Rossi@contoso.com',
        name: 'Anna Rossi',
        groups: ['5A8E1C74-2D3B-4F9E-8A61-3B7C0D5E9F02'],
        roles: ['Ledgerline.Admin'],
      }),
    );
    expect(claims).toEqual({
      objectId: oid,
      tenantId: TENANT,
      upn: 'anna.rossi@contoso.com',
      displayName: 'Anna Rossi',
      groups: ['5a8e1c74-2d3b-4f9e-8a61-3b7c0d5e9f02'],
      groupsOverage: false,
      roles: ['Ledgerline.Admin'],
    });
    await expect(validator.validate(await standIn.userToken(APP_ID_URI))).resolves.toMatchObject({
      tenantId: TENANT,
    });
  });

  it('fetched the keys from the tenant JWKS derived from the authority', () => {
    expect(standIn.requestsTo(`/${TENANT}/discovery/v2.0/keys`).length).toBeGreaterThan(0);
  });

  it('tells overage (hasgroups or _claim_names) from a groups claim that is simply absent', async () => {
    const absent = await validator.validate(await standIn.userToken(CLIENT_ID));
    expect(absent).toMatchObject({ groups: null, groupsOverage: false });
    const hasGroups = await validator.validate(await standIn.userToken(CLIENT_ID, { hasgroups: true }));
    expect(hasGroups).toMatchObject({ groups: null, groupsOverage: true });
    const claimNames = await validator.validate(
      await standIn.userToken(CLIENT_ID, {
        _claim_names: { groups: 'src1' },
        _claim_sources: { src1: { endpoint: 'https://graph.windows.net/x/users/y/getMemberObjects' } },
      }),
    );
    expect(claimNames).toMatchObject({ groups: null, groupsOverage: true });
  });

  it('accepts a token inside the clock skew and refuses one outside it', async () => {
    const skewed = await standIn.userToken(CLIENT_ID, { exp: now() - 60, nbf: now() - 3600 });
    await expect(validator.validate(skewed)).resolves.toBeDefined();
    expect(await failureOf(await standIn.userToken(CLIENT_ID, { exp: now() - 180 }))).toBe('expired');
    await expect(
      validator.validate(await standIn.userToken(CLIENT_ID, { nbf: now() + 60 })),
    ).resolves.toBeDefined();
    expect(await failureOf(await standIn.userToken(CLIENT_ID, { nbf: now() + 180 }))).toBe('not-yet-valid');
  });

  it('refuses forged and wrong tokens, naming the check that failed', async () => {
    const valid = await standIn.userToken(CLIENT_ID);
    const payload = JSON.parse(Buffer.from(valid.split('.')[1] as string, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    const unsigned = new UnsecuredJWT(payload).encode();
    const keyConfusion = await new SignJWT(payload)
      .setProtectedHeader({
        alg: 'HS256',
        kid: JSON.parse(Buffer.from(valid.split('.')[0] as string, 'base64url').toString()).kid,
      })
      .sign(new TextEncoder().encode(await standIn.publicKeyPem()));
    const stranger = await generateKeyPair('RS256');
    const unknownKey = await new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', kid: 'not-a-tenant-key' })
      .sign(stranger.privateKey);
    const sameKidOtherKey = await new SignJWT(payload)
      .setProtectedHeader({
        alg: 'RS256',
        kid: JSON.parse(Buffer.from(valid.split('.')[0] as string, 'base64url').toString()).kid,
      })
      .sign(stranger.privateKey);
    const [head, body] = valid.split('.');
    const tampered = `${head}.${Buffer.from(JSON.stringify({ ...payload, oid: 'someone-else' })).toString('base64url')}.${valid.split('.')[2]}`;

    const cases: [string, Promise<string> | string, AuthenticationFailure][] = [
      ['alg none', unsigned, 'algorithm'],
      ['HS256 signed with the public key', keyConfusion, 'algorithm'],
      ['signed by an unknown key', unknownKey, 'signature'],
      ["signed by another key under the tenant key's kid", sameKidOtherKey, 'signature'],
      ['payload changed after signing', tampered, 'signature'],
      ['wrong audience', standIn.userToken('api://someone-else'), 'audience'],
      ['Graph token (audience Graph)', standIn.userToken('https://graph.microsoft.com'), 'audience'],
      [
        'wrong issuer',
        standIn.userToken(CLIENT_ID, { iss: `https://evil.example/${TENANT}/v2.0` }),
        'issuer',
      ],
      [
        'v1 issuer when v1 is not accepted',
        standIn.userToken(CLIENT_ID, { iss: `https://sts.windows.net/${TENANT}/`, ver: '1.0' }),
        'issuer',
      ],
      [
        'another tenant',
        standIn.userToken(CLIENT_ID, {
          tid: OTHER_TENANT,
          iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0`,
        }),
        'tenant',
      ],
      [
        "another tenant under this tenant's issuer",
        standIn.userToken(CLIENT_ID, { tid: OTHER_TENANT }),
        'tenant',
      ],
      ['no tenant', standIn.userToken(CLIENT_ID, { tid: undefined }), 'tenant'],
      ['expired', standIn.userToken(CLIENT_ID, { exp: now() - 3600 }), 'expired'],
      ['not yet valid', standIn.userToken(CLIENT_ID, { nbf: now() + 600 }), 'not-yet-valid'],
      ['without exp', standIn.userToken(CLIENT_ID, { exp: undefined }), 'malformed'],
      ['missing scope', standIn.userToken(CLIENT_ID, { scp: 'User.Read' }), 'scope'],
      [
        'app-only token (roles, no scp)',
        standIn.userToken(CLIENT_ID, { scp: undefined, roles: ['Calls.Read'] }),
        'scope',
      ],
      ['no oid', standIn.userToken(CLIENT_ID, { oid: undefined }), 'malformed'],
      ['not a JWT', 'not-a-token', 'malformed'],
      ['two segments', `${head}.${body}`, 'malformed'],
      ['garbage header', `!!!.${body}.sig`, 'malformed'],
    ];
    for (const [name, token, reason] of cases) {
      expect({ name, reason: await failureOf(await token) }).toEqual({ name, reason });
    }
  });

  it('accepts v1 tokens only when configured', async () => {
    const v1 = await standIn.userToken(APP_ID_URI, {
      iss: `https://sts.windows.net/${TENANT}/`,
      ver: '1.0',
      preferred_username: undefined,
      upn: 'Marco.Bianchi@contoso.com',
    });
    expect(await failureOf(v1)).toBe('issuer');
    const v1Validator = new AccessTokenValidator(parseAuthConfig({ ...config, acceptV1Tokens: true }));
    await expect(v1Validator.validate(v1)).resolves.toMatchObject({ upn: 'marco.bianchi@contoso.com' });
  });

  it('takes the expected issuer from the settings', async () => {
    const custom = new AccessTokenValidator(
      parseAuthConfig({ ...config, issuer: `https://login.contoso.test/${TENANT}/v2.0` }),
    );
    const token = await standIn.userToken(CLIENT_ID, { iss: `https://login.contoso.test/${TENANT}/v2.0` });
    await expect(custom.validate(token)).resolves.toBeDefined();
    expect(await failureOf(await standIn.userToken(CLIENT_ID), custom)).toBe('issuer');
  });

  it('reports keys out of reach as unavailable, not as a bad token', async () => {
    const unreachable = new AccessTokenValidator(
      parseAuthConfig({ ...config, jwksUrl: 'http://127.0.0.1:9/keys' }),
    );
    await expect(unreachable.validate(await standIn.userToken(CLIENT_ID))).rejects.toMatchObject({
      code: 'unavailable',
    });
  });
});

describe('bearerToken', () => {
  it('takes the token of a Bearer header, any case of the scheme', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('bearer  abc.def.ghi ')).toBe('abc.def.ghi');
  });

  it('says missing for no header and malformed for another scheme', () => {
    const reason = (header: string | undefined) => {
      try {
        bearerToken(header);
        return null;
      } catch (error) {
        return (error as AuthenticationError).reason;
      }
    };
    expect(reason(undefined)).toBe('missing');
    expect(reason('   ')).toBe('missing');
    expect(reason('Basic dXNlcjpwYXNz')).toBe('malformed');
    expect(reason('Bearer')).toBe('malformed');
    expect(reason('Bearer a b')).toBe('malformed');
  });
});
