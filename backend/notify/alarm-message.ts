import { alarmCard } from '../../bot/cards/alarm-card.js';
import { alarmsLink } from '../../bot/cards/report-link.js';
import { alarmView } from '../alarms/alarm-view.js';
import type { AlarmRecord } from '../db/alarm.repository.js';
import { escapeHtml } from '../reports/html-document.js';
import type { EmailContent, TeamsContent } from './notifier.js';

/** What an alarm message says in its state at send time, with links into the tab. */
export interface AlarmMessageContext {
  /** The tab's base URL, for "Open in Ledgerline"; null when not configured. */
  tabUrl: string | null;
}

/** The alarm's Adaptive Card: Acknowledge while open, and a link to the tab's alarms page. */
export function alarmTeamsMessage(alarm: AlarmRecord, context: AlarmMessageContext): TeamsContent {
  return { card: alarmCard(alarmView(alarm), { link: alarmsLink(context.tabUrl) }) };
}

/** The alarm as an e-mail: the card's facts, in HTML and in plain text, with the same link. */
export function alarmEmailMessage(alarm: AlarmRecord, context: AlarmMessageContext): EmailContent {
  const view = alarmView(alarm);
  const link = alarmsLink(context.tabUrl);
  const state = view.acknowledged
    ? `Acknowledged by ${view.acknowledged.by} at ${view.acknowledged.at}`
    : alarm.status === 'resolved'
      ? 'Resolved'
      : 'Open';
  const facts: [string, string][] = [
    ['About', view.subject],
    ['Severity', alarm.severity],
    ['Raised', view.raisedAt],
    ['State', state],
  ];
  const title = `Alarm #${view.id}: ${view.rule}`;
  const html = [
    '<!DOCTYPE html><html><body style="font-family:Segoe UI,Arial,sans-serif">',
    `<h2>${escapeHtml(title)}</h2>`,
    `<p>${escapeHtml(view.detail)}</p>`,
    '<table>',
    ...facts.map(
      ([name, value]) => `<tr><th align="left">${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`,
    ),
    '</table>',
    link ? `<p><a href="${escapeHtml(link)}">Open in Ledgerline</a></p>` : '',
    '</body></html>',
  ].join('\n');
  const text = [
    title,
    '',
    view.detail,
    '',
    ...facts.map(([name, value]) => `${name}: ${value}`),
    ...(link ? ['', `Open in Ledgerline: ${link}`] : []),
  ].join('\n');
  return {
    subject: `[Ledgerline] ${alarm.severity}: ${view.rule} (${view.subject})`,
    html,
    text,
    attachments: [],
  };
}
