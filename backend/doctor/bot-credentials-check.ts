import { BOT_ENV_VARIABLES, readBotConfig, type BotConfig } from '../../bot/bot-config.js';
import { botTokenClient } from '../../bot/bot-token-client.js';
import { messageOf, notConfigured, type CheckResult, type DoctorSettings } from './doctor-check.js';

const NAME = 'bot credentials';

/**
 * A token for the Bot Framework's scope from the bot's tenant, with its secret or certificate:
 * what the bot needs to post cards. Made as the bot's adapter makes it (MSAL, no discovery).
 */
export async function checkBotCredentials(settings: DoctorSettings): Promise<CheckResult> {
  let config: BotConfig | null;
  try {
    config = readBotConfig(settings.env);
  } catch (error) {
    return { name: NAME, status: 'fail', summary: messageOf(error), fix: 'correct the bot settings named' };
  }
  if (!config) return notConfigured(NAME, BOT_ENV_VARIABLES.appId);
  const scope = `${config.oauthScope.replace(/\/+$/, '')}/.default`;
  try {
    const result = await botTokenClient(config).acquireTokenByClientCredential({
      scopes: [scope],
    });
    if (!result?.accessToken) throw new Error('Entra ID returned no token');
    return { name: NAME, status: 'ok', summary: `token for ${scope} issued to bot ${config.appId}` };
  } catch (error) {
    return {
      name: NAME,
      status: 'fail',
      summary: `no token for ${scope} from ${config.loginUrl}/${config.tenantId}: ${messageOf(error)}`,
      fix: `check ${BOT_ENV_VARIABLES.appId}, ${BOT_ENV_VARIABLES.tenantId} and ${BOT_ENV_VARIABLES.appPassword} (or the certificate) against the Azure Bot's app registration`,
    };
  }
}
