import type { Party } from '../domain/call-record.js';
import type { DialPlan } from '../domain/dial-plan.js';
import { LRUCache } from 'lru-cache';
import { compileDialPlan, type CompiledDialPlan } from './compiled-dial-plan.js';
import { classifyNumber, type ClassifiedNumber } from './destination-classifier.js';
import { readParty } from './number-normalizer.js';

/** A site the classifier was not given a dial plan for. */
export class UnknownSiteError extends Error {
  override readonly name = 'UnknownSiteError';

  constructor(readonly site: string) {
    super(`no dial plan for site "${site}"`);
  }
}

/** Options of a NumberClassifier. */
export interface NumberClassifierOptions {
  /** Cached results per site (least recently used evicted first). Default 50,000. */
  cacheSizePerSite?: number;
}

interface SiteNumbers {
  readonly plan: CompiledDialPlan;
  readonly cache: LRUCache<string, ClassifiedNumber>;
}

const DEFAULT_CACHE_SIZE_PER_SITE = 50_000;

/**
 * Normalizes and classifies parties for the miner with the sites' dial plans, caching each result
 * per (site, raw text): a day of calls dials the same few thousand numbers over and over, and a
 * cache hit returns the stored, frozen result without parsing or allocating. Memory is bounded
 * by sites × `cacheSizePerSite`. One instance per mining run; no state outside it.
 */
export class NumberClassifier {
  private readonly sites = new Map<string, SiteNumbers>();

  /** Compiles every plan now: a bad plan throws DialPlanError before any call is read. */
  constructor(dialPlans: ReadonlyMap<string, DialPlan>, options: NumberClassifierOptions = {}) {
    const size = options.cacheSizePerSite ?? DEFAULT_CACHE_SIZE_PER_SITE;
    for (const [site, plan] of dialPlans) {
      this.sites.set(site, { plan: compileDialPlan(plan), cache: new LRUCache({ max: size }) });
    }
  }

  /** Classifies one raw party text (number or URI) dialled or presented at `site`. */
  classify(site: string, raw: string): ClassifiedNumber {
    return this.classifyCached(raw, this.siteNumbers(site));
  }

  /** Classifies a CallRecord party: its number first, its URI when the number is missing or unreadable. */
  classifyParty(site: string, party: Party): ClassifiedNumber {
    return readParty(party, this.classifyCached, this.siteNumbers(site));
  }

  /** Results cached now, over all sites. */
  get cachedCount(): number {
    let count = 0;
    for (const { cache } of this.sites.values()) count += cache.size;
    return count;
  }

  private siteNumbers(site: string): SiteNumbers {
    const numbers = this.sites.get(site);
    if (numbers === undefined) throw new UnknownSiteError(site);
    return numbers;
  }

  // An arrow property, bound once, so classifyParty passes it without allocating a closure.
  private readonly classifyCached = (raw: string, { plan, cache }: SiteNumbers): ClassifiedNumber => {
    const cached = cache.get(raw);
    if (cached !== undefined) return cached;
    const result = deepFreeze(classifyNumber(raw, plan));
    cache.set(raw, result);
    return result;
  };
}

function deepFreeze(result: ClassifiedNumber): ClassifiedNumber {
  Object.freeze(result.normalized);
  return Object.freeze(result);
}
