import { ConfidentialClientApplication } from '@azure/msal-node';
import { parseAuthConfig } from '../backend/auth/auth-config.js';
import { msalConfiguration } from '../backend/auth/graph-token-source.js';
import type { BotConfig } from './bot-config.js';

/**
 * The MSAL client that gets the bot's tokens from its own tenant, with the app password or the
 * certificate (no authority discovery, so a stand-in or a sovereign cloud works alike). The
 * adapter posts with it; `ledgerline doctor` checks the credentials with the same client.
 */
export function botTokenClient(config: BotConfig): ConfidentialClientApplication {
  const settings = parseAuthConfig({
    tenantId: config.tenantId,
    clientId: config.appId,
    authorityUrl: config.loginUrl,
  });
  const msal = msalConfiguration(settings, config.appPassword ?? '');
  const auth = config.certificateThumbprint
    ? {
        ...msal.auth,
        clientSecret: undefined,
        clientCertificate: {
          thumbprint: config.certificateThumbprint,
          privateKey: config.certificatePrivateKey as string,
        },
      }
    : msal.auth;
  return new ConfidentialClientApplication({ ...msal, auth });
}
