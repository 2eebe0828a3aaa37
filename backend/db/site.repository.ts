import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { Site } from '../domain/site.js';
import type { BillingSchema, SiteTable } from './billing-schema.js';
import type { EngineAdapter } from './engine-adapter.js';
import { insertReturningId } from './inserted-id.js';

/** A site as given to `save`: everything but the id. */
export type SiteInput = Omit<Site, 'id'>;

const extensionRanges = z.array(z.object({ from: z.string(), to: z.string() }));
const areaCodes = z.array(z.string());

/** Sites and their dial plans. */
export class SiteRepository {
  constructor(
    private readonly db: Kysely<BillingSchema>,
    private readonly adapter: EngineAdapter,
  ) {}

  /** Creates the site, or updates the one with the same code; returns its id. */
  async save(site: SiteInput): Promise<number> {
    const row = siteRow(site);
    const existing = await this.db
      .selectFrom('sites')
      .select('id')
      .where('code', '=', site.code)
      .executeTakeFirst();
    if (existing) {
      await this.db.updateTable('sites').set(row).where('id', '=', existing.id).execute();
      return Number(existing.id);
    }
    return insertReturningId(this.adapter.capabilities, this.db.insertInto('sites').values(row));
  }

  /** All sites, by code. */
  async list(): Promise<Site[]> {
    const rows = await this.db.selectFrom('sites').selectAll().orderBy('code').execute();
    return rows.map(toSite);
  }

  /** The site with this code, if any. */
  async findByCode(code: string): Promise<Site | undefined> {
    const row = await this.db.selectFrom('sites').selectAll().where('code', '=', code).executeTakeFirst();
    return row && toSite(row);
  }

  /** The site with this id, if any. */
  async get(id: number): Promise<Site | undefined> {
    const row = await this.db.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toSite(row);
  }

  /** Changes the site with this id (its code too). */
  async update(id: number, site: SiteInput): Promise<void> {
    await this.db.updateTable('sites').set(siteRow(site)).where('id', '=', id).execute();
  }

  /** Removes the site with this id; check `usage` first, the schema refuses it while rows point at it. */
  async delete(id: number): Promise<void> {
    await this.db.deleteFrom('sites').where('id', '=', id).execute();
  }

  /** What in the directory and routing points at the site (its calls are the call repository's to say). */
  async usage(id: number): Promise<{ users: number; numbers: number; routingRules: number }> {
    const count = async (table: 'users' | 'user_numbers' | 'routing_rules') => {
      const row = await this.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('site_id', '=', id)
        .executeTakeFirst();
      return Number(row?.count ?? 0);
    };
    return {
      users: await count('users'),
      numbers: await count('user_numbers'),
      routingRules: await count('routing_rules'),
    };
  }
}

function siteRow(site: SiteInput) {
  return {
    code: site.code,
    name: site.name,
    country: site.dialPlan.country,
    time_zone: site.timeZone,
    currency: site.currency,
    outside_line_code: site.dialPlan.outsideLineCode,
    international_prefix: site.dialPlan.internationalPrefix,
    national_prefix: site.dialPlan.nationalPrefix,
    extension_ranges: JSON.stringify(site.dialPlan.extensionRanges),
    local_area_codes: JSON.stringify(site.dialPlan.localAreaCodes),
  };
}

function toSite(row: Selectable<SiteTable>): Site {
  return {
    id: Number(row.id),
    code: row.code,
    name: row.name,
    timeZone: row.time_zone,
    currency: row.currency,
    dialPlan: {
      country: row.country,
      outsideLineCode: row.outside_line_code,
      internationalPrefix: row.international_prefix,
      nationalPrefix: row.national_prefix,
      extensionRanges: extensionRanges.parse(JSON.parse(row.extension_ranges)),
      localAreaCodes: areaCodes.parse(JSON.parse(row.local_area_codes)),
    },
  };
}
