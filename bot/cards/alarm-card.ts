import {
  adaptiveCard,
  CARD_VERBS,
  execute,
  facts,
  heading,
  openUrl,
  textLine,
  type AdaptiveCard,
} from './card-elements.js';

/** An alarm as a card shows it (the alarm engine fills these in). */
export interface AlarmView {
  id: number;
  /** What fired, e.g. "Calls to premium numbers". */
  rule: string;
  /** Whom or what it is about, e.g. "Sales" or "Anna Rossi". */
  subject: string;
  /** What was measured against the threshold, in words. */
  detail: string;
  /** ISO-8601. */
  raisedAt: string;
  acknowledged: { by: string; at: string } | null;
}

/**
 * One alarm, with Acknowledge (Action.Execute) while it is open and, given a link, "Open in
 * Ledgerline"; once acknowledged, the same card says by whom, and the bot puts it in place of the
 * old one for everyone.
 */
export function alarmCard(
  alarm: AlarmView,
  options: { refreshUserIds?: readonly string[]; link?: string | null } = {},
): AdaptiveCard {
  const acknowledge = execute('Acknowledge', CARD_VERBS.acknowledge, { alarmId: alarm.id });
  const state = alarm.acknowledged
    ? `Acknowledged by ${alarm.acknowledged.by} at ${alarm.acknowledged.at}`
    : 'Open';
  return adaptiveCard(
    [
      heading(`Alarm #${alarm.id}: ${alarm.rule}`),
      textLine(alarm.detail),
      facts([
        ['About', alarm.subject],
        ['Raised', alarm.raisedAt],
        ['State', state],
      ]),
    ],
    {
      actions: [
        ...(alarm.acknowledged ? [] : [acknowledge]),
        ...(options.link ? [openUrl('Open in Ledgerline', options.link)] : []),
      ],
      ...(options.refreshUserIds && options.refreshUserIds.length > 0 && !alarm.acknowledged
        ? {
            refresh: {
              action: execute('Refresh', CARD_VERBS.refresh, { alarmId: alarm.id }),
              userIds: [...options.refreshUserIds],
            },
          }
        : {}),
      fallbackText: `Alarm #${alarm.id}: ${alarm.rule} (${alarm.subject})`,
    },
  );
}

/** The open alarms, or a card saying there are none. */
export function openAlarmsCard(alarms: readonly AlarmView[]): AdaptiveCard {
  if (alarms.length === 0)
    return adaptiveCard([heading('Open alarms'), textLine('There are no open alarms.')], {
      fallbackText: 'There are no open alarms.',
    });
  return adaptiveCard(
    [
      heading('Open alarms'),
      ...alarms.map((alarm) => textLine(`#${alarm.id} ${alarm.rule}: ${alarm.subject} (${alarm.raisedAt})`)),
      textLine('Acknowledge one with: ack <number>', { subtle: true }),
    ],
    { fallbackText: `${alarms.length} open alarms` },
  );
}
