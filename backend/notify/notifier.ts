import type { AdaptiveCard } from '../../bot/cards/card-elements.js';
import type { BotAdapter } from '../../bot/bot-adapter.js';
import { TeamsNotifier } from '../../bot/teams-notifier.js';
import type { GraphTokenSource } from '../auth/graph-token-source.js';
import type { NotifySettings } from '../config/notify-settings.js';
import type { Repositories } from '../db/repositories.js';
import { LedgerlineError } from '../domain/errors.js';
import { GraphGroupMembers, type GroupMembers } from './graph-group-members.js';
import { GraphMailNotifier } from './graph-mail-notifier.js';
import { SmtpMailNotifier } from './smtp-mail-notifier.js';
import { TeamsCardNotifier } from './teams-card-notifier.js';

/** What a Teams message carries: one Adaptive Card. */
export interface TeamsContent {
  card: AdaptiveCard;
}

/** A file attached to an e-mail, as the outbox payload holds it. */
export interface EmailAttachment {
  filename: string;
  contentType: string;
  contentBase64: string;
}

/** What an e-mail carries (the outbox's report payload, or an alarm rendered at send time). */
export interface EmailContent {
  subject: string;
  html: string;
  text: string;
  attachments: EmailAttachment[];
}

/**
 * What one send did: where the message went, or why not. `permanent` failures (a recipient that
 * can never be reached) are not tried again.
 */
export type SendResult =
  { ok: true; delivery: Record<string, unknown> } | { ok: false; error: string; permanent?: boolean };

/**
 * One way out of Ledgerline (Teams, e-mail): sends content to one recipient as the outbox names
 * it, and returns failures instead of throwing them, so the outbox records and retries them.
 */
export interface Notifier<Content> {
  send(recipient: string, content: Content): Promise<SendResult>;
}

/** The notifiers of each channel (null: not configured) and the group expansion they share. */
export interface Notifiers {
  teams: Notifier<TeamsContent> | null;
  email: Notifier<EmailContent> | null;
  /** Members of an Entra group, for `group:{id}` recipients; null without Graph. */
  groups: GroupMembers | null;
}

/** What the notifiers are made from: the settings, the bot (if any) and Graph (if configured). */
export interface NotifierSetup {
  settings: NotifySettings;
  bot: BotAdapter | null;
  repos: Pick<Repositories, 'botConversations'>;
  /** The app-only Graph access of the sign-in settings; needed for Graph mail and groups. */
  graph: { graphUrl: string; tokens: Pick<GraphTokenSource, 'appOnly'> } | null;
}

/** The one factory of notifiers: Teams through the bot, e-mail through Graph or SMTP as configured. */
export function createNotifiers(setup: NotifierSetup): Notifiers {
  const { settings, graph } = setup;
  const appToken = graph ? () => graph.tokens.appOnly() : null;
  let email: Notifier<EmailContent> | null = null;
  if (settings.mailTransport === 'graph') {
    if (!graph || !appToken)
      throw new LedgerlineError(
        'configuration',
        'LEDGERLINE_MAIL_TRANSPORT=graph needs the sign-in settings with a client secret (LEDGERLINE_TENANT_ID, LEDGERLINE_CLIENT_ID, LEDGERLINE_CLIENT_SECRET)',
      );
    email = new GraphMailNotifier(graph.graphUrl, appToken, settings.mailFrom as string);
  } else if (settings.mailTransport === 'smtp') {
    email = new SmtpMailNotifier(settings.smtpUrl as string, settings.mailFrom as string);
  }
  return {
    teams: setup.bot ? new TeamsCardNotifier(new TeamsNotifier(setup.bot, setup.repos)) : null,
    email,
    groups: graph && appToken ? new GraphGroupMembers(graph.graphUrl, appToken) : null,
  };
}
