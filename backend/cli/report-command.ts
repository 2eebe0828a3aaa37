import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { repositoriesFor, type Repositories } from '../db/repositories.js';
import type { Principal } from '../domain/principal.js';
import { loadCompanyLogo } from '../reports/company-logo.js';
import {
  DOCUMENT_REPORT_INFO,
  DOCUMENT_REPORTS,
  reportContent,
  type DocumentReportName,
} from '../reports/report-content.js';
import { DOCUMENT_FORMATS, reportDocument, type DocumentFormat } from '../reports/report-document.js';
import { periodProblem, reportFiltersSchema } from '../reports/report-query.js';
import { ReportService } from '../reports/report.service.js';
import { databaseUrl, withDatabase, type CliContext, type DatabaseOptions } from './cli-context.js';
import { UsageError } from './usage-error.js';

/** Whoever runs the command on the server sees everything, as an administrator does. */
const CLI_ADMIN: Principal = {
  objectId: 'cli',
  tenantId: '',
  upn: null,
  displayName: 'ledgerline report',
  role: 'admin',
  userId: null,
  supervisedDepartmentIds: [],
  scope: { kind: 'all' },
};

interface ReportOptions {
  from: string;
  to: string;
  format: string;
  out: string;
  site?: string;
  department?: string;
  user?: string;
  logo?: string;
}

/** `ledgerline report`: the same document a schedule sends, written to a file on demand. */
export function registerReportCommand(program: Command, context: CliContext): void {
  const names = DOCUMENT_REPORTS.map(
    (name) => `  ${name.padEnd(13)} ${DOCUMENT_REPORT_INFO[name].description}`,
  );
  program
    .command('report')
    .description('write a report as PDF, HTML, Excel or CSV (with an administrator\u2019s view of all calls)')
    .argument('<name>', `the report: ${DOCUMENT_REPORTS.join(', ')}`)
    .requiredOption('--from <date>', 'first local day, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last local day, YYYY-MM-DD (inclusive)')
    .requiredOption('--format <format>', `${DOCUMENT_FORMATS.join(' | ')}`)
    .requiredOption('--out <file>', 'where to write the document')
    .option('--site <site>', 'only this site (code or id)')
    .option('--department <department>', 'only this department and those below it (code or id)')
    .option('--user <user>', 'only this user (UPN or id)')
    .option('--logo <file>', 'a PNG or JPEG logo for PDF and HTML (env LEDGERLINE_REPORT_LOGO)')
    .addHelpText('after', `\nReports:\n${names.join('\n')}`)
    .action(async (name: string, options: ReportOptions, command: Command) => {
      if (!(DOCUMENT_REPORTS as readonly string[]).includes(name))
        throw new UsageError(`no report "${name}" (reports: ${DOCUMENT_REPORTS.join(', ')})`);
      if (!(DOCUMENT_FORMATS as readonly string[]).includes(options.format))
        throw new UsageError(`--format: "${options.format}" is not one of ${DOCUMENT_FORMATS.join(', ')}`);
      const problem = periodProblem(options.from, options.to);
      if (problem) throw new UsageError(problem.replace(/^(from|to):/, '--$1:'));
      const logoFile = options.logo ?? context.env.LEDGERLINE_REPORT_LOGO;
      const logo = logoFile ? await loadCompanyLogo(resolve(context.cwd, logoFile)) : null;
      await withDatabase(
        databaseUrl(command.optsWithGlobals<DatabaseOptions>(), context),
        async (database) => {
          const repos = repositoriesFor(database.kysely, database);
          const filters = reportFiltersSchema.parse({
            from: options.from,
            to: options.to,
            ...(await filterIds(repos, options)),
          });
          const content = await reportContent(new ReportService(repos), repos, CLI_ADMIN, {
            report: name as DocumentReportName,
            filters,
            periodLabel: '',
            now: Date.now(),
          });
          const document = reportDocument(options.format as DocumentFormat);
          const out = resolve(context.cwd, options.out);
          await writeFile(out, await document.render(content, { logo }));
          context.print(
            `wrote ${content.title} for ${options.from}..${options.to} (${content.totals.calls} calls) to ${out}`,
          );
        },
      );
    });
}

/** --site, --department and --user as ids, named by code, UPN or id. */
async function filterIds(repos: Repositories, options: ReportOptions) {
  const ids: { site?: number; department?: number; user?: number } = {};
  const numeric = (text: string) => (/^\d+$/.test(text) ? Number(text) : null);
  if (options.site !== undefined) {
    const id = numeric(options.site) ?? (await repos.sites.findByCode(options.site))?.id;
    if (id === undefined) throw new UsageError(`--site: no site with the code "${options.site}"`);
    ids.site = id;
  }
  if (options.department !== undefined) {
    const id = numeric(options.department) ?? (await repos.departments.findByCode(options.department))?.id;
    if (id === undefined)
      throw new UsageError(`--department: no department with the code "${options.department}"`);
    ids.department = id;
  }
  if (options.user !== undefined) {
    const id = numeric(options.user) ?? (await repos.users.findByUpn(options.user))?.id;
    if (id === undefined) throw new UsageError(`--user: no user with the UPN "${options.user}"`);
    ids.user = id;
  }
  return ids;
}
