import type { Command } from 'commander';
import type { AdminActor } from '../admin/admin-actor.js';
import { AlarmRuleAdmin } from '../alarms/alarm-rule-admin.js';
import { AlarmService } from '../alarms/alarm.service.js';
import { evaluateAggregateRules } from '../alarms/alarm-evaluator.js';
import type { AlarmRecord } from '../db/alarm.repository.js';
import type { Database } from '../db/database.js';
import { LedgerlineError } from '../domain/errors.js';
import type { Principal } from '../domain/principal.js';
import { databaseUrl, withDatabase, type CliContext, type DatabaseOptions } from './cli-context.js';
import { readInputFile } from './read-input-file.js';
import { UsageError } from './usage-error.js';

/** Whoever runs the command on the server acts as an administrator; the audit log names the command. */
const CLI_ADMIN: Principal = {
  objectId: 'cli',
  tenantId: '',
  upn: null,
  displayName: 'ledgerline alarms',
  role: 'admin',
  userId: null,
  supervisedDepartmentIds: [],
  scope: { kind: 'all' },
};
const ACTOR: AdminActor = { principal: CLI_ADMIN, requestId: null };
const STATUSES = ['open', 'acknowledged', 'resolved', 'all'] as const;

/**
 * `ledgerline alarms`: the alarms and their rules from the server's shell: list, acknowledge, add
 * a rule from a JSON file, turn rules on and off, and evaluate the budget, anomaly and health
 * rules once now.
 */
export function registerAlarmsCommand(program: Command, context: CliContext): void {
  const alarms = program.command('alarms').description('alarms and alarm rules');
  const run = (command: Command, work: (database: Database) => Promise<void>) =>
    withDatabase(databaseUrl(command.optsWithGlobals<DatabaseOptions>(), context), work);
  const rules = (database: Database) =>
    new AlarmRuleAdmin(database, context.env.LEDGERLINE_ADMIN_GROUP_ID?.trim() || null);

  alarms
    .command('list')
    .description('alarms, newest first')
    .option('--status <status>', STATUSES.join(' | '), 'open')
    .option('--limit <n>', 'at most this many (1-500)', '100')
    .action(async (options: { status: string; limit: string }, command: Command) => {
      const status = STATUSES.find((candidate) => candidate === options.status);
      if (!status) throw new UsageError(`--status: "${options.status}" is not one of ${STATUSES.join(', ')}`);
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 500)
        throw new UsageError(`--limit: "${options.limit}" is not a whole number from 1 to 500`);
      await run(command, async (database) => {
        const list = await new AlarmService(database).list(CLI_ADMIN, { status, limit });
        if (list.length === 0) context.print(`no ${status === 'all' ? '' : `${status} `}alarms`);
        for (const alarm of list) context.print(alarmLine(alarm));
      });
    });

  alarms
    .command('rules')
    .description('the alarm rules')
    .action(async (_options: unknown, command: Command) => {
      await run(command, async (database) => {
        const list = await rules(database).list(ACTOR);
        if (list.length === 0) context.print('no alarm rules');
        for (const rule of list)
          context.print(
            `${rule.id}\t${rule.enabled ? 'on ' : 'off'}\t${rule.kind}\t${rule.name}\t${JSON.stringify(rule.definition)}`,
          );
      });
    });

  alarms
    .command('add-rule')
    .description('add an alarm rule from a JSON file: { name, kind, enabled?, definition, recipients }')
    .requiredOption('--file <file>', 'the rule, as JSON')
    .action(async (options: { file: string }, command: Command) => {
      const text = await readInputFile(options.file, context.cwd);
      let input: unknown;
      try {
        input = JSON.parse(text);
      } catch (error) {
        throw new LedgerlineError(
          'invalid-input',
          `${options.file} is not JSON: ${(error as Error).message}`,
        );
      }
      await run(command, async (database) => {
        const rule = await rules(database).create(ACTOR, input);
        context.print(`added alarm rule ${rule.id} (${rule.kind}): ${rule.name}`);
      });
    });

  for (const [name, enabled] of [
    ['enable', true],
    ['disable', false],
  ] as const)
    alarms
      .command(name)
      .description(`${name} an alarm rule`)
      .argument('<id>', 'the rule')
      .action(async (id: string, _options: unknown, command: Command) => {
        const ruleId = idOf(id);
        await run(command, async (database) => {
          const rule = await rules(database).setEnabled(ACTOR, ruleId, enabled);
          context.print(`alarm rule ${rule.id} (${rule.name}) is ${enabled ? 'on' : 'off'}`);
        });
      });

  alarms
    .command('ack')
    .description('acknowledge an alarm')
    .argument('<id>', 'the alarm')
    .action(async (id: string, _options: unknown, command: Command) => {
      const alarmId = idOf(id);
      await run(command, async (database) => {
        context.print(alarmLine(await new AlarmService(database).acknowledge(CLI_ADMIN, alarmId)));
      });
    });

  alarms
    .command('evaluate')
    .description('evaluate the budget, anomaly and health rules once now')
    .option('--spool <dir>', 'the spool folder, for the miner backlog check')
    .action(async (options: { spool?: string }, command: Command) => {
      await run(command, async (database) => {
        const outcome = await evaluateAggregateRules(database, Date.now(), {
          spoolDir: options.spool ?? null,
          log: context.reporter,
        });
        context.print(
          `evaluated ${outcome.rules} rules: ${outcome.raised} alarms raised, ${outcome.resolved} resolved`,
        );
        if (outcome.failed.length > 0)
          throw new LedgerlineError(
            'configuration',
            `${outcome.failed.length} alarm rules could not be evaluated`,
            outcome.failed.map((failure) => `rule ${failure.ruleId}: ${failure.error}`),
          );
      });
    });
}

function idOf(text: string): number {
  const id = /^#?(\d{1,9})$/.exec(text)?.[1];
  if (id === undefined) throw new UsageError(`"${text}" is not an id`);
  return Number(id);
}

function alarmLine(alarm: AlarmRecord): string {
  const state =
    alarm.status === 'acknowledged' ? `acknowledged by ${alarm.acknowledgedBy ?? 'someone'}` : alarm.status;
  return `#${alarm.id}\t${new Date(alarm.raisedAt).toISOString()}\t${alarm.severity}\t${state}\t${alarm.ruleName}\t${alarm.subjectLabel}\t${alarm.detail}`;
}
