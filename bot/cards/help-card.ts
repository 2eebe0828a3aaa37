import { adaptiveCard, facts, heading, textLine, type AdaptiveCard } from './card-elements.js';

/** The commands the bot knows, as the help card and the app manifest list them. */
export const BOT_COMMANDS: ReadonlyArray<{ title: string; usage: string; description: string }> = [
  { title: 'help', usage: 'help', description: 'What I can do' },
  {
    title: 'cost',
    usage: 'cost [period] [for <department|person>]',
    description: 'Calls and cost, with the period before',
  },
  {
    title: 'top',
    usage: 'top users|departments|destinations [period]',
    description: 'Who or what cost the most',
  },
  { title: 'my calls', usage: 'my calls [period]', description: 'Your recent calls' },
  { title: 'alarms', usage: 'alarms', description: 'Open alarms' },
  { title: 'ack', usage: 'ack <alarm>', description: 'Acknowledge an alarm' },
  {
    title: 'subscribe',
    usage: 'subscribe <report> [daily|weekly|monthly]',
    description: 'A report sent to this chat or channel',
  },
  {
    title: 'unsubscribe',
    usage: 'unsubscribe [report]',
    description: 'Stop reports to this chat or channel',
  },
  { title: 'status', usage: 'status', description: 'Who you are to me, and how the data is' },
  {
    title: 'channel',
    usage: 'channel show <department>|company|nothing',
    description: 'What this channel may see (admins)',
  },
];

/**
 * The commands with an example each; opened with what was not understood, when that is why it
 * is shown, so no message goes unanswered.
 */
export function helpCard(options: { notUnderstood?: string; problem?: string | null } = {}): AdaptiveCard {
  const quoted = options.notUnderstood ? shortened(options.notUnderstood) : '';
  const intro = quoted
    ? [
        textLine(
          options.problem
            ? `I could not do "${quoted}": ${options.problem}.`
            : `Sorry, I did not understand "${quoted}".`,
        ),
      ]
    : [];
  return adaptiveCard(
    [
      heading('Ledgerline'),
      ...intro,
      textLine('Ask me about phone costs, for example "How much did Sales spend last month?"'),
      facts(BOT_COMMANDS.map((command) => [command.usage, command.description] as const)),
      textLine(
        'Periods: today, yesterday, this week, last week, this month, last month, last 30 days, a month name, or 2026-03-01 to 2026-03-15.',
        { subtle: true, small: true },
      ),
    ],
    { fallbackText: 'Ledgerline: say help for the commands' },
  );
}

/** What was said, quoted at most so long that the card stays short. */
function shortened(text: string): string {
  const characters = [...text];
  return characters.length > QUOTE_LENGTH ? `${characters.slice(0, QUOTE_LENGTH).join('')}…` : text;
}

const QUOTE_LENGTH = 60;
