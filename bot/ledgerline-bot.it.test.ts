// @vitest-environment jsdom
import { TestAdapter, type Activity, type ChannelAccount, type ConversationAccount } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../backend/db/test-engines.js';
import type { AdaptiveCard } from './cards/card-elements.js';
import { expectValid } from './cards/test-card-validation.js';
import { LedgerlineBot } from './ledgerline-bot.js';
import { CLIENT_ID, openBotWorld, PEOPLE, type BotWorld } from './test-bot-world.js';

const bot: ChannelAccount = { id: '28:ledgerline-bot', name: 'Ledgerline' };
const who = (name: keyof typeof PEOPLE): ChannelAccount & { aadObjectId: string } => ({
  id: `29:${name}`,
  name,
  aadObjectId: PEOPLE[name],
});
const personal = (name: string): ConversationAccount => ({
  id: `a:personal-${name}`,
  conversationType: 'personal',
  isGroup: false,
  name: '',
  tenantId: 'tenant',
});
const channel: ConversationAccount = {
  id: '19:sales@thread.tacv2;messageid=1700000000000',
  conversationType: 'channel',
  isGroup: true,
  name: 'Sales',
  tenantId: 'tenant',
};
const channelData = {
  channel: { id: '19:sales@thread.tacv2' },
  team: { id: '19:general@thread.tacv2' },
  tenant: { id: 'tenant' },
};
const mention = { type: 'mention', mentioned: bot, text: '<at>Ledgerline</at>' };

describe.each(testEngines())('the billing bot in a conversation, on $name', (engine) => {
  let world: BotWorld;
  let adapter: TestAdapter;
  let cardsChecked = 0;

  beforeAll(async () => {
    world = await openBotWorld(await engine.open());
    const handler = new LedgerlineBot(world.service, world.registry);
    adapter = new TestAdapter((context) => handler.run(context));
  });
  afterAll(async () => {
    await world.close();
    expect(cardsChecked).toBeGreaterThan(20);
  });

  /** What the bot sends back to one activity. */
  async function turn(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    adapter.activeQueue.splice(0);
    await adapter.processActivity({
      channelId: 'msteams',
      recipient: bot,
      serviceUrl: 'https://smba.example/',
      ...activity,
    });
    const replies = adapter.activeQueue.splice(0);
    // Every card the bot answers with, in a message or an invoke response, is a valid 1.5 card.
    for (const reply of replies) {
      for (const attachment of reply.attachments ?? [])
        if (attachment.contentType === 'application/vnd.microsoft.card.adaptive')
          expectValid(attachment.content as AdaptiveCard);
      const invoked = (reply.value as { body?: { type?: string; value?: unknown } } | undefined)?.body;
      if (invoked?.type === 'application/vnd.microsoft.card.adaptive')
        expectValid(invoked.value as AdaptiveCard);
    }
    cardsChecked += replies.length;
    return replies;
  }
  const say = (person: keyof typeof PEOPLE, text: string) =>
    turn({ type: 'message', text, from: who(person), conversation: personal(person) });
  const sayInChannel = (person: keyof typeof PEOPLE, text: string, mentioned = true) =>
    turn({
      type: 'message',
      text: mentioned ? `<at>Ledgerline</at> ${text}` : text,
      from: who(person),
      conversation: channel,
      channelData,
      entities: mentioned ? [mention] : [],
    });
  /** Presses a card's Action.Execute button; returns the invoke response's value. */
  async function press(person: keyof typeof PEOPLE, verb: string, data: unknown): Promise<unknown> {
    const replies = await turn({
      type: 'invoke',
      name: 'adaptiveCard/action',
      from: who(person),
      conversation: personal(person),
      replyToId: 'card-1',
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    });
    return replies.find((activity) => activity.type === 'invokeResponse')?.value;
  }
  const cardOf = (replies: Partial<Activity>[]) => replies[0]?.attachments?.[0]?.content as AdaptiveCard;
  const textOf = (replies: Partial<Activity>[]) =>
    replies.map((reply) => reply.text ?? JSON.stringify(reply.attachments)).join('\n');

  it('answers help, and a help card to what it does not understand, never nothing', async () => {
    expect(JSON.stringify(cardOf(await say('anna', 'help')))).toContain('cost [period]');
    const confused = await say('anna', 'make me a sandwich');
    expect(JSON.stringify(cardOf(confused))).toContain('did not understand');
  });

  it('answers odd messages with a short help card: empty, only a mention, emoji, very long, a card submit', async () => {
    const odd: Partial<Activity>[] = [
      { text: '' },
      { text: '<at>Ledgerline</at>', entities: [mention] },
      { text: '👍🎉' },
      { text: 'a'.repeat(5_000) },
      { text: `how much did ${'sales '.repeat(800)}spend` },
      { value: { verb: 'refresh' } },
      { value: null },
      {},
    ];
    for (const activity of odd) {
      const replies = await turn({
        type: 'message',
        from: who('anna'),
        conversation: personal('anna'),
        ...activity,
      });
      expect(replies, JSON.stringify(activity).slice(0, 40)).toHaveLength(1);
      const card = JSON.stringify(cardOf(replies));
      expect(card).toContain('Ask me about phone costs');
      expect(card.length).toBeLessThan(3_000);
    }
    expect(world.logged.filter((line) => line.startsWith('error'))).toEqual([]);
  });

  it('gives an employee their own cost, and refuses a department politely', async () => {
    const own = cardOf(await say('anna', 'cost last month'));
    expect(JSON.stringify(own)).toContain('your own calls');
    expect(own.refresh?.userIds).toEqual(['29:anna']);
    const refused = textOf(await say('anna', 'How much did Finance spend last month?'));
    expect(refused).toMatch(
      /^Sorry, I can't show you that: Finance is outside what you may see: your own calls\./,
    );
  });

  it('gives a supervisor their departments, and refuses others', async () => {
    const sales = cardOf(await say('bruno', 'how much did Sales spend last month?'));
    const text = JSON.stringify(sales);
    expect(text).toContain('Cost of Sales, last month');
    expect(text).toContain('department=');
    expect(textOf(await say('bruno', 'cost for Carla Bianchi last month'))).toMatch(
      /Carla Bianchi's calls are outside/,
    );
    expect(JSON.stringify(cardOf(await say('bruno', 'top users last month')))).toContain(
      'Top users, last month',
    );
  });

  it('gives an admin everything', async () => {
    expect(JSON.stringify(cardOf(await say('carla', 'cost last month for Finance')))).toContain(
      'Cost of Finance',
    );
    const top = JSON.stringify(cardOf(await say('carla', 'top departments last month')));
    expect(top).toContain('Sales');
    expect(top).toContain('Finance');
    expect(JSON.stringify(cardOf(await say('carla', 'top destinations november 2026')))).toContain(
      'Top destinations',
    );
  });

  it('lists a person’s own calls, numbers masked as in the API', async () => {
    const calls = JSON.stringify(cardOf(await say('anna', 'my calls last month')));
    expect(calls).toContain('Your calls, last month');
    const employeeTop = textOf(await say('anna', 'top users'));
    expect(employeeTop).toMatch(/you see only your own calls/);
    expect(textOf(await say('stranger', 'my calls'))).toMatch(/not in the Ledgerline directory/);
  });

  it('lists the open alarms each person may see, and acknowledges by number once', async () => {
    expect(textOf(await say('carla', 'ack 12'))).toMatch(/couldn't find that: there is no alarm 12/);
    const ruleId = await world.repos.alarmRules.create({
      name: 'Calls to premium numbers',
      kind: 'destination',
      enabled: true,
      definition: { destClasses: ['premium'] },
      recipients: {},
    });
    const raise = async (subject: string, user: number | null) => {
      const owner = user === null ? null : await world.repos.users.get(user);
      return (await world.repos.alarms.raise({
        ruleId,
        subjectKey: subject,
        windowKey: '1',
        subjectLabel: owner?.displayName ?? 'Milano',
        severity: 'warning',
        detail: `A call to premium (IT) by ${subject}`,
        measured: {},
        userId: user,
        departmentId: owner?.departmentId ?? null,
        siteId: null,
        callId: null,
        raisedAt: Date.parse('2026-12-04T09:00:00Z'),
      }))!;
    };
    const anna = await raise('user:anna', world.data.users.anna);
    const emma = await raise('user:emma', world.data.users.emma);
    const system = await raise('health:no_calls', null);
    const listed = async (person: 'anna' | 'bruno' | 'carla') =>
      [...JSON.stringify(cardOf(await say(person, 'alarms'))).matchAll(/#(\d+) Calls to premium/g)].map(
        (match) => Number(match[1]),
      );
    expect(await listed('anna')).toEqual([anna]);
    expect(await listed('bruno')).toEqual([anna]);
    expect((await listed('carla')).sort()).toEqual([anna, emma, system].sort());

    expect(textOf(await say('bruno', `ack #${emma}`))).toMatch(
      new RegExp(`there is no alarm ${emma} among those you may see`),
    );
    const acknowledged = JSON.stringify(cardOf(await say('bruno', `ack #${anna}`)));
    expect(acknowledged).toContain(`Alarm #${anna}: Calls to premium numbers`);
    expect(acknowledged).toMatch(/Acknowledged by bruno/);
    const pressed = JSON.stringify(await press('carla', 'acknowledge', { alarmId: anna }));
    expect(pressed).toMatch(/Acknowledged by bruno/);
    // The card that takes the old one's place for everyone still opens the tab's alarms.
    expect(pressed).toContain('Open in Ledgerline');
    expect(await listed('anna')).toEqual([]);
    expect(JSON.stringify(cardOf(await say('anna', 'alarms')))).toContain('There are no open alarms.');
  });

  it('stores subscriptions for the chat and says when the report will come', async () => {
    expect(JSON.stringify(cardOf(await say('bruno', 'subscribe top users daily')))).toContain(
      'It comes here at 07:00 every day, for yesterday',
    );
    expect(await world.repos.botSubscriptions.ofConversation('a:personal-bruno')).toEqual([
      expect.objectContaining({ report: 'top-users', schedule: 'daily', subscriberObjectId: PEOPLE.bruno }),
    ]);
    expect(textOf(await say('bruno', 'unsubscribe'))).toBe('Unsubscribed from 1 report.');
  });

  it('asks Graph for the sender’s groups by object id with the app’s own token, once while cached', async () => {
    const asked = () => world.entra.requestsTo(`/users/${PEOPLE.carla}/checkMemberGroups`);
    await say('carla', 'status');
    const first = asked().length;
    await say('carla', 'status');
    await say('carla', 'cost last month');
    expect(first).toBeGreaterThan(0);
    expect(asked()).toHaveLength(first);
    expect(asked()[0]?.caller).toMatchObject({ appid: CLIENT_ID, idtyp: 'app' });
  });

  it('tells someone who they are in status', async () => {
    expect(textOf(await say('bruno', 'status'))).toMatch(
      /You are bruno \(supervisor\); I show you the departments you supervise/,
    );
  });

  it('in a channel: answers only when mentioned, shows nothing until an admin allows it, then only that', async () => {
    expect(await sayInChannel('carla', 'cost last month', false)).toEqual([]);
    expect(textOf(await sayInChannel('carla', 'cost last month'))).toMatch(
      /only once an administrator has said/,
    );
    expect(textOf(await sayInChannel('bruno', 'channel show Sales'))).toMatch(/only administrators/);
    expect(textOf(await sayInChannel('carla', 'channel show Sales'))).toMatch(
      /may now see the figures of Sales/,
    );
    const card = JSON.stringify(cardOf(await sayInChannel('anna', 'cost last month')));
    expect(card).toContain('Sales (this conversation)');
    expect(textOf(await sayInChannel('anna', 'cost last month for Finance'))).toMatch(
      /Finance is outside what this conversation may see \(Sales\)/,
    );
    expect(textOf(await sayInChannel('anna', 'my calls'))).toMatch(/only in your personal chat/);
    expect(textOf(await sayInChannel('anna', 'channel'))).toBe('This conversation may see Sales.');
  });

  it('refreshes a card in place for everyone through Action.Execute', async () => {
    const asked = await say('bruno', 'cost last month for Sales');
    const card = cardOf(asked);
    const refresh = card.actions?.[0] as unknown as { verb: string; data: unknown };
    const invoke = { value: await press('bruno', refresh.verb, refresh.data) };
    expect(invoke?.value).toMatchObject({
      status: 200,
      body: {
        statusCode: 200,
        type: 'application/vnd.microsoft.card.adaptive',
        value: { type: 'AdaptiveCard' },
      },
    });
    expect(JSON.stringify((invoke?.value as { body: { value: unknown } }).body.value)).toContain(
      'Cost of Sales',
    );
  });

  it('refuses an Acknowledge of an alarm that does not exist, only to the person who pressed it', async () => {
    const invoke = { value: await press('carla', 'acknowledge', { alarmId: 9999 }) };
    expect(JSON.stringify(invoke?.value)).toContain('there is no alarm 9999');
  });

  it('saves a conversation on install and forgets it on uninstall', async () => {
    const install = (action: 'add' | 'remove') =>
      turn({ type: 'installationUpdate', action, from: who('anna'), conversation: personal('anna') });
    await install('add');
    expect(await world.repos.botConversations.personalChatOf(PEOPLE.anna)).toMatchObject({
      conversationId: 'a:personal-anna',
      kind: 'personal',
      reference: { conversation: { id: 'a:personal-anna' } },
    });
    await install('remove');
    expect(await world.repos.botConversations.get('a:personal-anna')).toBeUndefined();
    await turn({
      type: 'installationUpdate',
      action: 'add',
      from: who('carla'),
      conversation: channel,
      channelData,
    });
    expect(await world.repos.botConversations.list()).toEqual([
      expect.objectContaining({
        kind: 'channel',
        teamId: '19:general@thread.tacv2',
        channelId: '19:sales@thread.tacv2',
      }),
    ]);
    await turn({
      type: 'installationUpdate',
      action: 'remove',
      from: who('carla'),
      conversation: channel,
      channelData,
    });
    expect(await world.repos.botConversations.list()).toEqual([]);
  });

  it('forgets the settings and subscriptions of every channel of a team when removed from the team', async () => {
    const general: ConversationAccount = {
      ...channel,
      id: '19:general@thread.tacv2',
      name: 'General',
    };
    const generalData = { ...channelData, channel: { id: '19:general@thread.tacv2' } };
    const inTeam = (action: 'add' | 'remove') =>
      turn({
        type: 'installationUpdate',
        action,
        from: who('carla'),
        conversation: general,
        channelData: generalData,
      });
    await inTeam('add');
    // Settings and a subscription in a channel other than the one the install came from.
    expect(textOf(await sayInChannel('carla', 'channel show Sales'))).toMatch(/may now see/);
    await sayInChannel('carla', 'subscribe cost weekly');
    expect(await world.repos.botSubscriptions.ofConversation('19:sales@thread.tacv2')).toHaveLength(1);
    // A group chat's setting belongs to no team and stays.
    const groupChat: ConversationAccount = {
      id: '19:chat@thread.v2',
      conversationType: 'groupChat',
      isGroup: true,
      name: '',
      tenantId: 'tenant',
    };
    await turn({
      type: 'message',
      text: '<at>Ledgerline</at> channel show company',
      from: who('carla'),
      conversation: groupChat,
      entities: [mention],
    });
    expect(await world.repos.botChannelSettings.get('19:chat@thread.v2')).toBeDefined();

    await inTeam('remove');
    expect(await world.repos.botChannelSettings.get('19:sales@thread.tacv2')).toBeUndefined();
    expect(await world.repos.botSubscriptions.ofConversation('19:sales@thread.tacv2')).toEqual([]);
    expect(await world.repos.botConversations.list()).toEqual([]);
    expect(await world.repos.botChannelSettings.get('19:chat@thread.v2')).toBeDefined();
    expect(textOf(await sayInChannel('anna', 'cost last month'))).toMatch(
      /only once an administrator has said/,
    );
  });
});
