import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/migrate.js';
import { repositoriesFor } from '../db/repositories.js';
import { testEngines } from '../db/test-engines.js';
import { LedgerlineError } from '../domain/errors.js';
import type { TariffPlan } from '../rating/tariff-plan.js';
import { parseTariffFile } from './tariff-file.js';
import { exportTariff, storeTariff } from './tariff-store.js';

const deck = `Prefisso;Destinazione;Tariffa;Scatto;Tariffazione
0039;Italia fisso;0,0180;0,0000;30/6
00393;Italia mobile;0,0950;0,0000;30/6
0044;Regno Unito;0,0420;0,0500;60/60
`;

const file = `version: 1
carrier: { code: esempio, name: Operatore Esempio }
name: Voce 2026
currency: EUR
timeZone: Europe/Rome
activeFrom: 2026-01-01
rounding: { decimals: 4, method: up }
timeBands:
  - { name: peak, days: [mon-fri], from: '08:00', to: '18:30' }
rateDeck:
  file: listino.csv
  separator: ';'
  decimal: ','
  columns: { prefix: Prefisso, label: Destinazione, pricePerMinute: Tariffa, connectFee: Scatto, increments: Tariffazione }
rates:
  - { destClass: premium, label: Numeri a valore aggiunto, pricePerMinute: 1.5, increments: 1/1, minCharge: 0.5 }
  - prefix: '41'
    label: Svizzera
    pricePerMinute: 0.06
    increments: 60/60
    bands: { peak: { pricePerMinute: 0.08, increments: 60/60 } }
`;

const withoutIds = (plan: TariffPlan | undefined) =>
  plan && {
    ...plan,
    id: undefined,
    carrierId: undefined,
    rates: plan.rates.map((rate) => ({ ...rate, id: undefined })),
  };

describe.each(testEngines())('tariff import and export on $name', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await engine.open();
    await migrateToLatest(database);
  });
  afterAll(() => database.close());

  it('stores a file with its rate deck, and exporting then importing gives the same plan', async () => {
    const tariff = parseTariffFile(file, { fileName: 'esempio.yaml', readDeck: () => deck });
    const stored = await storeTariff(database, tariff);
    expect(stored.rates).toBe(5);
    const repos = repositoriesFor(database.kysely, database);
    const first = await repos.tariffPlans.inForce(stored.carrierId, Date.UTC(2026, 5, 1));
    expect(first?.rates.find((rate) => rate.prefix === '393')).toMatchObject({
      label: 'Italia mobile',
      intervals: [
        { fromSec: 0, incrementSec: 30, pricePerMinute: 95_000 },
        { fromSec: 30, incrementSec: 6, pricePerMinute: 95_000 },
      ],
    });

    const exported = await exportTariff(database, 'esempio', Date.UTC(2026, 5, 1), 'Europe/Rome');
    expect(exported).toContain('activeFrom: 2026-01-01');
    const again = await storeTariff(database, parseTariffFile(exported));
    expect(again.carrierId).toBe(stored.carrierId);
    const second = await repos.tariffPlans.inForce(stored.carrierId, Date.UTC(2026, 5, 1));
    expect(withoutIds(second)).toEqual(withoutIds(first));
    expect(await repos.tariffPlans.list()).toHaveLength(1);
  });

  it('says which carriers exist when asked for an unknown one, and when no plan is in force', async () => {
    await expect(exportTariff(database, 'nope', Date.now())).rejects.toMatchObject({
      details: ['carriers: esempio'],
    });
    await expect(exportTariff(database, 'esempio', Date.UTC(2025, 0, 1))).rejects.toBeInstanceOf(
      LedgerlineError,
    );
  });
});
