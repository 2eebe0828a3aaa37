import type { Kysely, Selectable } from 'kysely';
import { USER_SIP_URI_MAX, type User, type UserNumber } from '../domain/user.js';
import type { BillingSchema, UserNumberTable, UserTable } from './billing-schema.js';
import type { EngineAdapter } from './engine-adapter.js';
import { insertReturningId } from './inserted-id.js';
import { limitRows } from './row-limit.js';

/** A named user as given to `save` (anonymous users come from `createAnonymous`). */
export type UserInput = Omit<User, 'id' | 'anonymous'> & { upn: string };

/** Users and their numbers and extensions. */
export class UserRepository {
  constructor(
    private readonly db: Kysely<BillingSchema>,
    private readonly adapter: EngineAdapter,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Creates the user, or updates the one with the same UPN (or the anonymous user of the same SIP
   * address); returns the id.
   */
  async save(user: UserInput): Promise<number> {
    const row = {
      upn: user.upn.toLowerCase(),
      display_name: user.displayName,
      entra_object_id: user.entraObjectId,
      sip_uri: user.sipUri?.toLowerCase() ?? null,
      department_id: user.departmentId,
      site_id: user.siteId,
      anonymous: 0,
    };
    // The user with this UPN, or else the anonymous user made for this SIP address when the
    // person called before the directory knew them: they become that person.
    const existing =
      (await this.db.selectFrom('users').select('id').where('upn', '=', row.upn).executeTakeFirst()) ??
      (row.sip_uri === null
        ? undefined
        : await this.db
            .selectFrom('users')
            .select('id')
            .where('sip_uri', '=', row.sip_uri)
            .where('anonymous', '=', 1)
            .executeTakeFirst());
    if (existing) {
      await this.db.updateTable('users').set(row).where('id', '=', existing.id).execute();
      return Number(existing.id);
    }
    return insertReturningId(
      this.adapter.capabilities,
      this.db.insertInto('users').values({ ...row, created_at: this.now() }),
    );
  }

  /**
   * An anonymous user for an extension, number or SIP address nobody owns yet, so its calls are
   * charged somewhere visible ("Unassigned") instead of being lost; returns the id.
   */
  async createAnonymous(
    party: { kind: 'extension' | 'e164' | 'sip'; value: string },
    site: { id: number; name: string },
    departmentId: number,
  ): Promise<number> {
    const displayName =
      party.kind === 'extension'
        ? `Extension ${party.value} (${site.name})`
        : party.kind === 'e164'
          ? `${party.value} (${site.name})`
          : party.value.replace(/^sip:/, '');
    const id = await insertReturningId(
      this.adapter.capabilities,
      this.db.insertInto('users').values({
        upn: null,
        display_name: displayName.slice(0, USER_SIP_URI_MAX),
        entra_object_id: null,
        sip_uri: party.kind === 'sip' ? party.value.toLowerCase() : null,
        department_id: departmentId,
        site_id: site.id,
        anonymous: 1,
        created_at: this.now(),
      }),
    );
    if (party.kind !== 'sip')
      await this.setNumber({ userId: id, siteId: site.id, kind: party.kind, number: party.value });
    return id;
  }

  /** The user with this id, if any. */
  async get(id: number): Promise<User | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toUser(row);
  }

  /** Gives a number or extension to a user, taking it from whoever had it at that site. */
  async setNumber(number: UserNumber): Promise<void> {
    const existing = await this.db
      .selectFrom('user_numbers')
      .select('id')
      .where('site_id', '=', number.siteId)
      .where('number', '=', number.number)
      .executeTakeFirst();
    const row = { user_id: number.userId, site_id: number.siteId, kind: number.kind, number: number.number };
    if (existing) await this.db.updateTable('user_numbers').set(row).where('id', '=', existing.id).execute();
    else await this.db.insertInto('user_numbers').values(row).execute();
  }

  /** All users, by display name. */
  async list(): Promise<User[]> {
    const rows = await this.db
      .selectFrom('users')
      .selectAll()
      .orderBy('display_name')
      .orderBy('id')
      .execute();
    return rows.map(toUser);
  }

  /** Every number and extension, for building the miner's lookup tables in one read. */
  async listNumbers(): Promise<UserNumber[]> {
    const rows = await this.db.selectFrom('user_numbers').selectAll().orderBy('id').execute();
    return rows.map((row) => ({
      userId: Number(row.user_id),
      siteId: Number(row.site_id),
      kind: row.kind,
      number: row.number,
    }));
  }

  /** The user with this UPN (case-insensitive), if any. */
  async findByUpn(upn: string): Promise<User | undefined> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('upn', '=', upn.toLowerCase())
      .executeTakeFirst();
    return row && toUser(row);
  }

  /**
   * The user with this Entra ID object id (written in lower or upper case), if any: who a
   * signed-in person is.
   */
  async findByEntraObjectId(objectId: string): Promise<User | undefined> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('entra_object_id', 'in', [
        ...new Set([objectId, objectId.toLowerCase(), objectId.toUpperCase()]),
      ])
      .executeTakeFirst();
    return row && toUser(row);
  }

  /**
   * The first named user (by display name) with at least one call, optionally only in some
   * departments or other than some users: someone worth signing in as in the demo.
   */
  async findFirstWithCalls(
    filter: { departmentIds?: readonly number[]; exceptUserIds?: readonly number[] } = {},
  ): Promise<User | undefined> {
    let query = this.db
      .selectFrom('users')
      .selectAll()
      .where('anonymous', '=', 0)
      .where('upn', 'is not', null)
      .where((eb) =>
        eb.exists(eb.selectFrom('calls').select('calls.id').whereRef('calls.user_id', '=', 'users.id')),
      );
    if (filter.departmentIds !== undefined) {
      if (filter.departmentIds.length === 0) return undefined;
      query = query.where('department_id', 'in', [...filter.departmentIds]);
    }
    if (filter.exceptUserIds !== undefined && filter.exceptUserIds.length > 0)
      query = query.where('id', 'not in', [...filter.exceptUserIds]);
    const row = await query.orderBy('display_name').orderBy('id').executeTakeFirst();
    return row && toUser(row);
  }

  /** The user with this SIP URI (case-insensitive, with or without "sip:"), if any. */
  async findBySipUri(uri: string): Promise<User | undefined> {
    const normalized = uri.toLowerCase().replace(/^sip:/, '');
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('sip_uri', 'in', [normalized, `sip:${normalized}`])
      .executeTakeFirst();
    return row && toUser(row);
  }

  /** Takes the SIP address from a user (an anonymous one, when a named person turns out to have it). */
  async releaseSipUri(id: number): Promise<void> {
    await this.db.updateTable('users').set({ sip_uri: null }).where('id', '=', id).execute();
  }

  /** The user who has this number or extension at the site (or anywhere, for E.164 numbers). */
  async findByNumber(number: string, siteId: number | null): Promise<User | undefined> {
    let query = this.db
      .selectFrom('user_numbers')
      .innerJoin('users', 'users.id', 'user_numbers.user_id')
      .selectAll('users')
      .where('user_numbers.number', '=', number);
    if (siteId !== null && !number.startsWith('+')) query = query.where('user_numbers.site_id', '=', siteId);
    const row = await query.orderBy('user_numbers.id').executeTakeFirst();
    return row && toUser(row);
  }

  /** Changes the named user with this id (its UPN too). */
  async update(id: number, user: UserInput): Promise<void> {
    await this.db
      .updateTable('users')
      .set({
        upn: user.upn.toLowerCase(),
        display_name: user.displayName,
        entra_object_id: user.entraObjectId,
        sip_uri: user.sipUri?.toLowerCase() ?? null,
        department_id: user.departmentId,
        site_id: user.siteId,
        anonymous: 0,
      })
      .where('id', '=', id)
      .execute();
  }

  /** Removes the user with this id and their numbers; check for their calls first. */
  async delete(id: number): Promise<void> {
    await this.db.deleteFrom('user_numbers').where('user_id', '=', id).execute();
    await this.db.deleteFrom('users').where('id', '=', id).execute();
  }

  /**
   * Users by display name a page at a time, optionally only those whose name or UPN contains
   * `search` (any letter case), with how many match in all.
   */
  async page(options: { search?: string; offset: number; limit: number }): Promise<{
    users: User[];
    total: number;
  }> {
    const pattern = options.search ? `%${options.search.toLowerCase().replace(/[%_[\\]/g, '')}%` : null;
    let query = this.db.selectFrom('users');
    if (pattern !== null)
      query = query.where((eb) =>
        eb.or([
          eb(eb.fn('lower', ['display_name']), 'like', pattern),
          eb(eb.fn('lower', ['upn']), 'like', pattern),
        ]),
      );
    const total = await query.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirst();
    const rows = await limitRows(
      query.selectAll().orderBy('display_name').orderBy('id'),
      this.adapter.capabilities,
      options.limit,
      options.offset,
    ).execute();
    return { users: rows.map(toUser), total: Number(total?.count ?? 0) };
  }

  /** Named users who already hold this UPN, SIP URI or Entra object id (any letter case). */
  async holdersOf(identity: {
    upn: string;
    sipUri: string | null;
    entraObjectId: string | null;
  }): Promise<User[]> {
    const rows = await this.db
      .selectFrom('users')
      .selectAll()
      .where((eb) => {
        const matches = [eb('upn', '=', identity.upn.toLowerCase())];
        if (identity.sipUri !== null) matches.push(eb('sip_uri', '=', identity.sipUri.toLowerCase()));
        if (identity.entraObjectId !== null) {
          const id = identity.entraObjectId;
          matches.push(eb('entra_object_id', 'in', [...new Set([id, id.toLowerCase(), id.toUpperCase()])]));
        }
        return eb.or(matches);
      })
      .where('anonymous', '=', 0)
      .orderBy('id')
      .execute();
    return rows.map(toUser);
  }

  /** A user's numbers and extensions, with their ids. */
  async numbersOf(userId: number): Promise<StoredUserNumber[]> {
    const rows = await this.db
      .selectFrom('user_numbers')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('id')
      .execute();
    return rows.map(toStoredNumber);
  }

  /** Who holds a number: an E.164 number at any site, an extension at `siteId`. */
  async numberHolders(number: string, siteId: number): Promise<StoredUserNumber[]> {
    let query = this.db.selectFrom('user_numbers').selectAll().where('number', '=', number);
    if (!number.startsWith('+')) query = query.where('site_id', '=', siteId);
    return (await query.orderBy('id').execute()).map(toStoredNumber);
  }

  /** Takes away the number or extension with this id. */
  async removeNumber(numberId: number): Promise<void> {
    await this.db.deleteFrom('user_numbers').where('id', '=', numberId).execute();
  }
}

/** A stored number or extension, with the id it is removed by. */
export interface StoredUserNumber extends UserNumber {
  id: number;
}

function toStoredNumber(row: Selectable<UserNumberTable>): StoredUserNumber {
  return {
    id: Number(row.id),
    userId: Number(row.user_id),
    siteId: Number(row.site_id),
    kind: row.kind,
    number: row.number,
  };
}

function toUser(row: Selectable<UserTable>): User {
  return {
    id: Number(row.id),
    upn: row.upn,
    displayName: row.display_name,
    entraObjectId: row.entra_object_id,
    sipUri: row.sip_uri,
    departmentId: row.department_id === null ? null : Number(row.department_id),
    siteId: row.site_id === null ? null : Number(row.site_id),
    anonymous: Number(row.anonymous) === 1,
  };
}
