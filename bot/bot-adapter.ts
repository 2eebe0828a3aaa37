import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type TurnContext,
} from 'botbuilder';
import {
  AuthenticationConstants,
  AuthenticationError as BotFrameworkAuthenticationError,
  MsalServiceClientCredentialsFactory,
  type ServiceClientCredentialsFactory,
} from 'botframework-connector';
import { AuthenticationError } from '../backend/auth/authentication-error.js';
import { LedgerlineError } from '../backend/domain/errors.js';
import { botTokenClient } from './bot-token-client.js';
import type { BotConfig } from './bot-config.js';

/** The bot's end of the Bot Framework: processes one posted activity and says what to answer. */
export interface BotEndpoint {
  /** The bot's app id ('' when none is configured: demo mode, unauthenticated). */
  readonly appId: string;
  /** Authenticates and processes an activity; the HTTP status and body of the answer (invoke responses). */
  process(
    authorization: string | undefined,
    activity: Record<string, unknown>,
  ): Promise<{ status: number; body?: unknown }>;
}

/** The CloudAdapter, with the entry that runs one posted activity and hands back its invoke response. */
export class LedgerlineCloudAdapter extends CloudAdapter {
  /** Authenticates the request's token and runs `logic` for the activity. */
  run(authorization: string, activity: Activity, logic: (context: TurnContext) => Promise<void>) {
    return this.processActivity(authorization, activity, logic);
  }
}

/** A CloudAdapter and the app id it posts as. */
export interface BotAdapter {
  adapter: LedgerlineCloudAdapter;
  appId: string;
}

/**
 * botbuilder's CloudAdapter with ConfigurationBotFrameworkAuthentication for a single-tenant
 * bot: incoming tokens checked against the Bot Framework's OpenID metadata and issuer, outgoing
 * calls with tokens from the tenant's Entra ID (client secret or certificate). MSAL gets the
 * tenant's endpoints as metadata, so it makes no discovery calls and a configured login URL
 * (a sovereign cloud, or a local stand-in) is used as it is. Without settings: no app id, and
 * the SDK accepts requests unauthenticated (demo mode only).
 */
export function createBotAdapter(config: BotConfig | null): BotAdapter {
  if (!config)
    return {
      adapter: new LedgerlineCloudAdapter(new ConfigurationBotFrameworkAuthentication({})),
      appId: '',
    };
  const options = {
    MicrosoftAppId: config.appId,
    MicrosoftAppType: config.appType,
    MicrosoftAppTenantId: config.tenantId,
    ...(config.appPassword ? { MicrosoftAppPassword: config.appPassword } : {}),
    ...(config.certificateThumbprint
      ? {
          CertificateThumbprint: config.certificateThumbprint,
          CertificatePrivateKey: config.certificatePrivateKey,
        }
      : {}),
    ToChannelFromBotLoginUrl: `${config.loginUrl}/${config.tenantId}`,
    ToChannelFromBotOAuthScope: config.oauthScope,
    ToBotFromChannelTokenIssuer: config.tokenIssuer,
    ToBotFromChannelOpenIdMetadataUrl: config.openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    CallerId: 'urn:botframework:azure',
    ValidateAuthority: true,
  };
  const authentication = new ConfigurationBotFrameworkAuthentication(options, credentialsFactory(config));
  return { adapter: new LedgerlineCloudAdapter(authentication), appId: config.appId };
}

function credentialsFactory(config: BotConfig): ServiceClientCredentialsFactory {
  const client = botTokenClient(config);
  // The connector's own MSAL typings are of another major version; the client is used only for
  // acquireTokenByClientCredential, which both have.
  return new MsalServiceClientCredentialsFactory(
    config.appId,
    client as unknown as ConstructorParameters<typeof MsalServiceClientCredentialsFactory>[1],
  );
}

/** The endpoint: the adapter runs `logic` for each authenticated activity. */
export function botEndpoint(bot: BotAdapter, logic: (context: TurnContext) => Promise<void>): BotEndpoint {
  return {
    appId: bot.appId,
    async process(authorization, body) {
      const activity = body as unknown as Activity;
      if (typeof activity.type !== 'string' || activity.type === '')
        throw new LedgerlineError('invalid-input', 'type: an activity needs a type');
      try {
        const response = await bot.adapter.run(authorization ?? '', activity, logic);
        return {
          status: response?.status ?? 200,
          ...(response?.body !== undefined ? { body: response.body } : {}),
        };
      } catch (error) {
        throw asSignInError(error) ?? error;
      }
    },
  };
}

/** A refused Bot Framework token as the server's 401 (the reason only in the log), else null. */
function asSignInError(error: unknown): AuthenticationError | null {
  const name = (error as Error | undefined)?.name;
  if (error instanceof BotFrameworkAuthenticationError) {
    const detail = error.message;
    return new AuthenticationError(/not authorized$/i.test(detail) ? 'missing' : 'signature', detail, {
      cause: error,
    });
  }
  if (name === 'JsonWebTokenError' || name === 'TokenExpiredError' || name === 'NotBeforeError')
    return new AuthenticationError(
      name === 'JsonWebTokenError' ? 'signature' : 'expired',
      (error as Error).message,
      { cause: error },
    );
  return null;
}
