import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runLedgerline } from '../backend/cli/test-cli.js';

// The deployment files cannot run here (no Windows, Docker or GitHub): these tests check what can
// be checked: they parse, the files they name exist, the commands they run are the CLI's.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const SERVICES = { recorder: 'record', miner: 'mine', server: 'serve' } as const;

/** The commands and options `ledgerline <command> --help` lists. */
async function cliHelp(command?: string): Promise<string> {
  const run = await runLedgerline(command ? [command, '--help'] : ['--help']);
  expect(run.code, `ledgerline ${command ?? ''} --help`).toBe(0);
  return run.out;
}

/** The options (`--name`) in an argument list, without their values. */
function optionsOf(args: readonly string[]): string[] {
  return args.filter((arg) => arg.startsWith('--')).map((arg) => arg.split('=')[0]!);
}

/** The LEDGERLINE_* names the code reads (backend/ and bot/, tests left out). */
function variablesTheCodeReads(): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.includes('.test.'))
        for (const match of read(path).matchAll(/LEDGERLINE_[A-Z0-9_]+/g)) names.add(match[0]);
    }
  };
  walk('backend');
  walk('bot');
  return names;
}

describe('Windows services (WinSW)', () => {
  const install = read('infra/windows/install-services.ps1');

  for (const [service, command] of Object.entries(SERVICES)) {
    it(`ledgerline-${service}.xml is well-formed and runs \`ledgerline ${command}\` under LocalService`, async () => {
      const window = new JSDOM(read(`infra/windows/ledgerline-${service}.xml`), {
        contentType: 'application/xml',
      }).window;
      const document = window.document;
      expect(document.getElementsByTagName('parsererror')).toHaveLength(0);
      const text = (tag: string) => document.querySelector(`service > ${tag}`)?.textContent?.trim();
      const args = [...document.querySelectorAll('service > argument')].map((node) =>
        node.textContent!.trim(),
      );

      expect(text('executable')).toBe('@NODE@');
      expect(args[0]).toBe('--env-file=@ENV_FILE@');
      expect(args[1]).toBe('@APP_DIR@\\bin\\ledgerline.js');
      expect(args[2]).toBe(command);
      expect(await cliHelp()).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
      const help = await cliHelp(command);
      for (const option of optionsOf(args.slice(3))) expect(help).toContain(option);

      expect(text('serviceaccount > user')).toBe('LocalService');
      expect(document.querySelector('onfailure')?.getAttribute('action')).toBe('restart');
      expect(text('logpath')).toBe('@LOG_DIR@');
      // The install script knows the service and fills every placeholder the template has.
      expect(install).toContain(`${service} = '${text('id')}'`);
      for (const placeholder of new Set(document.documentElement.outerHTML.match(/@[A-Z_]+@/g)))
        expect(install).toContain(`'${placeholder}'`);
      window.close();
    });
  }

  it('the install script copies the environment example that exists', () => {
    expect(install).toContain("'..\\ledgerline.env.example'");
    expect(existsSync(join(root, 'infra/ledgerline.env.example'))).toBe(true);
  });
});

describe('systemd units', () => {
  for (const [service, command] of Object.entries(SERVICES)) {
    it(`ledgerline-${service}.service runs \`ledgerline ${command}\` as ledgerline, hardened`, async () => {
      const unit = read(`infra/linux/ledgerline-${service}.service`);
      const keys = new Map<string, string[]>();
      for (const line of unit.split('\n')) {
        const match = /^([A-Za-z]+)=(.*)$/.exec(line);
        if (match) keys.set(match[1]!, [...(keys.get(match[1]!) ?? []), match[2]!]);
      }
      const one = (key: string) => keys.get(key)?.[0];
      const exec = one('ExecStart')!.split(' ');
      expect(exec.slice(0, 3)).toEqual(['/usr/bin/node', '/opt/ledgerline/bin/ledgerline.js', command]);
      const help = await cliHelp(command);
      for (const option of optionsOf(exec.slice(3))) expect(help).toContain(option);
      expect(one('User')).toBe('ledgerline');
      expect(one('EnvironmentFile')).toBe('/etc/ledgerline/ledgerline.env');
      expect(one('NoNewPrivileges')).toBe('yes');
      expect(one('ProtectSystem')).toBe('strict');
      expect(one('ReadWritePaths')).toBe('/var/lib/ledgerline');
      expect(one('Restart')).toBe('on-failure');
    });
  }
});

describe('environment example', () => {
  it('names only settings the code reads', () => {
    const known = variablesTheCodeReads();
    const named = [...read('infra/ledgerline.env.example').matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map(
      (match) => match[1]!,
    );
    expect(named.length).toBeGreaterThan(10);
    for (const name of named) if (name.startsWith('LEDGERLINE_')) expect(known, name).toContain(name);
  });
});

describe('Docker', () => {
  const compose = parse(read('infra/docker/compose.yaml'), { merge: true }) as {
    services: Record<
      string,
      {
        image?: string;
        build?: { context: string; dockerfile: string };
        command?: string[];
        volumes?: string[];
        env_file?: { path: string; required?: boolean }[];
        healthcheck?: { test: string[] };
      }
    >;
  };
  const composeDir = join(root, 'infra/docker');

  it('runs SQL Server 2022 and the three commands, the server with a /health check', async () => {
    expect(compose.services.sqlserver!.image).toBe('mcr.microsoft.com/mssql/server:2022-latest');
    for (const [service, command] of Object.entries(SERVICES)) {
      expect(compose.services[service]!.command).toEqual([command]);
      expect(compose.services[service]!.volumes).toContain('ledgerline-data:/var/lib/ledgerline');
    }
    expect(compose.services.server!.healthcheck!.test.join(' ')).toContain('/health');
    expect(compose.services.migrate!.command![0]).toBe('migrate');
    expect(await cliHelp('migrate')).toContain('--db');
  });

  it('names files that exist', () => {
    for (const service of Object.values(compose.services)) {
      if (service.build) {
        const context = resolve(composeDir, service.build.context);
        expect(existsSync(join(context, service.build.dockerfile))).toBe(true);
      }
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0]!;
        if (source.startsWith('.')) expect(existsSync(resolve(composeDir, source)), volume).toBe(true);
      }
      for (const file of service.env_file ?? [])
        if (file.required !== false) expect(existsSync(resolve(composeDir, file.path))).toBe(true);
    }
  });

  it('the Dockerfile copies what the runtime reads and runs as a user without rights', () => {
    const dockerfile = read('infra/docker/Dockerfile');
    expect(dockerfile).toMatch(/^FROM node:20-bookworm-slim AS build$/m);
    expect(dockerfile).toMatch(/^FROM node:20-bookworm-slim$/m);
    expect(dockerfile).toMatch(/^USER ledgerline$/m);
    for (const path of ['package.json', 'package-lock.json', 'bin', 'infra/sql/lcscdr-replica.sqlite.sql'])
      expect(existsSync(join(root, path)), path).toBe(true);
    expect(dockerfile).toContain('COPY --from=build /app/dist ./dist');
  });
});

describe('Azure Bot (Bicep)', () => {
  const bicep = read('infra/azure/main.bicep');

  it('is a single-tenant bot with its endpoint on /api/messages and the Teams channel', () => {
    expect(bicep).toContain("'Microsoft.BotService/botServices@");
    expect(bicep).toContain("'Microsoft.BotService/botServices/channels@");
    expect(bicep).toContain("msaAppType: 'SingleTenant'");
    expect(bicep).toMatch(/msaAppTenantId: \w+/);
    expect(bicep).toContain("endpoint: 'https://${host}/api/messages'");
    expect(bicep).toContain("channelName: 'MsTeamsChannel'");
  });

  it('the parameters file sets only parameters the template declares, and every required one', () => {
    const declared = new Map(
      [...bicep.matchAll(/^param (\w+) \w+( = .*)?$/gm)].map((match) => [match[1]!, match[2] !== undefined]),
    );
    const file = JSON.parse(read('infra/azure/main.parameters.json')) as {
      parameters: Record<string, { value: unknown }>;
    };
    for (const name of Object.keys(file.parameters)) expect([...declared.keys()]).toContain(name);
    for (const [name, hasDefault] of declared)
      if (!hasDefault) expect(Object.keys(file.parameters)).toContain(name);
  });
});

describe('GitHub workflow', () => {
  const workflow = parse(read('.github/workflows/ci.yml')) as {
    jobs: Record<
      string,
      {
        strategy?: { matrix: { node: number[] } };
        services?: Record<string, { image: string }>;
        env?: Record<string, string>;
        steps: { run?: string }[];
      }
    >;
  };
  const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;

  it('tests on Node 20 and 22 against PostgreSQL and SQL Server 2022 containers', () => {
    const test = workflow.jobs.test!;
    expect(test.strategy!.matrix.node).toEqual([20, 22]);
    expect(test.services!.mssql!.image).toBe('mcr.microsoft.com/mssql/server:2022-latest');
    expect(test.services!.postgres!.image).toMatch(/^postgres:/);
    // The URL format backend/db/test-engines.ts and the mssql:// parser read.
    const mssql = new URL(test.env!.TEST_MSSQL_URL!);
    expect(mssql.protocol).toBe('mssql:');
    expect(mssql.searchParams.get('trustServerCertificate')).toBe('true');
    expect(test.env!.TEST_PG_URL).toMatch(/^postgres:\/\//);
  });

  it('runs npm scripts that exist', () => {
    for (const job of Object.values(workflow.jobs))
      for (const step of job.steps)
        for (const match of (step.run ?? '').matchAll(/npm (?:run )?([\w:]+)/g))
          if (!['ci', 'run'].includes(match[1]!)) expect(Object.keys(scripts)).toContain(match[1]);
  });
});
