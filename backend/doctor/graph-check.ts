import { decodeJwt } from 'jose';
import { AUTH_ENV_VARIABLES, readAuthConfig, type AuthConfig } from '../auth/auth-config.js';
import { GraphTokenSource } from '../auth/graph-token-source.js';
import { readNotifySettings } from '../config/notify-settings.js';
import { messageOf, notConfigured, type CheckResult, type DoctorSettings } from './doctor-check.js';

const NAME = 'Graph credentials';

/** An application permission Ledgerline asks Graph with, and what needs it. */
interface Permission {
  role: string;
  usedFor: string;
  /** Whether the configuration depends on it (FAIL when missing) or only some features (WARN). */
  required: boolean;
}

/**
 * A client-credentials token from the configured authority with the app's secret, and the
 * application permissions its `roles` claim grants against what Ledgerline calls: checkMemberGroups
 * and group members (GroupMember.Read.All), users for directory sync and group members
 * (User.Read.All), and sendMail when e-mail goes through Graph (Mail.Send).
 */
export async function checkGraph(settings: DoctorSettings): Promise<CheckResult> {
  const { env } = settings;
  if (!env[AUTH_ENV_VARIABLES.tenantId]?.trim() && !env[AUTH_ENV_VARIABLES.clientId]?.trim())
    return notConfigured(
      NAME,
      `${AUTH_ENV_VARIABLES.tenantId}, ${AUTH_ENV_VARIABLES.clientId} and ${AUTH_ENV_VARIABLES.clientSecret}`,
    );
  let config: AuthConfig;
  try {
    config = readAuthConfig(env);
  } catch (error) {
    return {
      name: NAME,
      status: 'fail',
      summary: messageOf(error),
      fix: 'correct the sign-in settings named',
    };
  }
  if (!config.clientSecret)
    return notConfigured(`${NAME} (Graph is not used)`, AUTH_ENV_VARIABLES.clientSecret);
  let roles: string[];
  try {
    const token = await new GraphTokenSource(config).appOnly();
    const claim = decodeJwt(token).roles;
    roles = Array.isArray(claim) ? claim.map(String) : [];
  } catch (error) {
    return {
      name: NAME,
      status: 'fail',
      summary: `no Graph token from ${config.authorityUrl}/${config.tenantId}: ${messageOf(error)}`,
      fix: `check ${AUTH_ENV_VARIABLES.tenantId}, ${AUTH_ENV_VARIABLES.clientId} and ${AUTH_ENV_VARIABLES.clientSecret} (a secret expires: make a new one in the app registration)`,
    };
  }
  const missing = permissionsFor(env).filter((permission) => !roles.includes(permission.role));
  if (missing.length === 0)
    return { name: NAME, status: 'ok', summary: `app token issued, with ${roles.join(', ') || 'no roles'}` };
  return {
    name: NAME,
    status: missing.some((permission) => permission.required) ? 'fail' : 'warn',
    summary: `app token issued, but without ${missing.map((permission) => `${permission.role} (${permission.usedFor})`).join(', ')}`,
    fix: `add the application permission${missing.length > 1 ? 's' : ''} ${missing.map((permission) => permission.role).join(', ')} to the app registration and grant admin consent`,
  };
}

function permissionsFor(env: DoctorSettings['env']): Permission[] {
  let graphMail = false;
  try {
    graphMail = readNotifySettings(env).mailTransport === 'graph';
  } catch {
    // The mail check names what is wrong with the delivery settings.
  }
  return [
    { role: 'GroupMember.Read.All', usedFor: 'role groups, group recipients', required: false },
    { role: 'User.Read.All', usedFor: 'directory sync, group recipients', required: false },
    ...(graphMail ? [{ role: 'Mail.Send', usedFor: 'e-mail through Graph', required: true }] : []),
  ];
}
