import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../db/test-engines.js';
import { testRecord } from '../../miner/test-company.js';
import { startAdminTestServer, type AdminTestServer } from './test-admin-server.js';

/** Telco Italia's summer plan, with a weekend band, as a tariff file in JSON. */
const summer = {
  version: 1,
  carrier: { code: 'telco-it', name: 'ignored: the carrier is not renamed' },
  name: 'Summer 2026',
  currency: 'EUR',
  timeZone: 'Europe/Rome',
  activeFrom: '2026-07-01',
  rounding: { decimals: 4, method: 'up' },
  timeBands: [{ name: 'weekend', days: ['sat-sun'], from: '00:00', to: '24:00' }],
  rates: [{ prefix: '39', label: 'Italia', pricePerMinute: '0.01', increments: '60/60' }],
};

/** A Tuesday-morning call from Milan to a Milan number, 90 seconds. */
const sample = (siteId: number, fields: Record<string, unknown> = {}) => ({
  siteId,
  number: '00212345678',
  startedAt: '2026-02-03T09:00:00Z',
  durationSec: 90,
  ...fields,
});

describe.each(testEngines())('tariff plan administration on $name', (engine) => {
  let api: AdminTestServer;
  let telcoIt: number;
  let winterPlan: number;
  let milan: number;
  let london: number;

  beforeAll(async () => {
    api = await startAdminTestServer(engine);
    telcoIt = (await api.send('GET', '/api/v1/admin/carriers')).body[0].id;
    const sites = (await api.send('GET', '/api/v1/admin/sites')).body as { id: number; code: string }[];
    milan = sites.find((site) => site.code === 'MIL')!.id;
    london = sites.find((site) => site.code === 'LON')!.id;
  });
  afterAll(() => api.close());

  it('lists plans of one carrier or all, and gets a plan with its rates', async () => {
    const all = await api.send('GET', '/api/v1/admin/tariff-plans');
    expect(all.body.map((plan: { name: string }) => plan.name)).toEqual(['Business 2026', 'Standard 2026']);
    const mine = await api.send('GET', `/api/v1/admin/tariff-plans?carrierId=${telcoIt}`);
    expect(mine.body).toEqual([
      {
        id: expect.any(Number),
        carrierId: telcoIt,
        name: 'Business 2026',
        currency: 'EUR',
        activeFrom: Date.parse('2025-12-31T23:00:00Z'),
        rates: 3,
      },
    ]);
    winterPlan = mine.body[0].id;
    expect((await api.send('GET', '/api/v1/admin/tariff-plans?carrierId=9999')).status).toBe(404);
    const plan = await api.send('GET', `/api/v1/admin/tariff-plans/${winterPlan}`);
    expect(plan.body).toMatchObject({
      carrier: { code: 'telco-it' },
      rounding: { decimals: 4, method: 'up' },
      rates: [
        {
          prefix: '39',
          label: 'Italia fisso',
          intervals: [{ fromSec: 0, incrementSec: 60, pricePerMinute: 20_000 }],
        },
        { prefix: '393' },
        { prefix: '44', connectFee: 50_000 },
      ],
    });
    expect((await api.send('GET', '/api/v1/admin/tariff-plans/9999')).status).toBe(404);
  });

  let summerPlan: number;

  it('adds a plan from a tariff file in JSON; the same activation again is a 409 unless replace=true', async () => {
    const [row] = await api.auditOf(async () => {
      const created = await api.send('POST', '/api/v1/admin/tariff-plans', { json: summer });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        plan: {
          carrierId: telcoIt,
          name: 'Summer 2026',
          activeFrom: Date.parse('2026-06-30T22:00:00Z'),
          rates: 1,
        },
        affected: { calls: 0 },
        replaced: false,
      });
      summerPlan = created.body.plan.id;
    });
    expect(row).toMatchObject({
      action: 'create',
      entityType: 'tariff-plan',
      entityKey: String(summerPlan),
      before: null,
      after: { name: 'Summer 2026', rates: 1, timeBands: [{ name: 'weekend', weekdays: [6, 7] }] },
    });
    expect((await api.send('GET', '/api/v1/admin/carriers')).body[0].name).toBe('Telco Italia');

    const again = await api.send('POST', '/api/v1/admin/tariff-plans', { json: summer });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('send replace=true');
    const [replacedRow] = await api.auditOf(async () => {
      const replaced = await api.send('POST', '/api/v1/admin/tariff-plans?replace=true', {
        json: { ...summer, name: 'Summer 2026 bis' },
      });
      expect(replaced.status).toBe(200);
      expect(replaced.body).toMatchObject({
        plan: { id: summerPlan, name: 'Summer 2026 bis' },
        replaced: true,
      });
    });
    expect(replacedRow).toMatchObject({
      action: 'update',
      before: { name: 'Summer 2026' },
      after: { name: 'Summer 2026 bis' },
    });
  });

  it('refuses a tariff file with problems, listing each with its path, and an unknown carrier', async () => {
    const audit = await api.auditOf(async () => {
      const amount = await api.send('POST', '/api/v1/admin/tariff-plans', {
        json: { ...summer, rates: [{ prefix: '39', pricePerMinute: '0.0000001', increments: '60/60' }] },
      });
      expect(amount.status).toBe(400);
      expect(amount.body.error.details).toEqual([
        'rates.0.pricePerMinute: not an amount with at most 6 decimals: "0.0000001"',
      ]);
      // What only the whole file shows (two rates for one prefix) is found as an import finds it.
      const twice = await api.send('POST', '/api/v1/admin/tariff-plans', {
        json: {
          ...summer,
          activeFrom: '2026-08-01',
          rates: [...summer.rates, { prefix: '0039', pricePerMinute: 1, increments: 60 }],
        },
      });
      expect(twice.status).toBe(400);
      expect(twice.body.error).toMatchObject({
        code: 'invalid-input',
        message: 'nothing was imported: 1 problem in the tariff file',
        details: [
          expect.stringMatching(/^tariff file line \d+: rates\[1\]: another rate already matches prefix 39/),
        ],
      });
      const shape = await api.send('POST', '/api/v1/admin/tariff-plans', {
        json: { ...summer, pricePerMinut: 1 },
      });
      expect(shape.status).toBe(400);
      const unknown = await api.send('POST', '/api/v1/admin/tariff-plans', {
        json: { ...summer, carrier: { code: 'nobody' } },
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toMatch(/^carrier\.code: no carrier "nobody"/);
    });
    expect(audit).toEqual([]);
  });

  it('previews a sample call: class, carrier, plan, rate and cost, writing nothing', async () => {
    const audit = await api.auditOf(async () => {
      const preview = await api.send('POST', '/api/v1/admin/tariffs/preview', { json: sample(milan) });
      expect(preview.status).toBe(200);
      expect(preview.body).toEqual({
        site: { id: milan, code: 'MIL' },
        normalized: '+390212345678',
        destClass: 'local',
        destCountry: 'IT',
        status: 'rated',
        reason: null,
        carrier: { id: telcoIt, code: 'telco-it', name: 'Telco Italia' },
        plan: { id: winterPlan, name: 'Business 2026', activeFrom: Date.parse('2025-12-31T23:00:00Z') },
        rate: {
          id: expect.any(Number),
          label: 'Italia fisso',
          matchedBy: 'prefix',
          prefix: '39',
          destClass: null,
          country: null,
        },
        cost: 40_000,
        costText: '0.04 EUR',
        currency: 'EUR',
        billedSec: 120,
        bands: [{ band: null, billedSec: 120, amount: 40_000 }],
      });
      // The summer plan, on a Saturday: its weekend band has no price of its own, so the rate's applies.
      const july = await api.send('POST', '/api/v1/admin/tariffs/preview', {
        json: sample(milan, { startedAt: '2026-07-04T10:00:00Z' }),
      });
      expect(july.body).toMatchObject({
        plan: { id: summerPlan },
        cost: 20_000,
        bands: [{ band: 'weekend' }],
      });
      const unrouted = await api.send('POST', '/api/v1/admin/tariffs/preview', {
        json: sample(london, { number: '9020 7946 0000', trunk: 'gw-lon-2' }),
      });
      expect(unrouted.body).toMatchObject({
        status: 'unrated',
        reason: 'no routing rule for site LON, trunk gw-lon-2',
        carrier: null,
        cost: 0,
      });
      const emergency = await api.send('POST', '/api/v1/admin/tariffs/preview', {
        json: sample(milan, { number: '112' }),
      });
      expect(emergency.body).toMatchObject({
        status: 'free',
        destClass: 'emergency',
        reason: 'emergency call',
      });
    });
    expect(audit).toEqual([]);
    expect((await api.send('POST', '/api/v1/admin/tariffs/preview', { json: sample(9999) })).status).toBe(
      400,
    );
    expect(
      (
        await api.send('POST', '/api/v1/admin/tariffs/preview', {
          json: sample(milan, { startedAt: 'soon' }),
        })
      ).status,
    ).toBe(400);
  });

  it('replaces a plan’s rates from a CSV deck whose header names the columns; the preview shows the new price', async () => {
    const deck = [
      'Prefix;Label;Price per minute;Increments;Weekend',
      '39;Italia fisso;0,05;60/60;0,03',
      '393;Italia mobile;0,15;30/6;',
    ].join('\r\n');
    const [row, ...more] = await api.auditOf(async () => {
      const imported = await api.send(
        'PUT',
        `/api/v1/admin/tariff-plans/${winterPlan}/rates?fileName=listino.csv`,
        {
          text: deck,
          contentType: 'text/csv; charset=utf-8',
        },
      );
      expect(imported.status).toBe(200);
      expect(imported.body).toEqual({
        plan: expect.objectContaining({ id: winterPlan, rates: 2 }),
        affected: { calls: 0, firstDay: null, lastDay: null },
        added: 0,
        changed: 2,
        removed: 1,
        unchanged: 0,
      });
    });
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      action: 'import',
      entityType: 'tariff-plan',
      entityKey: String(winterPlan),
      before: { name: 'Business 2026', rates: 3 },
      after: { name: 'Business 2026', rates: 2, added: 0, changed: 2, removed: 1, fileName: 'listino.csv' },
    });
    const preview = await api.send('POST', '/api/v1/admin/tariffs/preview', { json: sample(milan) });
    expect(preview.body).toMatchObject({
      cost: 100_000,
      costText: '0.1 EUR',
      rate: { label: 'Italia fisso' },
    });
    // The winter plan has no weekend band, so the Weekend column is not one of its prices.
    const plan = await api.send('GET', `/api/v1/admin/tariff-plans/${winterPlan}`);
    expect(plan.body.rates[0]).toMatchObject({ prefix: '39', bandIntervals: {} });
  });

  it('reads a deck with title lines and columns given by name, and a band column named like the band', async () => {
    const deck = 'Listino estate;;;\nDestinazione;Pref;Tariffa;weekend\nItalia;39;2;1\n';
    const imported = await api.send(
      'PUT',
      `/api/v1/admin/tariff-plans/${summerPlan}/rates?skipLines=1&priceScale=0.01&increments=60/60&columns=${encodeURIComponent(
        JSON.stringify({
          prefix: 'Pref',
          label: 'Destinazione',
          pricePerMinute: 'Tariffa',
          bands: { weekend: 'weekend' },
        }),
      )}`,
      { text: deck },
    );
    expect(imported.status).toBe(200);
    const plan = await api.send('GET', `/api/v1/admin/tariff-plans/${summerPlan}`);
    expect(plan.body.rates).toMatchObject([
      {
        prefix: '39',
        label: 'Italia',
        intervals: [{ pricePerMinute: 20_000 }],
        bandIntervals: { weekend: [{ pricePerMinute: 10_000 }] },
      },
    ]);
  });

  it('refuses a deck with bad rows (every problem by line), in another format, or too large; the rates stay', async () => {
    const before = (await api.send('GET', `/api/v1/admin/tariff-plans/${winterPlan}`)).body;
    const audit = await api.auditOf(async () => {
      const bad = await api.send('PUT', `/api/v1/admin/tariff-plans/${winterPlan}/rates`, {
        text: 'prefix,pricePerMinute,increments\n39,0.02,60/60\nabc,0.03,60/60\n44,x,60/60\n',
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toBe('rate deck: nothing was imported: 2 problems');
      expect(bad.body.error.details).toEqual([
        expect.stringMatching(/^rate deck line 3: "prefix" \(prefix\): /),
        expect.stringMatching(/^rate deck line 4: "pricePerMinute" \(pricePerMinute\): /),
      ]);
      const noPrice = await api.send('PUT', `/api/v1/admin/tariff-plans/${winterPlan}/rates`, {
        text: 'prefix;cost\n39;1\n',
      });
      expect(noPrice.status).toBe(400);
      expect(noPrice.body.error.details).toEqual(['the header row has: "prefix", "cost"']);
      const json = await api.send('PUT', `/api/v1/admin/tariff-plans/${winterPlan}/rates`, {
        json: { rates: [] },
      });
      expect(json.status).toBe(415);
      expect(json.body.error.code).toBe('unsupported-media-type');
      const huge = await api.send('PUT', `/api/v1/admin/tariff-plans/${winterPlan}/rates`, {
        text: `prefix,pricePerMinute,increments\n${'39,0.02,60/60\n'.repeat(1_600_000)}`,
      });
      expect(huge.status).toBe(413);
      expect(huge.body.error.code).toBe('payload-too-large');
      expect(
        (await api.send('PUT', '/api/v1/admin/tariff-plans/9999/rates', { text: 'prefix,pricePerMinute\n' }))
          .status,
      ).toBe(404);
    });
    expect(audit).toEqual([]);
    expect((await api.send('GET', `/api/v1/admin/tariff-plans/${winterPlan}`)).body).toEqual(before);
  });

  it('changes one rate’s prices in place, audited; the preview prices with it; a bad change is refused', async () => {
    const before = (await api.send('GET', `/api/v1/admin/tariff-plans/${winterPlan}`)).body;
    const italia = before.rates.find((rate: { prefix: string }) => rate.prefix === '39');
    const others = before.rates.filter((rate: { id: number }) => rate.id !== italia.id);
    const path = `/api/v1/admin/tariff-plans/${winterPlan}/rates/${italia.id}`;
    const [row, ...more] = await api.auditOf(async () => {
      const changed = await api.send('PATCH', path, {
        json: {
          connectFee: 10_000,
          intervals: [{ fromSec: 0, incrementSec: 60, pricePerMinute: 30_000 }],
          maxCost: null,
        },
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toEqual({
        rate: {
          ...italia,
          connectFee: 10_000,
          intervals: [{ fromSec: 0, incrementSec: 60, pricePerMinute: 30_000 }],
        },
        affected: { calls: 0, firstDay: null, lastDay: null },
      });
    });
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      action: 'update',
      entityType: 'rate',
      entityKey: String(italia.id),
      before: { planId: winterPlan, prefix: '39', connectFee: 0 },
      after: { planId: winterPlan, prefix: '39', connectFee: 10_000 },
    });
    const after = (await api.send('GET', `/api/v1/admin/tariff-plans/${winterPlan}`)).body;
    expect(after.rates.find((rate: { id: number }) => rate.id === italia.id)).toMatchObject({
      id: italia.id,
      prefix: '39',
      label: 'Italia fisso',
      connectFee: 10_000,
    });
    expect(after.rates.filter((rate: { id: number }) => rate.id !== italia.id)).toEqual(others);
    // 90 s billed as 120 s at 0.03 a minute, and the connect fee.
    const preview = await api.send('POST', '/api/v1/admin/tariffs/preview', { json: sample(milan) });
    expect(preview.body).toMatchObject({ cost: 70_000, rate: { id: italia.id } });

    const audit = await api.auditOf(async () => {
      const unknownBand = await api.send('PATCH', path, {
        json: { bandIntervals: { night: [{ fromSec: 0, incrementSec: 60, pricePerMinute: 1 }] } },
      });
      expect(unknownBand.status).toBe(400);
      expect(unknownBand.body.error).toMatchObject({
        code: 'invalid-input',
        message: 'the rate was not changed: it would make the plan invalid',
        details: ['rate 1 (Italia fisso): prices for unknown time band "night"'],
      });
      const negative = await api.send('PATCH', path, { json: { connectFee: -1 } });
      expect(negative.status).toBe(400);
      const matchChange = await api.send('PATCH', path, { json: { prefix: '40' } });
      expect(matchChange.status).toBe(400);
      const otherPlan = await api.send(
        'PATCH',
        `/api/v1/admin/tariff-plans/${summerPlan}/rates/${italia.id}`,
        {
          json: { connectFee: 1 },
        },
      );
      expect(otherPlan.status).toBe(404);
      expect(otherPlan.body.error.message).toBe(`tariff plan ${summerPlan} has no rate ${italia.id}`);
      const employee = await api.send('PATCH', path, { as: 'employee', json: { connectFee: 1 } });
      expect(employee.status).toBe(403);
    });
    expect(audit).toEqual([]);
  });

  it('deletes a plan; one that prices stored calls only with force=true, saying which calls to re-rate', async () => {
    await api.mine([testRecord()]);
    const refused = await api.send('DELETE', `/api/v1/admin/tariff-plans/${winterPlan}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('prices stored calls: send force=true');
    const [row] = await api.auditOf(async () => {
      const forced = await api.send('DELETE', `/api/v1/admin/tariff-plans/${winterPlan}?force=true`);
      expect(forced.status).toBe(200);
      expect(forced.body).toEqual({ affected: { calls: 1, firstDay: 20260203, lastDay: 20260203 } });
    });
    expect(row).toMatchObject({ action: 'delete', before: { id: winterPlan, rates: 2 }, after: null });
    expect((await api.send('GET', `/api/v1/admin/tariff-plans/${winterPlan}`)).status).toBe(404);
    const preview = await api.send('POST', '/api/v1/admin/tariffs/preview', { json: sample(milan) });
    expect(preview.body).toMatchObject({ status: 'unrated', reason: expect.stringMatching(/^no-plan: /) });
  });
});
