import { parseAuthConfig } from '../auth/auth-config.js';
import { GraphTokenSource } from '../auth/graph-token-source.js';
import type { TestEngine } from '../db/test-engines.js';
import { EntraStandIn, type GraphUser } from '../testing/entra-stand-in.js';
import type { OutboxMessage } from '../db/outbox.repository.js';
import { repositoriesFor, type Repositories } from '../db/repositories.js';
import { openAlarmWorld, type AlarmWorld } from '../alarms/test-alarm-world.js';

/** A tiny PDF, enough for its type and bytes to be checked at the other end. */
export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** The alarm test company with one raised alarm, an outbox on a clock the test moves. */
export interface DeliveryWorld {
  world: AlarmWorld;
  repos: Repositories;
  alarmId: number;
  clock: { now: number };
  /** An e-mail report message to `recipient` with the PDF attached. */
  reportEmail(recipient: string, key?: string): OutboxMessage;
  /** An alarm message on `channel` to `recipient`. */
  alarmMessage(channel: 'teams' | 'email', recipient: string): OutboxMessage;
  close(): Promise<void>;
}

/** Opens the world on `engine`: a destination rule "Premium calls" and its alarm #alarmId about Sales. */
export async function openDeliveryWorld(engine: TestEngine): Promise<DeliveryWorld> {
  const world = await openAlarmWorld(engine);
  const clock = { now: Date.UTC(2026, 2, 3, 9, 30) };
  const repos = repositoriesFor(world.database.kysely, world.database, () => clock.now);
  const ruleId = await world.addRule({
    name: 'Premium calls',
    kind: 'destination',
    definition: { destClasses: ['premium'] },
    recipients: {},
  });
  const alarmId = await repos.alarms.raise({
    ruleId,
    subjectKey: 'department:1',
    windowKey: '2026-03-03',
    subjectLabel: 'Sales',
    severity: 'warning',
    detail: '3 calls to premium numbers cost EUR 42.00',
    measured: { calls: 3 },
    userId: null,
    departmentId: null,
    siteId: null,
    callId: null,
    raisedAt: clock.now - 60_000,
  });
  if (alarmId === null) throw new Error('the alarm was not raised');
  return {
    world,
    repos,
    alarmId,
    clock,
    reportEmail: (recipient, key = recipient) => ({
      kind: 'report',
      channel: 'email',
      recipient,
      dedupeKey: `report:1:${clock.now}:email:${key}`,
      payload: {
        subject: 'Cost summary, February 2026',
        html: '<p>Cost summary attached.</p>',
        text: 'Cost summary attached.',
        attachments: [
          {
            filename: 'cost-summary-2026-02.pdf',
            contentType: 'application/pdf',
            contentBase64: PDF_BYTES.toString('base64'),
          },
        ],
      },
    }),
    alarmMessage: (channel, recipient) => ({
      kind: 'alarm',
      channel,
      recipient,
      dedupeKey: `alarm:${alarmId}:${channel}:${recipient}`,
      payload: { alarmId },
    }),
    close: () => world.close(),
  };
}

export const GRAPH_TENANT = '7a1b2c3d-4e5f-4a60-8b7c-9d0e1f2a3b4c';
export const GRAPH_CLIENT_ID = '8b2c3d4e-5f60-4b71-8c9d-0e1f2a3b4c5d';

/**
 * Entra ID and Graph on 127.0.0.1 with an app allowed to send mail and read groups, the users
 * and the groups' members given, and the app's token source on it.
 */
export async function startDeliveryGraph(
  users: readonly GraphUser[],
  groupMembers: Readonly<Record<string, readonly string[]>>,
): Promise<{ entra: EntraStandIn; tokens: GraphTokenSource }> {
  const clientSecret = 'mail-app-secret';
  const entra = await EntraStandIn.start({
    tenantId: GRAPH_TENANT,
    clients: [
      {
        clientId: GRAPH_CLIENT_ID,
        clientSecret,
        applicationPermissions: ['Mail.Send', 'GroupMember.Read.All', 'User.Read.All'],
      },
    ],
    users,
    groupMembers,
  });
  const tokens = new GraphTokenSource(
    parseAuthConfig({
      tenantId: GRAPH_TENANT,
      clientId: GRAPH_CLIENT_ID,
      clientSecret,
      authorityUrl: entra.url,
      graphUrl: entra.url,
    }),
  );
  return { entra, tokens };
}
