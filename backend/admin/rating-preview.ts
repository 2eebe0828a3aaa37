import type { Database } from '../db/database.js';
import { repositoriesFor } from '../db/repositories.js';
import type { CallRecord } from '../domain/call-record.js';
import type { DestinationClass } from '../domain/destination-class.js';
import { LedgerlineError } from '../domain/errors.js';
import { formatMoney, type Micro } from '../domain/money.js';
import type { ZoneClock } from '../domain/zone-clock.js';
import { mineCallRecord } from '../miner/call-record-miner.js';
import { MiningTablesBuilder } from '../miner/mining-tables.js';
import { tariffInForce } from '../rating/compiled-tariff.js';
import { rateCall, type RatedBand } from '../rating/rate-call.js';
import { requireAdmin, type AdminActor } from './admin-actor.js';

/** A sample outbound call: where it is made, what is dialled (as the PBX records it), when and how long. */
export interface SampleCall {
  siteId: number;
  number: string;
  /** Epoch ms. */
  startedAt: number;
  durationSec: number;
  trunk: string | null;
  answered: boolean;
}

/** How the miner would price the sample call: its class, carrier, plan, rate and cost. */
export interface RatingPreview {
  site: { id: number; code: string };
  /** The dialled number as the site's dial plan reads it (E.164 when external). */
  normalized: string | null;
  destClass: DestinationClass;
  destCountry: string | null;
  status: 'rated' | 'unrated' | 'free';
  /** Why it is unrated or free. */
  reason: string | null;
  carrier: { id: number; code: string; name: string } | null;
  plan: { id: number | null; name: string; activeFrom: number } | null;
  rate: {
    id: number | null;
    label: string;
    matchedBy: 'prefix' | 'class';
    prefix: string | null;
    destClass: string | null;
    country: string | null;
  } | null;
  cost: Micro;
  /** `cost` as a decimal amount with its currency, e.g. `0.0400 EUR`. */
  costText: string;
  currency: string | null;
  billedSec: number;
  /** The cost's parts per time band (a call crossing a band edge is split). */
  bands: RatedBand[];
}

/**
 * Prices a sample call exactly as mining would, with today's dial plans, routing and tariffs
 * (the plan in force when it starts), and writes nothing: for checking a tariff or a route
 * before calls arrive, or after importing a deck.
 */
export class RatingPreviewer {
  constructor(private readonly database: Database) {}

  /** The preview of one sample call; invalid input if the site is unknown. */
  async preview(actor: AdminActor, sample: SampleCall): Promise<RatingPreview> {
    requireAdmin(actor);
    const repos = repositoriesFor(this.database.kysely, this.database);
    const site = await repos.sites.get(sample.siteId);
    if (!site) throw new LedgerlineError('invalid-input', `siteId: no site ${sample.siteId}`);
    const tables = await new MiningTablesBuilder().load(repos);
    const startedAt = new Date(sample.startedAt).toISOString();
    const answeredAt = sample.answered ? startedAt : null;
    const record: CallRecord = {
      v: 1,
      source: 'preview',
      sourceId: 'preview',
      startedAt,
      answeredAt,
      endedAt: new Date(sample.startedAt + (sample.answered ? sample.durationSec * 1000 : 0)).toISOString(),
      durationSec: sample.answered ? sample.durationSec : 0,
      ringSec: 0,
      direction: 'outbound',
      answered: sample.answered,
      responseCode: sample.answered ? 200 : 487,
      caller: { uri: null, number: null },
      callee: { uri: null, number: sample.number },
      trunk: sample.trunk,
      site: site.code,
    };
    const mined = mineCallRecord(record, tables, { unknownParties: 'ignore' });
    if (mined.kind !== 'call') throw new Error('a preview never asks for an unknown party');
    const call = mined.call;
    const carrier = call.carrierId === null ? undefined : await repos.carriers.get(call.carrierId);
    const tariffs = call.carrierId === null ? [] : (tables.tariffs.get(call.carrierId) ?? []);
    const rated =
      call.ratingStatus === 'rated'
        ? rateCall(
            {
              startedAt: call.startedAt,
              answeredAt: call.answeredAt,
              answered: call.answered,
              durationSec: call.durationSec,
              number: call.destNumber,
              destClass: call.destClass,
              country: call.destCountry,
            },
            tariffs,
            tables.clocks.get(site.id) as ZoneClock,
          )
        : null;
    const plan = rated?.status === 'rated' ? tariffInForce(tariffs, call.startedAt)?.plan : undefined;
    const rate = plan?.rates.find((candidate) => candidate.id === call.rateId);
    return {
      site: { id: site.id, code: site.code },
      normalized: call.calleeNormalized,
      destClass: call.destClass,
      destCountry: call.destCountry,
      status: call.ratingStatus,
      reason: call.ratingReason,
      carrier: carrier ?? null,
      plan: plan ? { id: plan.id ?? null, name: plan.name, activeFrom: plan.activeFrom } : null,
      rate:
        rated?.status === 'rated'
          ? {
              id: rated.rateId,
              label: rated.rateLabel,
              matchedBy: rated.matchedBy,
              prefix: rate?.prefix ?? null,
              destClass: rate?.destClass ?? null,
              country: rate?.country ?? null,
            }
          : null,
      cost: call.cost,
      costText: call.currency ? `${formatMoney(call.cost)} ${call.currency}` : formatMoney(call.cost),
      currency: call.currency,
      billedSec: call.billedSec,
      bands: rated?.status === 'rated' ? rated.bands : [],
    };
  }
}
