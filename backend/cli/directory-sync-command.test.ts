import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../db/connect.js';
import { migrateToLatest } from '../db/migrations/migrate.js';
import { setUpTestCompany } from '../miner/test-company.js';
import { EntraStandIn } from '../testing/entra-stand-in.js';
import { runLedgerline } from './test-cli.js';

const TENANT = '7a9d3c2e-1b4f-4e8a-9c6d-2f1e0b3a5d7c';
const CLIENT_ID = '3c1e5a7b-9d2f-4b6e-8a0c-1e3f5a7b9d2f';

describe('ledgerline directory sync', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledgerline-sync-cli-'));
  const db = `sqlite:${join(dir, 'billing.db')}`;
  let standIn: EntraStandIn;
  let env: Record<string, string>;

  beforeAll(async () => {
    const database = connect(db);
    await migrateToLatest(database);
    await setUpTestCompany(database);
    await database.close();
    standIn = await EntraStandIn.start({
      tenantId: TENANT,
      clients: [{ clientId: CLIENT_ID, clientSecret: 's3cret', applicationPermissions: ['User.Read.All'] }],
      users: [
        {
          id: '00000000-0000-4000-8000-000000000001',
          userPrincipalName: 'kate@contoso.com',
          displayName: 'Kate Bell',
          department: 'Support',
          officeLocation: 'London',
          businessPhones: ['020 7946 0999'],
        },
      ],
    });
    env = {
      LEDGERLINE_TENANT_ID: TENANT,
      LEDGERLINE_CLIENT_ID: CLIENT_ID,
      LEDGERLINE_CLIENT_SECRET: 's3cret',
      LEDGERLINE_AUTHORITY_URL: standIn.url,
      LEDGERLINE_GRAPH_URL: standIn.url,
    };
  });
  afterAll(async () => {
    await standIn.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says what a dry run would change, then syncs', async () => {
    const dry = await runLedgerline(['directory', 'sync', '--dry-run', '--db', db], env);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('dry run: nothing was written. Entra ID users read: 1');
    expect(dry.out).toContain('users: 1 would be created, 0 would be updated, 0 unchanged, 0 skipped');
    expect(dry.out).toContain('departments would be created: SUPPORT (Support)');
    expect(dry.out).toContain('  number +442079460999 at LON -> kate@contoso.com');
    const run = await runLedgerline(['directory', 'sync', '--db', db], env);
    expect(run.out).toContain('users: 1 were created');
    const again = await runLedgerline(['directory', 'sync', '--db', db], env);
    expect(again.out).toContain('users: 0 were created, 0 were updated, 1 unchanged');
  });

  it('names the setting that is missing or wrong', async () => {
    const missing = await runLedgerline(['directory', 'sync', '--db', db], {
      LEDGERLINE_CLIENT_ID: CLIENT_ID,
    });
    expect(missing.code).not.toBe(0);
    expect(missing.err).toContain('LEDGERLINE_TENANT_ID: required');
    const noSecret = await runLedgerline(['directory', 'sync', '--db', db], {
      ...env,
      LEDGERLINE_CLIENT_SECRET: '',
    });
    expect(noSecret.err).toContain('LEDGERLINE_CLIENT_SECRET');
  });
});
