import type { Command } from 'commander';
import { repositoriesFor } from '../db/repositories.js';
import { LedgerlineError } from '../domain/errors.js';
import { formatMoney } from '../domain/money.js';
import { mineCallRecord } from '../miner/call-record-miner.js';
import { MiningTablesBuilder } from '../miner/mining-tables.js';
import { readSpoolRecord } from '../miner/spool-record.js';
import { databaseUrl, withDatabase, type CliContext, type DatabaseOptions } from './cli-context.js';

/**
 * `ledgerline rate`: CallRecord lines on standard input, the rated calls as JSON lines on standard
 * output, nothing written to the database: for checking a tariff or a dial plan before mining.
 */
export function registerRateCommand(program: Command, context: CliContext): void {
  program
    .command('rate')
    .description('rate CallRecord lines from standard input and print them as JSON lines (writes nothing)')
    .action(async (_options, command: Command) => {
      await withDatabase(
        databaseUrl(command.optsWithGlobals<DatabaseOptions>(), context),
        async (database) => {
          const repos = repositoriesFor(database.kysely, database);
          const tables = await new MiningTablesBuilder().load(repos);
          const carriers = new Map(
            (await repos.carriers.list()).map((carrier) => [carrier.id, carrier.code]),
          );
          let line = 0;
          let records = 0;
          let bad = 0;
          const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
          for await (const text of context.stdin()) {
            line++;
            if (text.trim() === '') continue;
            records++;
            const read = readSpoolRecord(text);
            if (!read.ok) {
              bad++;
              context.reporter.warn(`line ${line}: ${read.reason}`, { line });
              continue;
            }
            const mined = mineCallRecord(read.record, tables, { unknownParties: 'ignore' });
            if (mined.kind !== 'call') continue;
            const call = mined.call;
            context.print(
              JSON.stringify({
                ...call,
                startedAt: iso(call.startedAt),
                answeredAt: iso(call.answeredAt),
                endedAt: iso(call.endedAt),
                carrier: call.carrierId === null ? null : (carriers.get(call.carrierId) ?? null),
                costText: call.currency
                  ? `${formatMoney(call.cost)} ${call.currency}`
                  : formatMoney(call.cost),
              }),
            );
          }
          if (bad > 0) {
            throw new LedgerlineError(
              'invalid-input',
              `${bad} of ${records} lines were not CallRecord v1 lines (the others were rated)`,
            );
          }
        },
      );
    });
}
