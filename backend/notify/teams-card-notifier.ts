import type { Delivery, TeamsNotifier } from '../../bot/teams-notifier.js';
import type { Notifier, SendResult, TeamsContent } from './notifier.js';

/**
 * Teams delivery of outbox messages through the bot: `person:{objectId}` to the person's chat
 * with the bot, `conversation:{id}` to a saved chat or channel, `channel:{teamId}/{channelId}` as
 * a new post in a team's channel.
 */
export class TeamsCardNotifier implements Notifier<TeamsContent> {
  constructor(
    private readonly teams: Pick<TeamsNotifier, 'sendToPerson' | 'sendToConversation' | 'postToChannel'>,
  ) {}

  async send(recipient: string, content: TeamsContent): Promise<SendResult> {
    const [kind, target] = splitRecipient(recipient);
    if (kind === 'person') return result(await this.teams.sendToPerson(target, content.card));
    if (kind === 'conversation') return result(await this.teams.sendToConversation(target, content.card));
    if (kind === 'channel') {
      const slash = target.indexOf('/');
      if (slash > 0 && slash < target.length - 1)
        return result(
          await this.teams.postToChannel(target.slice(0, slash), target.slice(slash + 1), content.card),
        );
    }
    return { ok: false, permanent: true, error: `${recipient} is not a Teams recipient Ledgerline knows` };
  }
}

/** `person:abc` → ['person', 'abc']. */
function splitRecipient(recipient: string): [string, string] {
  const colon = recipient.indexOf(':');
  return colon < 0 ? ['', recipient] : [recipient.slice(0, colon), recipient.slice(colon + 1)];
}

function result(delivery: Delivery): SendResult {
  return delivery.ok
    ? { ok: true, delivery: { conversationId: delivery.conversationId, activityId: delivery.activityId } }
    : { ok: false, error: delivery.error };
}
