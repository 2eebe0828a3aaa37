import { LedgerlineError } from '../backend/domain/errors.js';
import type { BotReply } from './bot-turn.js';

/** Where the bot logs what went wrong on its side. */
export interface BotLog {
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * The one place a failure becomes a bot reply: a refusal says why, a missing thing says what,
 * an outage says to try again; anything else is logged in full and answered without details.
 */
export function errorReply(error: unknown, log: BotLog): BotReply {
  if (error instanceof LedgerlineError) {
    switch (error.code) {
      case 'forbidden':
        return { text: `Sorry, I can't show you that: ${lowerFirst(error.message)}` };
      case 'not-found':
        return { text: `I couldn't find that: ${lowerFirst(error.message)}` };
      case 'invalid-input':
        return { text: `I couldn't do that: ${lowerFirst(error.message)} Say "help" for what I understand.` };
      case 'unavailable':
        log.warn('bot: a service is out of reach', { error: error.message });
        return {
          text: 'I can’t reach the directory or the database right now. Please try again in a minute.',
        };
      default:
        break;
    }
  }
  log.error('bot: a message could not be answered', {
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
  return { text: 'Something went wrong on my side, and it has been logged. Please try again later.' };
}

/** The message as the end of a sentence: a leading common word lower-cased, names left as they are. */
function lowerFirst(text: string): string {
  const sentence = /[.!?]$/.test(text) ? text : `${text}.`;
  return /^(?:You|Your|The|There|This|No|A|An)\b/.test(sentence)
    ? sentence.charAt(0).toLowerCase() + sentence.slice(1)
    : sentence;
}
