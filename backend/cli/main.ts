import { createInterface } from 'node:readline';
import { Command, CommanderError, Option } from 'commander';
import { loadConfiguration } from '../config/config-file.js';
import { checkConfiguration } from '../config/configuration-check.js';
import { LedgerlineError } from '../domain/errors.js';
import type { CliContext } from './cli-context.js';
import { createReporter } from './reporter.js';
import { registerAlarmsCommand } from './alarms-command.js';
import { registerDemoCommand } from './demo-command.js';
import { registerDirectoryCommand } from './directory-command.js';
import { registerDoctorCommand } from './doctor-command.js';
import { registerMigrateCommand } from './migrate-command.js';
import { registerMineCommands } from './mine-command.js';
import { registerRateCommand } from './rate-command.js';
import { registerRecordCommand } from './record-command.js';
import { registerReportCommand } from './report-command.js';
import { registerRerateCommand } from './rerate-command.js';
import { packageVersion, registerServeCommand } from './serve-command.js';
import { registerTariffsCommand } from './tariffs-command.js';
import { UsageError } from './usage-error.js';

/** The real process's context: its streams, environment, and a signal raised by SIGINT or SIGTERM. */
export function processContext(): CliContext {
  const stop = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => stop.abort(new Error(signal)));
  }
  return {
    env: process.env,
    cwd: process.cwd(),
    print: (line) => process.stdout.write(`${line}\n`),
    warn: (line) => process.stderr.write(`${line}\n`),
    reporter: createReporter({ tty: process.stderr.isTTY === true, level: process.env.LEDGERLINE_LOG_LEVEL }),
    stdin: () => createInterface({ input: process.stdin, crlfDelay: Infinity }),
    signal: stop.signal,
  };
}

/**
 * Builds the `ledgerline` program with every command registered. Commands see the configuration
 * file's settings under the environment's (`--config`, LEDGERLINE_CONFIG, ./ledgerline.config.json).
 */
export function buildProgram(given: CliContext): Command {
  const context: CliContext = { ...given };
  const program = new Command('ledgerline')
    .description('Call accounting for Microsoft Teams and Skype for Business')
    .version(packageVersion(), '-V, --version')
    .addOption(
      new Option(
        '--db <url>',
        'billing database: sqlite:<file>, postgres://… or mssql://… (env LEDGERLINE_DB_URL)',
      ),
    )
    .addOption(
      new Option(
        '--config <file>',
        'settings file, JSON or YAML, under the environment (env LEDGERLINE_CONFIG; default ./ledgerline.config.json if there)',
      ),
    )
    .addOption(
      new Option('--data <dir>', 'data folder for the embedded database (env LEDGERLINE_DATA_DIR)').default(
        undefined,
        './data',
      ),
    )
    .exitOverride()
    .configureOutput({
      writeOut: (text) => context.print(text.replace(/\n$/, '')),
      writeErr: (text) => context.warn(text.replace(/\n$/, '')),
    })
    .showHelpAfterError()
    .configureHelp({ showGlobalOptions: true })
    .hook('preAction', () => {
      const loaded = loadConfiguration(given.env, given.cwd, program.opts<{ config?: string }>().config);
      checkConfiguration(loaded);
      context.env = loaded.env;
      context.configFile = loaded.file;
    });

  registerMigrateCommand(program, context);
  registerDirectoryCommand(program, context);
  registerTariffsCommand(program, context);
  registerMineCommands(program, context);
  registerRateCommand(program, context);
  registerRerateCommand(program, context);
  registerRecordCommand(program, context);
  registerReportCommand(program, context);
  registerAlarmsCommand(program, context);
  registerServeCommand(program, context);
  registerDoctorCommand(program, context);

  registerDemoCommand(program, context);

  return program;
}

/**
 * Runs the `ledgerline` command: one subcommand, errors turned into a message on stderr and an
 * exit code. Returns the exit code instead of exiting, so tests can call it.
 */
export async function runCli(
  argv: readonly string[],
  context: CliContext = processContext(),
): Promise<number> {
  const program = buildProgram(context);
  let running: Command = program;
  program.hook('preAction', (_program, command) => {
    running = command;
  });
  try {
    await program.parseAsync([...argv]);
    return 0;
  } catch (error) {
    return reportError(error, running, context);
  }
}

/**
 * The one place a command's failure becomes what the person sees (a line on a terminal, a JSON
 * log line otherwise) and an exit code: 2 for a usage or input error, 1 for anything else.
 */
function reportError(error: unknown, command: Command, context: CliContext): number {
  if (error instanceof CommanderError) return error.exitCode;
  if (error instanceof UsageError) {
    const name = commandPath(command);
    context.reporter.fatal(error.message, [`usage: ${name} ${command.usage()}  (see \`${name} --help\`)`]);
    return 2;
  }
  if (error instanceof LedgerlineError) {
    context.reporter.fatal(error.message, error.details);
    return error.code === 'invalid-input' ? 2 : 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  const stack = context.env.LEDGERLINE_DEBUG && error instanceof Error ? error.stack : undefined;
  context.reporter.fatal(message, stack ? [stack] : []);
  return 1;
}

/** `ledgerline tariffs import`: the words that run a command. */
function commandPath(command: Command): string {
  const names: string[] = [];
  for (let at: Command | null = command; at; at = at.parent) names.unshift(at.name());
  return names.join(' ');
}
