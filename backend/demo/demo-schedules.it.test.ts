import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/migrate.js';
import { repositoriesFor } from '../db/repositories.js';
import { testEngines } from '../db/test-engines.js';
import { DEMO_COMPANY } from './demo-company.js';
import { installDemoSchedules } from './demo-schedules.js';

describe.each(testEngines())('demo schedules on $name', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await engine.open();
    await migrateToLatest(database);
  });
  afterAll(() => database.close());

  it('installs a monthly PDF for the supervisor and a weekly card for a channel, once', async () => {
    expect(await installDemoSchedules(database)).toBe(2);
    expect(await installDemoSchedules(database)).toBe(0);
    const schedules = await repositoriesFor(database.kysely, database).schedules.list();
    expect(schedules.map((schedule) => [schedule.name, schedule.format, schedule.recipients])).toEqual([
      ['Monthly department cost', 'pdf', [`person:${DEMO_COMPANY.personas.supervisor.upn}`]],
      [
        'Weekly top destinations',
        'card',
        ['channel:19:contoso-trading@thread.tacv2/19:finance@thread.tacv2'],
      ],
    ]);
    expect(schedules[0]?.createdBy).toMatch(/^[0-9a-f-]{36}$/);
    // The channel the card goes to may be shown the company's figures, as an admin set it.
    const setting = await repositoriesFor(database.kysely, database).botChannelSettings.get(
      '19:finance@thread.tacv2',
    );
    expect(setting).toMatchObject({
      teamId: '19:contoso-trading@thread.tacv2',
      visibility: { kind: 'company' },
    });
  });
});
