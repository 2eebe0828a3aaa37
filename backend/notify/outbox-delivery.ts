import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Database } from '../db/database.js';
import type { OutboxMessage, OutboxRecord } from '../db/outbox.repository.js';
import { repositoriesFor, type Repositories } from '../db/repositories.js';
import { alarmEmailMessage, alarmTeamsMessage } from './alarm-message.js';
import type { EmailContent, Notifiers, SendResult, TeamsContent } from './notifier.js';
import { retryDelay, type BackoffPolicy } from './retry-backoff.js';

/** What delivering one claimed message needs. */
export interface DeliveryContext {
  database: Database;
  repos: Repositories;
  notifiers: Notifiers;
  now: () => number;
  owner: string;
  maxAttempts: number;
  backoff: BackoffPolicy;
  random: () => number;
  tabUrl: string | null;
}

/** What became of one message. */
export type DeliveryOutcome = 'sent' | 'expanded' | 'retrying' | 'failed' | 'lost';

/** Longest dedupe key the outbox stores. */
const MAX_DEDUPE_KEY = 256;

const alarmPayload = z.object({ alarmId: z.number().int() });
const teamsReportPayload = z.object({ card: z.object({ type: z.literal('AdaptiveCard') }).passthrough() });
const emailPayload = z.object({
  subject: z.string(),
  html: z.string(),
  text: z.string(),
  attachments: z
    .array(z.object({ filename: z.string(), contentType: z.string(), contentBase64: z.string() }))
    .default([]),
});

/** Thrown inside the expansion's transaction when the lease was taken over, so nothing stays. */
class LeaseLost extends Error {}

/**
 * Delivers one message the worker holds: a `group:{id}` recipient becomes one new message per
 * member (written with the group's row marked sent, in one transaction, so a member that fails
 * is retried alone); anything else is rendered (an alarm from its row as it is now) and sent.
 * A failure is retried after a growing wait, and given up after `maxAttempts` or when it can
 * never succeed; the error is kept.
 */
export async function deliverMessage(
  message: OutboxRecord,
  context: DeliveryContext,
): Promise<DeliveryOutcome> {
  const { repos, owner } = context;
  if (message.attempts > context.maxAttempts) {
    const error = `gave up after ${context.maxAttempts} attempts: ${message.lastError ?? 'the last one did not finish'}`;
    return (await repos.outbox.markFailed(message.id, owner, error, null)) ? 'failed' : 'lost';
  }
  let result: SendResult;
  try {
    if (message.recipient.startsWith('group:')) {
      await expandGroup(message, context);
      return 'expanded';
    }
    result = await send(message, context);
  } catch (error) {
    if (error instanceof LeaseLost) return 'lost';
    result = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  if (result.ok) return (await repos.outbox.markSent(message.id, owner, result.delivery)) ? 'sent' : 'lost';
  const last = result.permanent || message.attempts >= context.maxAttempts;
  const error =
    last && !result.permanent ? `gave up after ${message.attempts} attempts: ${result.error}` : result.error;
  const retryAt = last ? null : context.now() + retryDelay(message.attempts, context.backoff, context.random);
  if (!(await repos.outbox.markFailed(message.id, owner, error, retryAt))) return 'lost';
  return last ? 'failed' : 'retrying';
}

async function send(message: OutboxRecord, context: DeliveryContext): Promise<SendResult> {
  if (message.channel === 'teams') {
    const teams = context.notifiers.teams;
    if (!teams) return refused('Teams delivery needs the bot (LEDGERLINE_BOT_APP_ID, or the demo)');
    const content = await teamsContent(message, context);
    return typeof content === 'string' ? refused(content) : teams.send(message.recipient, content);
  }
  const email = context.notifiers.email;
  if (!email) return refused('e-mail is not configured (LEDGERLINE_MAIL_TRANSPORT is none)');
  const content = await emailContent(message, context);
  return typeof content === 'string' ? refused(content) : email.send(message.recipient, content);
}

async function teamsContent(message: OutboxRecord, context: DeliveryContext): Promise<TeamsContent | string> {
  if (message.kind === 'alarm') {
    const alarm = await alarmOf(message, context);
    return typeof alarm === 'string' ? alarm : alarmTeamsMessage(alarm, { tabUrl: context.tabUrl });
  }
  const payload = teamsReportPayload.safeParse(message.payload);
  return payload.success
    ? { card: payload.data.card as unknown as TeamsContent['card'] }
    : 'the report has no card to send';
}

async function emailContent(message: OutboxRecord, context: DeliveryContext): Promise<EmailContent | string> {
  if (message.kind === 'alarm') {
    const alarm = await alarmOf(message, context);
    return typeof alarm === 'string' ? alarm : alarmEmailMessage(alarm, { tabUrl: context.tabUrl });
  }
  const payload = emailPayload.safeParse(message.payload);
  return payload.success ? payload.data : 'the report has no e-mail subject, body and attachments to send';
}

async function alarmOf(message: OutboxRecord, context: DeliveryContext) {
  const payload = alarmPayload.safeParse(message.payload);
  if (!payload.success) return 'the alarm message names no alarm';
  const alarm = await context.repos.alarms.get(payload.data.alarmId);
  return alarm ?? `alarm ${payload.data.alarmId} no longer exists`;
}

function refused(error: string): SendResult {
  return { ok: false, permanent: true, error };
}

/** Writes one message per member of the group and marks the group's message sent, all or nothing. */
async function expandGroup(message: OutboxRecord, context: DeliveryContext): Promise<void> {
  const groups = context.notifiers.groups;
  const groupId = message.recipient.slice('group:'.length);
  if (!groups)
    throw new Error(`sending to group ${groupId} needs Graph (the sign-in settings with a client secret)`);
  const members = await groups.members(groupId);
  const recipients = new Set(
    members
      .map((member) =>
        message.channel === 'teams' ? `person:${member.id}` : (member.mail ?? member.userPrincipalName),
      )
      .filter((recipient): recipient is string => Boolean(recipient)),
  );
  const expanded: OutboxMessage[] = [...recipients].map((recipient) => ({
    kind: message.kind,
    channel: message.channel,
    recipient,
    dedupeKey: memberKey(message.dedupeKey, recipient),
    payload: message.payload,
  }));
  await context.database.kysely.transaction().execute(async (trx) => {
    const repos = repositoriesFor(trx, context.database, context.now);
    const added = await repos.outbox.enqueue(expanded);
    const marked = await repos.outbox.markSent(message.id, context.owner, {
      group: groupId,
      members: members.length,
      messages: added,
    });
    if (!marked) throw new LeaseLost();
  });
}

/** `{group's key}>{member}`, the member hashed when the key would pass the outbox's length. */
function memberKey(groupKey: string, recipient: string): string {
  const key = `${groupKey}>${recipient}`;
  if (key.length <= MAX_DEDUPE_KEY) return key;
  const digest = createHash('sha256').update(recipient).digest('hex');
  return `${groupKey.slice(0, MAX_DEDUPE_KEY - digest.length - 1)}>${digest}`;
}
