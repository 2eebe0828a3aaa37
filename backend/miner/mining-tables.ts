import type { Repositories } from '../db/repositories.js';
import { LedgerlineError } from '../domain/errors.js';
import type { Site } from '../domain/site.js';
import { ZoneClock } from '../domain/zone-clock.js';
import { compileTariff, type CompiledTariff } from '../rating/compiled-tariff.js';
import { orderRoutingRules } from '../rating/routing-rule.js';
import type { MiningTables } from './call-record-miner.js';
import { DirectoryIndex, siteDirectory } from './directory-index.js';
import { NumberClassifier } from './number-classifier.js';

/** Code of the department anonymous users are put in until someone assigns them. */
export const UNASSIGNED_DEPARTMENT = 'UNASSIGNED';

/**
 * Loads what mining looks things up in, from one consistent read of the database. Keeps the number
 * classifier (and its cache) from one load to the next while the sites' dial plans are unchanged.
 */
export class MiningTablesLoader {
  private classifier: { key: string; classifier: NumberClassifier } | null = null;

  /** Everything mineCallRecord needs; refuses to mine with no sites, naming the fix. */
  async load(repos: Repositories): Promise<MiningTables> {
    const [sites, users, numbers, rules, carriers] = await Promise.all([
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
    const tariffs = new Map<number, CompiledTariff[]>();
    for (const carrier of carriers) {
      tariffs.set(carrier.id, (await repos.tariffPlans.plansOf(carrier.id)).map(compileTariff));
    }
    return {
      directory: new DirectoryIndex(users, numbers),
      sites: siteDirectory(sites),
      classifier: this.classifierFor(sites),
      clocks: new Map(sites.map((site) => [site.id, new ZoneClock(site.timeZone)])),
      routing: orderRoutingRules(rules),
      tariffs,
    };
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
