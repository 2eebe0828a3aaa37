import type { Repositories } from '../db/repositories.js';
import { LedgerlineError } from '../domain/errors.js';
import type { Site } from '../domain/site.js';
import type { User, UserNumber } from '../domain/user.js';
import { ZoneClock } from '../domain/zone-clock.js';
import { compileTariff, type CompiledTariff } from '../rating/compiled-tariff.js';
import { orderRoutingRules, type RoutingRule } from '../rating/routing-rule.js';
import type { TariffPlan } from '../rating/tariff-plan.js';
import type { MiningTables } from './call-record-miner.js';
import { DirectoryIndex, siteDirectory } from './directory-index.js';
import { NumberClassifier } from './number-classifier.js';

/** Code of the department anonymous users are put in until someone assigns them. */
export const UNASSIGNED_DEPARTMENT = 'UNASSIGNED';

/** What mining needs from the database, as plain data (it can be sent to a worker thread). */
export interface MiningData {
  sites: Site[];
  users: User[];
  numbers: UserNumber[];
  routingRules: RoutingRule[];
  plans: { carrierId: number; plans: TariffPlan[] }[];
}

/** Reads what mining needs in one go; refuses to mine with no sites, naming the fix. */
export async function loadMiningData(repos: Repositories): Promise<MiningData> {
  const [sites, users, numbers, routingRules, carriers] = await Promise.all([
    repos.sites.list(),
    repos.users.list(),
    repos.users.listNumbers(),
    repos.routingRules.list(),
    repos.carriers.list(),
  ]);
  if (sites.length === 0) {
    throw new LedgerlineError(
      'configuration',
      'there are no sites in the directory: import them first (ledgerline directory import --sites sites.csv)',
    );
  }
  const plans: MiningData['plans'] = [];
  for (const carrier of carriers)
    plans.push({ carrierId: carrier.id, plans: await repos.tariffPlans.plansOf(carrier.id) });
  return { sites, users, numbers, routingRules, plans };
}

/**
 * Builds the lookup tables mining uses from plain data. Keeps the number classifier (and its
 * cache) from one build to the next while the sites' dial plans are unchanged.
 */
export class MiningTablesBuilder {
  private classifier: { key: string; classifier: NumberClassifier } | null = null;

  /** The tables for `data`. */
  build(data: MiningData): MiningTables {
    return {
      directory: new DirectoryIndex(data.users, data.numbers),
      sites: siteDirectory(data.sites),
      classifier: this.classifierFor(data.sites),
      clocks: new Map(data.sites.map((site) => [site.id, new ZoneClock(site.timeZone)])),
      routing: orderRoutingRules(data.routingRules),
      tariffs: new Map<number, CompiledTariff[]>(
        data.plans.map(({ carrierId, plans }) => [carrierId, plans.map(compileTariff)]),
      ),
    };
  }

  /** Loads and builds in one step, for callers in the same thread as the database. */
  async load(repos: Repositories): Promise<MiningTables> {
    return this.build(await loadMiningData(repos));
  }

  private classifierFor(sites: readonly Site[]): NumberClassifier {
    const key = JSON.stringify(sites.map((site) => [site.code, site.dialPlan]));
    if (this.classifier?.key !== key) {
      this.classifier = {
        key,
        classifier: new NumberClassifier(new Map(sites.map((site) => [site.code, site.dialPlan]))),
      };
    }
    return this.classifier.classifier;
  }
}

/** The id of the "Unassigned" department, created the first time it is needed. */
export async function unassignedDepartmentId(repos: Repositories): Promise<number> {
  const existing = await repos.departments.findByCode(UNASSIGNED_DEPARTMENT);
  if (existing) return existing.id;
  return repos.departments.save({
    code: UNASSIGNED_DEPARTMENT,
    name: 'Unassigned',
    parentId: null,
    costCenter: null,
    supervisorGroupId: null,
  });
}
