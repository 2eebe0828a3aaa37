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
}
