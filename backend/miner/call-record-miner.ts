import type { CallRecord, Party } from '../domain/call-record.js';
import type { RatedCall, RatingStatus } from '../domain/rated-call.js';
import type { Site } from '../domain/site.js';
import { USER_SIP_URI_MAX, type User } from '../domain/user.js';
import type { ZoneClock } from '../domain/zone-clock.js';
import type { CompiledTariff } from '../rating/compiled-tariff.js';
import { rateCall } from '../rating/rate-call.js';
import { routeCall, type RoutingRule } from '../rating/routing-rule.js';
import type { ClassifiedNumber } from './destination-classifier.js';
import type { DirectoryIndex, SiteDirectory } from './directory-index.js';
import type { NumberClassifier } from './number-classifier.js';
import { normalizedText, type NormalizedNumber } from './number-normalizer.js';

/** Everything the miner looks things up in, loaded once per mining pass. */
export interface MiningTables {
  directory: DirectoryIndex;
  sites: SiteDirectory;
  classifier: NumberClassifier;
  clocks: ReadonlyMap<number, ZoneClock>;
  /** In the order routeCall tries them. */
  routing: readonly RoutingRule[];
  tariffs: ReadonlyMap<number, readonly CompiledTariff[]>;
}

/** A party nobody in the directory is: the miner creates an anonymous user for it, then mines again. */
export interface UnknownParty {
  kind: 'extension' | 'e164' | 'sip';
  value: string;
  site: Site;
}

/** What mining one record gave: the rated call, or the party that must become a user first. */
export type MinedRecord = { kind: 'call'; call: RatedCall } | { kind: 'unknown-party'; party: UnknownParty };

/**
 * Mines one CallRecord: finds whose call it is (the caller, or the callee of an inbound call) and
 * their site, classifies the other party with that site's dial plan, picks the carrier and rates
 * outbound calls; inbound, internal and emergency calls are free. Synchronous and without I/O.
 * With `unknownParties: 'ignore'` a call of nobody known is mined without a user instead of
 * asking for an anonymous one (for dry runs that write nothing).
 */
export function mineCallRecord(
  record: CallRecord,
  tables: MiningTables,
  options: { unknownParties: 'report' | 'ignore' } = { unknownParties: 'report' },
): MinedRecord {
  const inbound = record.direction === 'inbound';
  const ownerParty = inbound ? record.callee : record.caller;
  const otherParty = inbound ? record.caller : record.callee;

  const found = findOwner(record, ownerParty, tables);
  const site = found.site;
  const { owner, user } = found;
  if (user === undefined) {
    const unknown = options.unknownParties === 'report' ? unknownParty(owner.normalized, site) : null;
    if (unknown) return { kind: 'unknown-party', party: unknown };
  }
  // The call is the user's (their site, their local day), but it went out where the record says:
  // that site's dial plan reads the number, its routes pick the carrier, its clock picks the band.
  const through = (record.site ? tables.sites.byCode.get(record.site) : undefined) ?? site;

  const other = tables.classifier.classifyParty(through.code, otherParty);
  const clock = tables.clocks.get(site.id) as ZoneClock;
  const local = clock.localTime(Date.parse(record.startedAt));
  const external = other.normalized.kind === 'e164' ? other.normalized.e164 : null;
  // A PSTN caller that reads as one of ours (a SIP address, no number) has withheld its number.
  const destClass =
    record.direction === 'internal'
      ? 'internal'
      : inbound && other.destClass === 'internal'
        ? 'unknown'
        : other.destClass;
  const callerText = normalizedText(inbound ? other.normalized : owner.normalized);
  const calleeText = normalizedText(inbound ? owner.normalized : other.normalized);

  const call: RatedCall = {
    source: record.source,
    sourceId: record.sourceId,
    startedAt: Date.parse(record.startedAt),
    answeredAt: record.answeredAt === null ? null : Date.parse(record.answeredAt),
    endedAt: Date.parse(record.endedAt),
    durationSec: record.durationSec,
    ringSec: record.ringSec,
    direction: record.direction,
    answered: record.answered,
    responseCode: record.responseCode,
    caller: record.caller,
    callee: record.callee,
    trunk: record.trunk,
    sourceSite: record.site ?? null,
    callerNormalized: callerText,
    calleeNormalized: calleeText,
    userId: user?.id ?? null,
    departmentId: user?.departmentId ?? null,
    siteId: site.id,
    carrierId: null,
    planId: null,
    rateId: null,
    destNumber: external,
    destClass,
    destCountry: destClass === 'internal' ? null : other.country,
    label: null,
    cost: 0,
    currency: null,
    billedSec: 0,
    ratingStatus: 'free',
    ratingReason: null,
    localDay: local.day,
    localHour: local.hour,
    localWeekday: local.weekday,
  };
  priceCall(call, through, tables);
  return { kind: 'call', call };
}

/**
 * Whose call it is and at which site. A known SIP address settles it; otherwise the party's number
 * is read with the call's site dial plan, or, when the call names no site, with each site's in
 * turn (an extension means something only at its own site).
 */
function findOwner(
  record: CallRecord,
  party: Party,
  tables: MiningTables,
): { site: Site; owner: ClassifiedNumber; user: User | undefined } {
  const named = record.site ? tables.sites.byCode.get(record.site) : undefined;
  const bySip = party.uri ? tables.directory.findBySipUri(party.uri) : undefined;
  if (bySip) {
    const home =
      (bySip.siteId !== null && tables.sites.byId.get(bySip.siteId)) ||
      named ||
      (tables.sites.fallback as Site);
    return { site: home, owner: tables.classifier.classifyParty(home.code, party), user: bySip };
  }
  const candidates = named ? [named] : tables.sites.all;
  let first: { site: Site; owner: ClassifiedNumber } | null = null;
  let extensionSite: { site: Site; owner: ClassifiedNumber } | null = null;
  for (const site of candidates) {
    const owner = tables.classifier.classifyParty(site.code, party);
    first ??= { site, owner };
    const user = tables.directory.find(owner.normalized, site.id);
    if (user) {
      const home = (user.siteId !== null && tables.sites.byId.get(user.siteId)) || site;
      return {
        site: home,
        owner: home === site ? owner : tables.classifier.classifyParty(home.code, party),
        user,
      };
    }
    const kind = owner.normalized.kind;
    if (
      !extensionSite &&
      (kind === 'extension' || (kind === 'e164' && owner.normalized.extension !== null))
    ) {
      extensionSite = { site, owner };
    }
  }
  const chosen = extensionSite ?? (first as { site: Site; owner: ClassifiedNumber });
  return { ...chosen, user: undefined };
}

/**
 * Fills the carrier, plan, rate and cost of a call from the site it went out through, its trunk
 * and destination (or says why it is free or unrated), with the plan in force when it started.
 * Mining and re-rating share it.
 */
export function priceCall(call: RatedCall, site: Site, tables: MiningTables): void {
  Object.assign(call, {
    carrierId: null,
    planId: null,
    rateId: null,
    label: null,
    cost: 0,
    currency: null,
    billedSec: 0,
  });
  const free = (reason: string) => setStatus(call, 'free', reason);
  if (call.direction !== 'outbound')
    return free(call.direction === 'inbound' ? 'inbound call' : 'internal call');
  if (call.destClass === 'internal') return free('internal call');
  if (call.destClass === 'emergency') return free('emergency call');

  const carrierId = routeCall(tables.routing, {
    siteId: site.id,
    trunk: call.trunk,
    number: call.destNumber,
  });
  if (carrierId === null) {
    return setStatus(
      call,
      'unrated',
      `no routing rule for site ${site.code}${call.trunk ? `, trunk ${call.trunk}` : ''}`,
    );
  }
  call.carrierId = carrierId;
  const result = rateCall(
    {
      startedAt: call.startedAt,
      answeredAt: call.answeredAt,
      answered: call.answered,
      durationSec: call.durationSec,
      number: call.destNumber,
      destClass: call.destClass,
      country: call.destCountry,
    },
    tables.tariffs.get(carrierId) ?? [],
    tables.clocks.get(site.id) as ZoneClock,
  );
  if (result.status === 'unrated') return setStatus(call, 'unrated', `${result.reason}: ${result.detail}`);
  call.planId = result.planId;
  call.rateId = result.rateId;
  call.label = result.rateLabel;
  call.cost = result.cost;
  call.currency = result.currency;
  call.billedSec = result.billedSec;
  setStatus(call, 'rated', null);
}

function setStatus(call: RatedCall, status: RatingStatus, reason: string | null): void {
  call.ratingStatus = status;
  call.ratingReason = reason;
}

function unknownParty(normalized: NormalizedNumber, site: Site): UnknownParty | null {
  switch (normalized.kind) {
    case 'extension':
      return { kind: 'extension', value: normalized.extension, site };
    case 'e164':
      return normalized.extension !== null
        ? { kind: 'extension', value: normalized.extension, site }
        : { kind: 'e164', value: normalized.e164, site };
    case 'sip-user':
      // An address too long for the directory's column is no one's to name: the call has no user.
      return normalized.user.length + 4 > USER_SIP_URI_MAX
        ? null
        : { kind: 'sip', value: `sip:${normalized.user}`, site };
    default:
      // Nothing to name a user by (a blank, short or unreadable party): the call has no user.
      return null;
  }
}
