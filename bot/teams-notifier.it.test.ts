import { describe, expect, it } from 'vitest';
import { migrateToLatest } from '../backend/db/migrations/migrate.js';
import { repositoriesFor } from '../backend/db/repositories.js';
import { testEngines } from '../backend/db/test-engines.js';
import { createBotAdapter } from './bot-adapter.js';
import { helpCard } from './cards/help-card.js';
import { TeamsNotifier } from './teams-notifier.js';

describe.each(testEngines())('the Teams notifier when its database is out of reach, on $name', (engine) => {
  it('returns the failure of each kind of delivery instead of throwing it', async () => {
    const database = await engine.open();
    await migrateToLatest(database);
    const notifier = new TeamsNotifier(createBotAdapter(null), repositoriesFor(database.kysely, database));
    await database.close();
    const failed = { ok: false, error: expect.stringContaining('could not be prepared') };
    expect(await notifier.sendToConversation('a:chat', helpCard())).toMatchObject(failed);
    expect(await notifier.sendToPerson('b0000000-0000-4000-8000-00000000b002', helpCard())).toMatchObject(
      failed,
    );
    expect(
      await notifier.postToChannel('19:team@thread.tacv2', '19:alerts@thread.tacv2', helpCard()),
    ).toMatchObject(failed);
  });
});
