import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.js';
import { migrateToLatest } from './migrations/migrate.js';
import { repositoriesFor, type Repositories } from './repositories.js';
import { testEngines } from './test-engines.js';

describe.each(testEngines())('the bot’s repositories on $name', (engine) => {
  let database: Database;
  let repos: Repositories;
  let clock = 1_000;

  beforeAll(async () => {
    database = await engine.open();
    await migrateToLatest(database);
    repos = repositoriesFor(database.kysely, database, () => clock);
  });
  afterAll(() => database.close());

  const personal = {
    conversationId: 'a:1personal',
    kind: 'personal' as const,
    tenantId: 'tenant',
    teamId: null,
    channelId: null,
    userObjectId: 'AAAA-1111',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    reference: { conversation: { id: 'a:1personal' }, bot: { id: '28:bot' } },
  };

  it('saves conversation references, keeps the first install time, finds a personal chat and removes them', async () => {
    await repos.botConversations.save(personal);
    clock = 2_000;
    await repos.botConversations.save({ ...personal, serviceUrl: 'https://smba.trafficmanager.net/amer/' });
    expect(await repos.botConversations.get('a:1personal')).toEqual({
      ...personal,
      userObjectId: 'aaaa-1111',
      serviceUrl: 'https://smba.trafficmanager.net/amer/',
      installedAt: 1_000,
    });
    expect((await repos.botConversations.personalChatOf('aaaa-1111'))?.conversationId).toBe('a:1personal');
    const channel = (id: string) => ({
      ...personal,
      conversationId: id,
      kind: 'channel' as const,
      teamId: '19:team@thread.tacv2',
      channelId: id,
      userObjectId: null,
    });
    await repos.botConversations.save(channel('19:team@thread.tacv2'));
    await repos.botConversations.save(channel('19:other@thread.tacv2'));
    expect((await repos.botConversations.list()).map((c) => c.conversationId)).toEqual([
      'a:1personal',
      '19:other@thread.tacv2',
      '19:team@thread.tacv2',
    ]);
    expect(await repos.botConversations.removeTeam('19:team@thread.tacv2')).toBe(2);
    expect(await repos.botConversations.remove('a:1personal')).toBe(true);
    expect(await repos.botConversations.remove('a:1personal')).toBe(false);
    expect(await repos.botConversations.list()).toEqual([]);
  });

  it('keeps what a channel may see, as an admin set it', async () => {
    expect(await repos.botChannelSettings.get('19:c@thread.tacv2')).toBeUndefined();
    await repos.botChannelSettings.set(
      '19:c@thread.tacv2',
      { kind: 'department', departmentId: 4 },
      'admin-oid',
    );
    expect(await repos.botChannelSettings.get('19:c@thread.tacv2')).toEqual({
      conversationKey: '19:c@thread.tacv2',
      teamId: null,
      visibility: { kind: 'department', departmentId: 4 },
      updatedBy: 'admin-oid',
      updatedAt: clock,
    });
    await repos.botChannelSettings.set('19:c@thread.tacv2', { kind: 'company' }, 'admin-oid');
    expect((await repos.botChannelSettings.get('19:c@thread.tacv2'))?.visibility).toEqual({
      kind: 'company',
    });
    await repos.botChannelSettings.clear('19:c@thread.tacv2');
    expect(await repos.botChannelSettings.get('19:c@thread.tacv2')).toBeUndefined();
  });

  it('keeps one subscription per report and conversation, and removes one or all', async () => {
    const base = {
      conversationKey: 'k',
      conversationId: 'k',
      teamId: null,
      subscriberObjectId: 'OID',
      schedule: 'weekly' as const,
    };
    const id = await repos.botSubscriptions.subscribe({ ...base, report: 'cost' });
    expect(await repos.botSubscriptions.subscribe({ ...base, report: 'cost', schedule: 'daily' })).toBe(id);
    await repos.botSubscriptions.subscribe({ ...base, report: 'top-users' });
    expect(await repos.botSubscriptions.ofConversation('k')).toEqual([
      { id, ...base, subscriberObjectId: 'oid', report: 'cost', schedule: 'daily', createdAt: clock },
      expect.objectContaining({ report: 'top-users', schedule: 'weekly' }),
    ]);
    expect((await repos.botSubscriptions.withSchedule('daily')).map((s) => s.id)).toEqual([id]);
    expect(await repos.botSubscriptions.unsubscribe('k', 'cost')).toBe(1);
    expect(await repos.botSubscriptions.unsubscribe('k', null)).toBe(1);
    expect(await repos.botSubscriptions.ofConversation('k')).toEqual([]);
  });

  it('forgets the settings and subscriptions of every channel of a team, and only that team', async () => {
    const team = '19:team@thread.tacv2';
    for (const [key, teamId] of [
      ['19:general@thread.tacv2', team],
      ['19:alerts@thread.tacv2', team],
      ['19:elsewhere@thread.tacv2', '19:other-team@thread.tacv2'],
      ['19:group-chat@thread.v2', null],
    ] as const) {
      await repos.botChannelSettings.set(key, { kind: 'company' }, 'admin-oid', teamId);
      await repos.botSubscriptions.subscribe({
        conversationKey: key,
        conversationId: `${key};messageid=1`,
        teamId,
        report: 'cost',
        schedule: 'weekly',
        subscriberObjectId: 'admin-oid',
      });
    }
    expect((await repos.botChannelSettings.get('19:alerts@thread.tacv2'))?.teamId).toBe(team);
    expect(await repos.botChannelSettings.clearTeam(team)).toBe(2);
    expect(await repos.botSubscriptions.unsubscribeTeam(team)).toBe(2);
    expect(await repos.botChannelSettings.get('19:alerts@thread.tacv2')).toBeUndefined();
    expect(await repos.botSubscriptions.ofConversation('19:alerts@thread.tacv2')).toEqual([]);
    for (const key of ['19:elsewhere@thread.tacv2', '19:group-chat@thread.v2']) {
      expect(await repos.botChannelSettings.get(key)).toBeDefined();
      expect(await repos.botSubscriptions.ofConversation(key)).toHaveLength(1);
    }
  });
});
