import type { AuthConfig } from './auth-config.js';

/** The host every real Entra ID token names in its v2 issuer, whatever authority served it. */
const ISSUER_AUTHORITY = 'https://login.microsoftonline.com';

/** Where Entra ID is for this tenant, and what its tokens say: derived once from the settings. */
export interface EntraEndpoints {
  /** `{authority}/{tenant}`, the tenant's authority. */
  tenantAuthority: string;
  jwksUrl: string;
  tokenUrl: string;
  /** The v2 issuer, and the v1 one when v1 tokens are accepted. */
  issuers: readonly string[];
  graphUrl: string;
  /** The scope that asks Entra ID for a Graph token with the app's own permissions. */
  graphScope: string;
}

/** The tenant's endpoints and expected issuers, from the sign-in settings. */
export function entraEndpoints(config: AuthConfig): EntraEndpoints {
  const tenantAuthority = `${config.authorityUrl}/${config.tenantId}`;
  const issuers = [config.issuer ?? `${ISSUER_AUTHORITY}/${config.tenantId}/v2.0`];
  if (config.acceptV1Tokens) issuers.push(`https://sts.windows.net/${config.tenantId}/`);
  const graph = new URL(config.graphUrl);
  return {
    tenantAuthority,
    jwksUrl: config.jwksUrl ?? `${tenantAuthority}/discovery/v2.0/keys`,
    tokenUrl: `${tenantAuthority}/oauth2/v2.0/token`,
    issuers,
    graphUrl: config.graphUrl,
    // A national cloud's Graph is its own resource; a loopback stand-in plays the global one.
    graphScope: `${graph.protocol === 'https:' ? graph.origin : 'https://graph.microsoft.com'}/.default`,
  };
}
