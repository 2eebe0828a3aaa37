import type { Site } from '../domain/site.js';
import type { User, UserNumber } from '../domain/user.js';
import type { NormalizedNumber } from './number-normalizer.js';

/**
 * Users by SIP address, public number and site extension, held in memory so resolving the parties
 * of a million calls costs map lookups, not queries. Anonymous users created while mining are
 * added as they are made.
 */
export class DirectoryIndex {
  private readonly bySipUser = new Map<string, User>();
  private readonly bySipText = new Map<string, User | null>();
  private readonly byE164 = new Map<string, User>();
  private readonly byExtension = new Map<string, User>();
  private readonly users = new Map<number, User>();

  constructor(users: readonly User[], numbers: readonly UserNumber[]) {
    for (const user of users) this.addUser(user);
    for (const number of numbers) this.addNumber(number);
  }

  /** Registers a user (and its SIP address) in the index. */
  addUser(user: User): void {
    this.bySipText.clear();
    this.users.set(user.id, user);
    if (user.sipUri) this.bySipUser.set(sipUserOf(user.sipUri), user);
  }

  /** Registers a number or extension of a user already in the index. */
  addNumber(number: UserNumber): void {
    const user = this.users.get(number.userId);
    if (!user) return;
    if (number.kind === 'e164') this.byE164.set(number.number, user);
    else this.byExtension.set(extensionKey(number.siteId, number.number), user);
  }

  /** The user a normalized party is, at `siteId` for extensions; undefined when nobody is. */
  find(party: NormalizedNumber, siteId: number | null): User | undefined {
    switch (party.kind) {
      case 'sip-user':
        return this.bySipUser.get(party.user);
      case 'e164':
        // A number with an extension of the site is that extension's phone (a common-area phone
        // behind the switchboard number is not the switchboard's owner).
        if (party.extension !== null && siteId !== null)
          return this.byExtension.get(extensionKey(siteId, party.extension));
        return this.byE164.get(party.e164);
      case 'extension':
        return siteId === null ? undefined : this.byExtension.get(extensionKey(siteId, party.extension));
      default:
        return undefined;
    }
  }

  /** The user with a SIP address (with or without "sip:", any case). */
  findBySipUri(uri: string): User | undefined {
    // The same few hundred addresses come again and again: remember each raw form once read.
    let found = this.bySipText.get(uri);
    if (found === undefined) {
      found = this.bySipUser.get(sipUserOf(uri)) ?? null;
      if (this.bySipText.size > 100_000) this.bySipText.clear();
      this.bySipText.set(uri, found);
    }
    return found ?? undefined;
  }
}

/** Sites by id and by code, and the one to use when a call says nothing about its site. */
export interface SiteDirectory {
  byId: ReadonlyMap<number, Site>;
  byCode: ReadonlyMap<string, Site>;
  /** Every site, by code. */
  all: readonly Site[];
  /** The only site, or the first by code when there are several. */
  fallback: Site | null;
}

/** Indexes sites for the miner. */
export function siteDirectory(sites: readonly Site[]): SiteDirectory {
  const all = [...sites].sort((a, b) => a.code.localeCompare(b.code));
  return {
    byId: new Map(sites.map((site) => [site.id, site])),
    byCode: new Map(sites.map((site) => [site.code, site])),
    all,
    fallback: all[0] ?? null,
  };
}

function sipUserOf(uri: string): string {
  return uri
    .trim()
    .toLowerCase()
    .replace(/^sips?:/, '')
    .replace(/;.*$/, '');
}

function extensionKey(siteId: number, extension: string): string {
  return `${siteId}|${extension}`;
}
