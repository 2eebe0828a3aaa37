import type { Kysely } from 'kysely';
import type { BillingSchema } from './billing-schema.js';
import type { EngineAdapter } from './engine-adapter.js';
import { insertReturningId } from './inserted-id.js';

/** A carrier: who carries calls and whose tariff prices them. */
export interface Carrier {
  id: number;
  code: string;
  name: string;
}

/** Carriers. */
export class CarrierRepository {
  constructor(
    private readonly db: Kysely<BillingSchema>,
    private readonly adapter: EngineAdapter,
  ) {}

  /** Creates the carrier, or renames the one with the same code; returns its id. */
  async save(carrier: Omit<Carrier, 'id'>): Promise<number> {
    const existing = await this.db
      .selectFrom('carriers')
      .select('id')
      .where('code', '=', carrier.code)
      .executeTakeFirst();
    if (existing) {
      await this.db
        .updateTable('carriers')
        .set({ name: carrier.name })
        .where('id', '=', existing.id)
        .execute();
      return Number(existing.id);
    }
    return insertReturningId(this.adapter.capabilities, this.db.insertInto('carriers').values(carrier));
  }

  /** All carriers, by code. */
  async list(): Promise<Carrier[]> {
    const rows = await this.db.selectFrom('carriers').selectAll().orderBy('code').execute();
    return rows.map((row) => ({ id: Number(row.id), code: row.code, name: row.name }));
  }

  /** The carrier with this code, if any. */
  async findByCode(code: string): Promise<Carrier | undefined> {
    const row = await this.db.selectFrom('carriers').selectAll().where('code', '=', code).executeTakeFirst();
    return row && { id: Number(row.id), code: row.code, name: row.name };
  }

  /** The carrier with this id, if any. */
  async get(id: number): Promise<Carrier | undefined> {
    const row = await this.db.selectFrom('carriers').selectAll().where('id', '=', id).executeTakeFirst();
    return row && { id: Number(row.id), code: row.code, name: row.name };
  }

  /** Changes the code and name of the carrier with this id. */
  async update(id: number, carrier: Omit<Carrier, 'id'>): Promise<void> {
    await this.db
      .updateTable('carriers')
      .set({ code: carrier.code, name: carrier.name })
      .where('id', '=', id)
      .execute();
  }

  /** Removes the carrier with this id; check `usage` first, the schema refuses it while rows point at it. */
  async delete(id: number): Promise<void> {
    await this.db.deleteFrom('carriers').where('id', '=', id).execute();
  }

  /** The carrier's tariff plans and the routing rules to it (its calls are the call repository's to say). */
  async usage(id: number): Promise<{ tariffPlans: number; routingRules: number }> {
    const count = async (table: 'tariff_plans' | 'routing_rules') => {
      const row = await this.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('carrier_id', '=', id)
        .executeTakeFirst();
      return Number(row?.count ?? 0);
    };
    return { tariffPlans: await count('tariff_plans'), routingRules: await count('routing_rules') };
  }
}
