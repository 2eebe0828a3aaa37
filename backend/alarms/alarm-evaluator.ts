import type { Database } from '../db/database.js';
import { inTransaction, repositoriesFor, type Repositories } from '../db/repositories.js';
import { raiseAlarms } from './alarm-raiser.js';
import { storedAlarmRule, type AlarmRule, type AlarmRuleKind } from './alarm-rule.js';
import { anomalyAlarms, budgetAlarms } from './aggregate-alarms.js';
import { healthAlarm, healthFindings, type HealthContext } from './health-alarms.js';

/** Kinds checked on a timer rather than while mining. */
export const SCHEDULED_KINDS: readonly AlarmRuleKind[] = ['budget', 'anomaly', 'health'];

/** Where the evaluator says what it did and what failed (the CLI's Reporter fits). */
export interface AlarmLog {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** What one evaluation did. */
export interface EvaluationOutcome {
  rules: number;
  raised: number;
  resolved: number;
  /** Rules that could not be evaluated, with why (the others went on). */
  failed: { ruleId: number; error: string }[];
}

/** What the aggregate and health rules need besides the database. */
export interface EvaluationOptions extends Partial<HealthContext> {
  log?: AlarmLog;
}

/**
 * Evaluates every enabled budget, anomaly and health rule once, at `now`: each rule in its own
 * transaction, so its alarms and their outbox messages commit together; a rule that fails is
 * reported and the others go on.
 */
export async function evaluateAggregateRules(
  database: Database,
  now: number,
  options: EvaluationOptions = {},
): Promise<EvaluationOutcome> {
  const stored = await repositoriesFor(database.kysely, database).alarmRules.list({
    enabledOnly: true,
    kinds: SCHEDULED_KINDS,
  });
  const outcome: EvaluationOutcome = { rules: stored.length, raised: 0, resolved: 0, failed: [] };
  for (const row of stored) {
    try {
      const rule = storedAlarmRule(row);
      const done = await inTransaction(database, (repos) =>
        evaluateRule(repos, rule, now, { spoolDir: options.spoolDir ?? null }),
      );
      outcome.raised += done.raised;
      outcome.resolved += done.resolved;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      outcome.failed.push({ ruleId: row.id, error: message });
      options.log?.error(`alarm rule ${row.id} (${row.name}) could not be evaluated: ${message}`);
    }
  }
  return outcome;
}

async function evaluateRule(
  repos: Repositories,
  rule: AlarmRule,
  now: number,
  context: HealthContext,
): Promise<{ raised: number; resolved: number }> {
  switch (rule.kind) {
    case 'budget':
      return {
        raised: (await raiseAlarms(repos, rule, await budgetAlarms(repos, rule.definition, now), now)).length,
        resolved: 0,
      };
    case 'anomaly':
      return {
        raised: (await raiseAlarms(repos, rule, await anomalyAlarms(repos, rule.definition, now), now))
          .length,
        resolved: 0,
      };
    case 'health': {
      let raised = 0;
      let resolved = 0;
      for (const finding of await healthFindings(repos, rule.definition, now, context)) {
        if (!finding.failing) {
          if (finding.cleared ?? true)
            resolved += await repos.alarms.resolve(rule.id, finding.subjectKey, now);
          continue;
        }
        if (await repos.alarms.hasUnresolved(rule.id, finding.subjectKey)) continue;
        const episode = await repos.alarms.countFor(rule.id, finding.subjectKey);
        raised += (await raiseAlarms(repos, rule, [healthAlarm(finding, episode)], now)).length;
      }
      return { raised, resolved };
    }
    default:
      return { raised: 0, resolved: 0 };
  }
}

/** What the scheduled evaluator runs on. */
export interface AlarmEvaluatorSetup {
  database: Database;
  now: () => number;
  intervalMs: number;
  /** The miner's spool folder, for the backlog health check. */
  spoolDir?: string | null;
  reporter?: AlarmLog;
}

/**
 * Evaluates the aggregate and health rules every `intervalMs` (the first time at once) until
 * stopped; `stop()` waits for an evaluation under way to finish.
 */
export function startAlarmEvaluator(setup: AlarmEvaluatorSetup): { stop(): Promise<void> } {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const pass = async () => {
    const outcome = await evaluateAggregateRules(setup.database, setup.now(), {
      spoolDir: setup.spoolDir ?? null,
      ...(setup.reporter ? { log: setup.reporter } : {}),
    }).catch((error: unknown) => {
      setup.reporter?.error(
        `alarm evaluation failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      return null;
    });
    if (outcome && (outcome.raised > 0 || outcome.resolved > 0))
      setup.reporter?.info('alarms evaluated', { raised: outcome.raised, resolved: outcome.resolved });
  };
  const tick = () => {
    running = pass().finally(() => {
      if (!stopped) timer = setTimeout(tick, setup.intervalMs);
    });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
