import type { Period } from './period-parser.js';

/** What a top list ranks. */
export type TopDimension = 'users' | 'departments' | 'destinations';

/** The reports a chat or channel can subscribe to. */
export const SUBSCRIBABLE_REPORTS = ['cost', 'top-users', 'top-departments', 'top-destinations'] as const;
/** One of SUBSCRIBABLE_REPORTS. */
export type SubscribableReport = (typeof SUBSCRIBABLE_REPORTS)[number];

/** How often a subscribed report is sent. */
export const REPORT_SCHEDULES = ['daily', 'weekly', 'monthly'] as const;
/** One of REPORT_SCHEDULES. */
export type ReportSchedule = (typeof REPORT_SCHEDULES)[number];

/** Whom a cost question is about: the asker, or a department or person named in words. */
export type CostSubject = { kind: 'me' } | { kind: 'named'; name: string } | null;

/** What a shared conversation may be shown, as an admin sets it with `channel show …`. */
export type ChannelShowRequest =
  { kind: 'department'; name: string } | { kind: 'company' } | { kind: 'nothing' };

/**
 * A message to the bot, understood: the one value the command parser produces and the bot's
 * service acts on. `period` is null when the message names none (the service picks the default).
 */
export type BotCommand =
  | { kind: 'help' }
  | { kind: 'cost'; period: Period | null; subject: CostSubject }
  | { kind: 'top'; dimension: TopDimension; period: Period | null }
  | { kind: 'my-calls'; period: Period | null }
  | { kind: 'alarms' }
  | { kind: 'ack'; alarm: string }
  | { kind: 'subscribe'; report: SubscribableReport; schedule: ReportSchedule }
  | { kind: 'unsubscribe'; report: SubscribableReport | null }
  | { kind: 'status' }
  | { kind: 'channel'; show: ChannelShowRequest | null }
  /** Not understood; `problem` says what was wrong when the words were close to a command. */
  | { kind: 'unknown'; text: string; problem: string | null };
