import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { repositoriesFor } from '../db/repositories.js';
import { LedgerlineError } from '../domain/errors.js';
import { ZoneClock } from '../domain/zone-clock.js';
import { parseTariffFile, type TariffFile } from '../tariffs/tariff-file.js';
import { TariffFileError, formatProblem } from '../tariffs/tariff-file-error.js';
import { exportTariff, storeTariff } from '../tariffs/tariff-store.js';
import { databaseUrl, withDatabase, type CliContext, type DatabaseOptions } from './cli-context.js';
import { readInputFile } from './read-input-file.js';

/** `ledgerline tariffs import|export|list`: carriers' tariff plans in the documented file format. */
export function registerTariffsCommand(program: Command, context: CliContext): void {
  const tariffs = program
    .command('tariffs')
    .description('import, export and list carriers\u2019 tariff plans (docs/tariffs.md)');

  tariffs
    .command('import')
    .description('add a tariff plan, or replace the carrier\u2019s plan with the same activeFrom')
    .argument('<file>', 'tariff file (YAML or JSON); a rate deck it names is read beside it')
    .action(async (file: string, _options, command: Command) => {
      const tariff = await readTariffFile(file, context.cwd);
      const url = databaseUrl(command.optsWithGlobals<DatabaseOptions>(), context);
      await withDatabase(url, async (database) => {
        const stored = await storeTariff(database, tariff);
        const { calls, firstDay, lastDay } = stored.affected;
        if (calls > 0 && firstDay !== null && lastDay !== null) {
          const date = (day: number) =>
            `${Math.floor(day / 10_000)}-${String(Math.floor(day / 100) % 100).padStart(2, '0')}-${String(day % 100).padStart(2, '0')}`;
          context.warn(
            `${calls} stored calls of ${tariff.carrier.code} fall in this plan's time; to price them with it, run: ledgerline rerate --from ${date(firstDay)} --to ${date(lastDay)} --carrier ${tariff.carrier.code}`,
          );
        }
        context.print(
          `imported ${tariff.carrier.code} "${tariff.plan.name}" (${stored.rates} rates, active from ${new Date(tariff.plan.activeFrom).toISOString()}) into ${database.description}`,
        );
      });
    });

  tariffs
    .command('export')
    .description('write the plan of a carrier in force at a date, in the tariff file format')
    .requiredOption('--carrier <code>', 'carrier code')
    .option('--at <date>', 'date or instant the plan is in force (default: now)')
    .option('--time-zone <zone>', 'IANA zone to write activeFrom in', 'UTC')
    .option('--out <file>', 'file to write (default: standard output)')
    .action(
      async (options: { carrier: string; at?: string; timeZone: string; out?: string }, command: Command) => {
        let clock: ZoneClock;
        try {
          clock = new ZoneClock(options.timeZone);
        } catch {
          throw new LedgerlineError(
            'invalid-input',
            `--time-zone: "${options.timeZone}" is not an IANA time zone`,
          );
        }
        // A plain date is that day's midnight in --time-zone; an instant is taken as written.
        const day = options.at === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(options.at);
        const at =
          options.at === undefined
            ? Date.now()
            : day
              ? clock.toUtcMs(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])))
              : Date.parse(options.at);
        if (Number.isNaN(at))
          throw new LedgerlineError('invalid-input', `--at: "${options.at}" is not a date (e.g. 2026-07-01)`);
        const url = databaseUrl(command.optsWithGlobals<DatabaseOptions>(), context);
        const text = await withDatabase(url, (database) =>
          exportTariff(database, options.carrier, at, options.timeZone),
        );
        if (options.out === undefined) context.print(text.replace(/\n$/, ''));
        else {
          await writeFile(resolve(context.cwd, options.out), text);
          context.warn(`wrote ${options.out}`);
        }
      },
    );

  tariffs
    .command('list')
    .description('list carriers and their plans')
    .action(async (_options, command: Command) => {
      const url = databaseUrl(command.optsWithGlobals<DatabaseOptions>(), context);
      await withDatabase(url, async (database) => {
        const repos = repositoriesFor(database.kysely, database);
        const carriers = new Map((await repos.carriers.list()).map((carrier) => [carrier.id, carrier]));
        const plans = await repos.tariffPlans.list();
        if (plans.length === 0) context.print('no tariff plans yet: ledgerline tariffs import <file>');
        for (const plan of plans) {
          const carrier = carriers.get(plan.carrierId);
          context.print(
            `${carrier?.code ?? plan.carrierId}\t${new Date(plan.activeFrom).toISOString().slice(0, 10)}\t${plan.currency}\t${plan.rates} rates\t${plan.name}`,
          );
        }
      });
    });
}

async function readTariffFile(file: string, cwd: string): Promise<TariffFile> {
  const text = await readInputFile(file, cwd);
  const folder = dirname(resolve(cwd, file));
  try {
    return parseTariffFile(text, {
      fileName: file,
      readDeck: (deck) => readFileSync(resolve(folder, deck), 'utf8'),
    });
  } catch (error) {
    if (!(error instanceof TariffFileError)) throw error;
    const count = error.problems.length;
    throw new LedgerlineError(
      'invalid-input',
      `${file}: nothing was imported: ${count} problem${count === 1 ? '' : 's'}`,
      error.problems.map(formatProblem),
    );
  }
}
