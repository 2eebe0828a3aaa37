import { AuthError, ConfidentialClientApplication, type Configuration } from '@azure/msal-node';
import { LedgerlineError } from '../domain/errors.js';
import type { AuthConfig } from './auth-config.js';
import { AUTH_ENV_VARIABLES } from './auth-config.js';
import { entraEndpoints } from './entra-endpoints.js';

/**
 * Access tokens for Microsoft Graph from Entra ID with the app's client secret: on behalf of the
 * signed-in person (API requests) or as the app itself (the bot, directory sync).
 */
export class GraphTokenSource {
  private readonly appOnlyClient: ConfidentialClientApplication;

  constructor(private readonly config: AuthConfig) {
    if (!config.clientSecret)
      throw new LedgerlineError(
        'configuration',
        `asking Graph needs the app's client secret: set ${AUTH_ENV_VARIABLES.clientSecret}`,
      );
    this.appOnlyClient = new ConfidentialClientApplication(msalConfiguration(config, config.clientSecret));
  }

  /** A Graph token on behalf of the person whose API access token this is (OAuth 2.0 OBO). */
  async onBehalfOf(userAccessToken: string): Promise<string> {
    // A client per exchange: MSAL would otherwise keep every person's OBO token in memory for
    // the life of the server, and the role cache already spares repeated exchanges.
    const client = new ConfidentialClientApplication(
      msalConfiguration(this.config, this.config.clientSecret as string),
    );
    const scopes = [entraEndpoints(this.config).graphScope];
    return accessTokenOf(() => client.acquireTokenOnBehalfOf({ oboAssertion: userAccessToken, scopes }));
  }

  /** A Graph token with the app's own (application) permissions; MSAL caches it until it expires. */
  async appOnly(): Promise<string> {
    const scopes = [entraEndpoints(this.config).graphScope];
    return accessTokenOf(() => this.appOnlyClient.acquireTokenByClientCredential({ scopes }));
  }
}

/**
 * MSAL settings that make no discovery calls: the tenant's endpoints are given as metadata, the
 * authority's host as known. MSAL accepts only an https authority; as its endpoints all come from
 * the metadata, an http loopback stand-in is named with https and still reached at its own URL.
 */
export function msalConfiguration(config: AuthConfig, clientSecret: string): Configuration {
  const endpoints = entraEndpoints(config);
  const authorityUrl = new URL(endpoints.tenantAuthority);
  const authority = `https://${authorityUrl.host}${authorityUrl.pathname}`;
  const metadata = {
    token_endpoint: endpoints.tokenUrl,
    jwks_uri: endpoints.jwksUrl,
    issuer: endpoints.issuers[0],
    authorization_endpoint: `${endpoints.tenantAuthority}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${endpoints.tenantAuthority}/oauth2/v2.0/logout`,
  };
  const cloudDiscovery = {
    tenant_discovery_endpoint: `${endpoints.tenantAuthority}/v2.0/.well-known/openid-configuration`,
    'api-version': '1.1',
    metadata: [
      {
        preferred_network: authorityUrl.host,
        preferred_cache: authorityUrl.host,
        aliases: [authorityUrl.host],
      },
    ],
  };
  return {
    auth: {
      clientId: config.clientId,
      clientSecret,
      authority,
      knownAuthorities: [authorityUrl.host],
      authorityMetadata: JSON.stringify(metadata),
      cloudDiscoveryMetadata: JSON.stringify(cloudDiscovery),
    },
  };
}

async function accessTokenOf(acquire: () => Promise<{ accessToken: string } | null>): Promise<string> {
  let result: { accessToken: string } | null;
  try {
    result = await acquire();
  } catch (error) {
    const code = error instanceof AuthError ? error.errorCode : undefined;
    if (code === 'invalid_client' || code === 'unauthorized_client')
      throw new LedgerlineError(
        'configuration',
        `Entra ID refused the app's credentials (${code}): check ${AUTH_ENV_VARIABLES.clientId} and ${AUTH_ENV_VARIABLES.clientSecret}`,
        [],
        { cause: error },
      );
    throw new LedgerlineError('unavailable', `no Graph token from Entra ID${code ? ` (${code})` : ''}`, [], {
      cause: error,
    });
  }
  if (!result?.accessToken) throw new LedgerlineError('unavailable', 'Entra ID returned no Graph token');
  return result.accessToken;
}
