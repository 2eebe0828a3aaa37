import type { AdaptiveCard } from './cards/card-elements.js';

/** Who wrote to the bot, as the activity names them. */
export interface BotPerson {
  /** Entra object id (`from.aadObjectId`); null from clients that do not send one (the Emulator). */
  objectId: string | null;
  /** The Teams user id (`29:…`): what a card's `refresh.userIds` lists. */
  teamsUserId: string;
  name: string | null;
}

/** Where a message was written: a personal chat, a group chat or a channel of a team. */
export interface BotConversation {
  kind: 'personal' | 'groupChat' | 'channel';
  conversationId: string;
  /**
   * What a shared conversation's setting is kept under: the Teams channel id of a channel, the
   * conversation id of a group chat; null in a personal chat.
   */
  sharedKey: string | null;
  /** The team of a channel (its General channel's id), so the team's removal forgets it; else null. */
  teamId: string | null;
  /** The IANA time zone the client reported (`localTimezone`), if any. */
  timeZone: string | null;
}

/** What the bot answers: a text, a card, or both. */
export interface BotReply {
  text?: string;
  card?: AdaptiveCard;
}

/** The conversation as a shared one (a channel or group chat) or a personal chat. */
export function isShared(conversation: BotConversation): boolean {
  return conversation.kind !== 'personal';
}
