import { z } from 'zod';
import type { OutboxMessage } from '../db/outbox.repository.js';
import type { Repositories } from '../db/repositories.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A Teams recipient string as the outbox takes it (see the delivery contract). */
const teamsRecipient = z
  .string()
  .regex(
    /^(person:[0-9a-f-]{36}|conversation:\S+|channel:[^/\s]+\/\S+|group:[0-9a-f-]{36})$/i,
    'must be person:{objectId}, conversation:{id}, channel:{teamId}/{channelId} or group:{groupId}',
  );

/** An e-mail recipient: an address, or every member of an Entra group. */
const emailRecipient = z
  .string()
  .refine(
    (value) => /^group:[0-9a-f-]{36}$/i.test(value) || z.email().safeParse(value).success,
    'must be an e-mail address or group:{groupId}',
  );

/** Whom a rule's alarms are sent to, and how. */
export const alarmRecipientsSchema = z.strictObject({
  channels: z.array(z.enum(['teams', 'email'])).default(['teams']),
  /** The subject user's personal chat with the bot, or their e-mail (UPN), from the directory. */
  toUser: z.boolean().default(false),
  /** The supervisor group of the alarm's department. */
  toSupervisors: z.boolean().default(false),
  /** The administrators' group (from the sign-in configuration). */
  toAdmins: z.boolean().default(false),
  emails: z.array(emailRecipient).default([]),
  conversations: z.array(teamsRecipient).default([]),
  /**
   * The admin group id as it was when the rule was saved (filled in by the rule's service, not
   * given by people): mining has no sign-in configuration to read it from.
   */
  adminGroupId: z.string().regex(GUID, 'must be a GUID').nullable().optional(),
});

/** Validated recipients of a rule. */
export type AlarmRecipients = z.output<typeof alarmRecipientsSchema>;

/** What an alarm is about, for finding its recipients. */
export interface AlarmAddressee {
  alarmId: number;
  userId: number | null;
  departmentId: number | null;
}

/**
 * The outbox messages of a new alarm: one per channel and recipient, keyed
 * `alarm:{id}:{channel}:{recipient}` so writing them twice sends once. The card or e-mail is
 * rendered at send time from the alarm row.
 */
export async function alarmMessages(
  repos: Repositories,
  recipients: AlarmRecipients,
  alarm: AlarmAddressee,
): Promise<OutboxMessage[]> {
  const user = recipients.toUser && alarm.userId !== null ? await repos.users.get(alarm.userId) : undefined;
  const department =
    recipients.toSupervisors && alarm.departmentId !== null
      ? await repos.departments.get(alarm.departmentId)
      : undefined;
  const groups = [
    department?.supervisorGroupId ? `group:${department.supervisorGroupId}` : null,
    recipients.toAdmins && recipients.adminGroupId ? `group:${recipients.adminGroupId}` : null,
  ];
  const byChannel = {
    teams: [
      user?.entraObjectId ? `person:${user.entraObjectId}` : null,
      ...groups,
      ...recipients.conversations,
    ],
    email: [user && !user.anonymous && user.upn ? user.upn : null, ...groups, ...recipients.emails],
  };
  const messages: OutboxMessage[] = [];
  for (const channel of recipients.channels) {
    for (const recipient of new Set(byChannel[channel])) {
      if (recipient === null) continue;
      messages.push({
        kind: 'alarm',
        channel,
        recipient,
        dedupeKey: `alarm:${alarm.alarmId}:${channel}:${recipient}`,
        payload: { alarmId: alarm.alarmId },
      });
    }
  }
  return messages;
}
