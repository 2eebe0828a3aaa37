import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { LedgerlineError } from '../domain/errors.js';
import { formatResults, runDoctor } from '../doctor/doctor.js';
import { dataDir, databaseUrl, type CliContext, type DatabaseOptions } from './cli-context.js';

/**
 * `ledgerline doctor`: checks what Ledgerline depends on with the settings as every command sees
 * them, and says for each what is wrong and how to fix it; exits 1 when a check fails.
 */
export function registerDoctorCommand(program: Command, context: CliContext): void {
  program
    .command('doctor')
    .description(
      'check the billing database, LcsCDR, the spool folder, Graph and bot credentials and mail; OK, WARN or FAIL for each',
    )
    .option(
      '--source <url>',
      'the LcsCDR to check (default: as `record`: LEDGERLINE_LCSCDR_URL, else <data>/lcscdr.db)',
    )
    .option('--spool <dir>', 'spool folder (default: <data>/spool)')
    .action(async (options: { source?: string; spool?: string }, command: Command) => {
      const globals = command.optsWithGlobals<DatabaseOptions>();
      const data = dataDir(globals, context);
      const replica = join(data, 'lcscdr.db');
      const configuredSource = options.source ?? context.env.LEDGERLINE_LCSCDR_URL?.trim();
      context.print(
        context.configFile
          ? `settings: ${context.configFile} under the environment`
          : 'settings: the environment (no configuration file)',
      );
      const results = await runDoctor({
        env: context.env,
        databaseUrl: databaseUrl(globals, context),
        lcscdrUrl: configuredSource || `sqlite:${replica}`,
        // As `record`: the data folder's replica (the demo's) when no source is configured.
        lcscdrConfigured: Boolean(configuredSource) || existsSync(replica),
        spoolDir: options.spool ? resolve(context.cwd, options.spool) : join(data, 'spool'),
        spoolNamed: options.spool !== undefined,
      });
      for (const line of formatResults(results)) context.print(line);
      const failed = results.filter((result) => result.status === 'fail').length;
      if (failed > 0)
        throw new LedgerlineError(
          'configuration',
          `${failed} of ${results.length} checks failed: ${results
            .filter((result) => result.status === 'fail')
            .map((result) => result.name)
            .join(', ')}`,
        );
    });
}
