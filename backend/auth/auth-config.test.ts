import { describe, expect, it } from 'vitest';
import { LedgerlineError } from '../domain/errors.js';
import { readAuthConfig } from './auth-config.js';
import { entraEndpoints } from './entra-endpoints.js';

const TENANT = '7d3a1f0e-5b2c-4a8d-9e6f-0c1b2a3d4e5f';
const CLIENT_ID = '3c9b7a1e-2f4d-4e6a-8b0c-1d2e3f4a5b6c';
const ADMIN_GROUP = '1e5c9a3f-0d7b-4e2c-9a68-7b5d3f0a6d21';
const SALES_GROUP = '5a8e1c74-2d3b-4f9e-8a61-3b7c0d5e9f02';
const required = { LEDGERLINE_TENANT_ID: TENANT, LEDGERLINE_CLIENT_ID: CLIENT_ID };

function problemsOf(env: Record<string, string>): string[] {
  try {
    readAuthConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(LedgerlineError);
    expect((error as LedgerlineError).code).toBe('configuration');
    return [...(error as LedgerlineError).details];
  }
  throw new Error('the settings were accepted');
}

describe('readAuthConfig', () => {
  it('reads every setting from LEDGERLINE_* variables', () => {
    const config = readAuthConfig({
      ...required,
      LEDGERLINE_APP_ID_URI: `api://ledgerline.contoso.com/${CLIENT_ID}`,
      LEDGERLINE_CLIENT_SECRET: 's3cret',
      LEDGERLINE_AUTHORITY_URL: 'https://login.microsoftonline.us/',
      LEDGERLINE_GRAPH_URL: 'https://graph.microsoft.us',
      LEDGERLINE_JWKS_URL: 'https://keys.contoso.com/keys',
      LEDGERLINE_TOKEN_ISSUER: `https://login.microsoftonline.us/${TENANT}/v2.0`,
      LEDGERLINE_ACCEPT_V1_TOKENS: 'yes',
      LEDGERLINE_ADMIN_GROUP_ID: ADMIN_GROUP,
      LEDGERLINE_APP_ROLES: `Ledgerline.Admin=${ADMIN_GROUP}, Sales.Supervisor = ${SALES_GROUP}`,
      LEDGERLINE_ROLE_CACHE_SECONDS: '60',
      LEDGERLINE_CLOCK_SKEW_SECONDS: '30',
    });
    expect(config).toEqual({
      tenantId: TENANT,
      clientId: CLIENT_ID,
      applicationIdUri: `api://ledgerline.contoso.com/${CLIENT_ID}`,
      clientSecret: 's3cret',
      authorityUrl: 'https://login.microsoftonline.us',
      graphUrl: 'https://graph.microsoft.us',
      jwksUrl: 'https://keys.contoso.com/keys',
      issuer: `https://login.microsoftonline.us/${TENANT}/v2.0`,
      acceptV1Tokens: true,
      adminGroupId: ADMIN_GROUP,
      appRoles: { 'Ledgerline.Admin': ADMIN_GROUP, 'Sales.Supervisor': SALES_GROUP },
      roleCacheSeconds: 60,
      clockSkewSeconds: 30,
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.appRoles)).toBe(true);
  });

  it('defaults to Entra ID and Graph of the global cloud, v2 tokens only, a 5-minute cache and 2 minutes of skew', () => {
    const config = readAuthConfig({
      ...required,
      LEDGERLINE_ADMIN_GROUP_ID: '  ',
      LEDGERLINE_CLIENT_SECRET: '',
    });
    expect(config).toEqual({
      tenantId: TENANT,
      clientId: CLIENT_ID,
      authorityUrl: 'https://login.microsoftonline.com',
      graphUrl: 'https://graph.microsoft.com',
      acceptV1Tokens: false,
      appRoles: {},
      roleCacheSeconds: 300,
      clockSkewSeconds: 120,
    });
    expect(entraEndpoints(config)).toEqual({
      tenantAuthority: `https://login.microsoftonline.com/${TENANT}`,
      jwksUrl: `https://login.microsoftonline.com/${TENANT}/discovery/v2.0/keys`,
      tokenUrl: `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`,
      issuers: [`https://login.microsoftonline.com/${TENANT}/v2.0`],
      graphUrl: 'https://graph.microsoft.com',
      graphScope: 'https://graph.microsoft.com/.default',
    });
  });

  it('keeps the real issuer format with a stand-in authority, and adds the v1 issuer only when asked', () => {
    const config = readAuthConfig({
      ...required,
      LEDGERLINE_AUTHORITY_URL: 'http://127.0.0.1:4100',
      LEDGERLINE_GRAPH_URL: 'http://localhost:4100',
      LEDGERLINE_ACCEPT_V1_TOKENS: 'true',
    });
    expect(entraEndpoints(config)).toMatchObject({
      jwksUrl: `http://127.0.0.1:4100/${TENANT}/discovery/v2.0/keys`,
      issuers: [`https://login.microsoftonline.com/${TENANT}/v2.0`, `https://sts.windows.net/${TENANT}/`],
      graphScope: 'https://graph.microsoft.com/.default',
    });
  });

  it('names the variable of each problem', () => {
    expect(problemsOf({})).toEqual(['LEDGERLINE_TENANT_ID: required', 'LEDGERLINE_CLIENT_ID: required']);
    expect(
      problemsOf({
        LEDGERLINE_TENANT_ID: 'contoso.onmicrosoft.com',
        LEDGERLINE_CLIENT_ID: CLIENT_ID,
        LEDGERLINE_AUTHORITY_URL: 'http://login.microsoftonline.com',
        LEDGERLINE_GRAPH_URL: 'https://graph.microsoft.com/v1.0?x=1',
        LEDGERLINE_ACCEPT_V1_TOKENS: 'maybe',
        LEDGERLINE_ADMIN_GROUP_ID: 'Ledgerline Admins',
        LEDGERLINE_APP_ROLES: 'Ledgerline.Admin',
        LEDGERLINE_ROLE_CACHE_SECONDS: 'five minutes',
        LEDGERLINE_CLOCK_SKEW_SECONDS: '3600',
      }),
    ).toEqual([
      'LEDGERLINE_TENANT_ID: must be a GUID',
      'LEDGERLINE_AUTHORITY_URL: must be an https URL (http only on 127.0.0.1 or localhost)',
      'LEDGERLINE_GRAPH_URL: must be an https URL (http only on 127.0.0.1 or localhost)',
      'LEDGERLINE_ACCEPT_V1_TOKENS: must be true or false',
      'LEDGERLINE_ADMIN_GROUP_ID: must be a GUID',
      expect.stringMatching(/^LEDGERLINE_APP_ROLES: /),
      'LEDGERLINE_ROLE_CACHE_SECONDS: must be a number of seconds',
      'LEDGERLINE_CLOCK_SKEW_SECONDS: must be at most 600',
    ]);
    expect(problemsOf({ ...required, LEDGERLINE_APP_ROLES: 'Ledgerline.Admin=admins' })).toEqual([
      'LEDGERLINE_APP_ROLES.Ledgerline.Admin: must be a GUID',
    ]);
  });

  it('says in its message what is wrong', () => {
    expect(() => readAuthConfig({ LEDGERLINE_CLIENT_ID: CLIENT_ID })).toThrow(
      'sign-in settings are not valid: LEDGERLINE_TENANT_ID: required',
    );
  });
});
