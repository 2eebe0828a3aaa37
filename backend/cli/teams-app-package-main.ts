// `npm run package -- --env dev`: writes build/appPackage/appPackage.dev.zip from teams-app/manifest/.
import { parseArgs } from 'node:util';
import { LedgerlineError } from '../domain/errors.js';
import { buildTeamsAppPackage } from './teams-app-package.js';

// npm runs scripts in the project's folder.
const root = process.cwd();
try {
  const { values } = parseArgs({ options: { env: { type: 'string', default: 'dev' } }, strict: true });
  const built = await buildTeamsAppPackage({ root, env: values.env ?? 'dev', processEnv: process.env });
  process.stdout.write(`Teams app package written: ${built.zipPath}\n`);
} catch (error) {
  if (!(error instanceof LedgerlineError)) throw error;
  process.stderr.write(`package: ${error.message}\n${error.details.map((line) => `  ${line}\n`).join('')}`);
  process.exitCode = 1;
}
