import type {
  BotCommand,
  CostSubject,
  ReportSchedule,
  SubscribableReport,
  TopDimension,
} from './bot-command.js';
import { findPeriod, type PeriodClock } from './period-parser.js';

const TOP_WORDS: Readonly<Record<string, TopDimension>> = {
  users: 'users',
  user: 'users',
  people: 'users',
  callers: 'users',
  departments: 'departments',
  department: 'departments',
  depts: 'departments',
  destinations: 'destinations',
  destination: 'destinations',
  numbers: 'destinations',
  countries: 'destinations',
};

const SCHEDULE_WORDS: ReadonlyArray<[RegExp, ReportSchedule]> = [
  [/\b(?:daily|every day|each day)\b/, 'daily'],
  [/\b(?:weekly|every week|each week|every monday)\b/, 'weekly'],
  [/\b(?:monthly|every month|each month)\b/, 'monthly'],
];

const SELF = new Set(['me', 'i', 'my', 'myself', 'mine']);

/** Longer than any question the bot understands: answered with help, not searched for names. */
const MAX_QUESTION_LENGTH = 300;

/**
 * Understands a message to the bot (the mention of the bot already taken out): the commands of
 * the help card, and questions in plain words such as "how much did Sales spend last month?".
 * Pure: the same text and clock give the same command; anything else is `unknown`, never an error.
 */
export function parseCommand(text: string, clock: PeriodClock): BotCommand {
  const clean = stripMentions(text);
  if (clean.length > MAX_QUESTION_LENGTH)
    return {
      kind: 'unknown',
      text: clean,
      problem: 'that is longer than any question I understand; ask in a sentence',
    };
  const { period, rest, problem } = findPeriod(clean, clock);
  if (problem) return { kind: 'unknown', text: clean, problem };
  const words = rest.replace(/^(?:please|can you|could you|show me|show|tell me|give me|list)\s+/, '');

  if (words === '' && period === null) return { kind: 'help' };
  if (/^(?:help|\?|hi|hello|hey|commands|what can you do)$/.test(words)) return { kind: 'help' };
  if (/^(?:status|are you there|ping|who am i)$/.test(words)) return { kind: 'status' };
  if (/^(?:open )?(?:alarms|alerts)$/.test(words)) return { kind: 'alarms' };

  const ack = /^(?:ack|acknowledge)(?:\s+alarm)?(?:\s+#?(.+))?$/.exec(words);
  if (ack) {
    if (!ack[1]) return { kind: 'unknown', text: clean, problem: 'say which alarm: ack <alarm number>' };
    return { kind: 'ack', alarm: ack[1].trim() };
  }

  if (/^unsubscribe\b/.test(words)) {
    const report = reportOf(words.replace(/^unsubscribe\s*(?:from\s+)?/, ''));
    return { kind: 'unsubscribe', report: report === 'none' ? null : report };
  }
  if (/^subscribe\b/.test(words)) return subscription(words, clean);

  const channel = /^channel(?:\s+(?:show|shows|sees)\s+(.+))?$/.exec(words);
  if (channel) return { kind: 'channel', show: channelShow(channel[1]) };

  if (/^(?:the\s+)?top(?:\s+\d+)?$/.test(words))
    return {
      kind: 'unknown',
      text: clean,
      problem: 'say what to rank: top users, top departments or top destinations',
    };
  const top =
    /^(?:the\s+)?top(?:\s+\d+)?\s+(\w+)$/.exec(words) ?? /^who (?:calls|spends) (?:the )?most$/.exec(words);
  if (top) {
    const dimension = top[1] ? TOP_WORDS[top[1]] : 'users';
    if (dimension) return { kind: 'top', dimension, period };
    return {
      kind: 'unknown',
      text: clean,
      problem: 'top lists are of users, departments or destinations',
    };
  }

  if (/^(?:my|my recent|my last|recent|last) calls$|^calls$/.test(words)) return { kind: 'my-calls', period };

  const cost = costQuestion(words);
  if (cost !== undefined) return { kind: 'cost', period, subject: cost };
  if (words === '' && period !== null) return { kind: 'cost', period, subject: null };
  return { kind: 'unknown', text: clean, problem: null };
}

/** The text without Teams mentions (`<at>Ledgerline</at>`) and HTML the client may add. */
export function stripMentions(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Whom a cost question is about, or undefined when the words are not a cost question:
 * "cost", "cost for sales", "costs of anna rossi", "spend for me", "how much did sales spend",
 * "how much have i spent", "what did we spend", "how much did sales cost".
 */
function costQuestion(words: string): CostSubject | undefined {
  const command =
    /^(?:cost|costs|spend|spending|spent|total|totals|summary)(?:\s+(?:for|of|by)\s+(.+))?$/.exec(words);
  if (command) return subjectOf(command[1]);
  const question =
    /^(?:how much|what)\s+(?:did|has|have|does|do|is|was)\s+(.+?)\s+(?:spend|spent|cost|costing|spending)(?:\s+(?:on calls|in calls|on phone calls|on the phone))?$/.exec(
      words,
    );
  if (question) return subjectOf(question[1]);
  const about =
    /^(?:how much|what)\s+(?:did|does|do)\s+(?:the\s+)?(?:calls|phone calls)\s+(?:of|for|by)\s+(.+?)\s+cost$/.exec(
      words,
    );
  if (about) return subjectOf(about[1]);
  return undefined;
}

function subjectOf(words: string | undefined): CostSubject {
  if (!words) return null;
  const name = words
    .replace(/^(?:the\s+)/, '')
    .replace(/\s+(?:department|team|dept)$/, '')
    .trim();
  if (SELF.has(name)) return { kind: 'me' };
  if (/^(?:we|us|the company|company|everyone|everybody|all)$/.test(name)) return null;
  return { kind: 'named', name };
}

function subscription(words: string, clean: string): BotCommand {
  const rest = words.replace(/^subscribe\s*(?:to\s+)?/, '');
  const schedule = SCHEDULE_WORDS.find(([pattern]) => pattern.test(rest))?.[1] ?? 'weekly';
  const report = reportOf(
    SCHEDULE_WORDS.reduce((text, [pattern]) => text.replace(pattern, ' '), rest)
      .replace(/\s+/g, ' ')
      .trim(),
  );
  if (report === 'none' || report === null)
    return {
      kind: 'unknown',
      text: clean,
      problem:
        'say which report: subscribe cost|top users|top departments|top destinations [daily|weekly|monthly]',
    };
  return { kind: 'subscribe', report, schedule };
}

/** The report named (null when the words name none that exists, 'none' when there are no words). */
function reportOf(words: string): SubscribableReport | null | 'none' {
  const text = words.replace(/\breport\b/, '').trim();
  if (text === '' || text === 'all' || text === 'everything') return 'none';
  if (/^(?:cost|costs|summary|cost summary|spend)$/.test(text)) return 'cost';
  const top = /^top\s+(\w+)$/.exec(text);
  const dimension = top?.[1] ? TOP_WORDS[top[1]] : undefined;
  return dimension ? `top-${dimension}` : null;
}

function channelShow(
  words: string | undefined,
): { kind: 'department'; name: string } | { kind: 'company' } | { kind: 'nothing' } | null {
  if (!words) return null;
  const text = words.trim();
  if (/^(?:company|the company|company-wide|company wide|everything|all)$/.test(text))
    return { kind: 'company' };
  if (/^(?:nothing|none|no figures|off)$/.test(text)) return { kind: 'nothing' };
  return { kind: 'department', name: text.replace(/^(?:department\s+|the\s+)/, '') };
}
