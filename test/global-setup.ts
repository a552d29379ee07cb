import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
// Loaded by Jest outside its ESM runtime: import without the .js suffix.
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';

export const STATE_FILE = join(tmpdir(), `sst-jest-${process.ppid}-${process.pid}.json`);

/**
 * One run, one template database: created here, migrated by the first test file that needs it,
 * then copied for each test file (CREATE DATABASE … TEMPLATE), so files never see each other's rows. Uses DATABASE_URL when set
 * (CI: the real server), else starts the embedded Postgres, so the suite also runs on a bare machine.
 */
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.DATABASE_URL;
  let embeddedDir: string | null = null;
  if (!serverUrl) {
    embeddedDir = mkdtempSync(join(tmpdir(), 'sst-embedded-'));
    const handle = await startEmbeddedPostgres(embeddedDir);
    serverUrl = handle.ownerUrl;
    (globalThis as { __embedded?: { stop(): Promise<void> } }).__embedded = handle;
  }
  const runId = `sst_${Date.now().toString(36)}_${process.pid}`;
  const template = `${runId}_tpl`;
  // The apps run as a role of their own, as in production (the URL the tests get is the owner's):
  // one per run, as roles are the server's, not a database's (other runs may share the server).
  const serviceRole = `${runId}_svc`;
  const servicePassword = randomBytes(18).toString('hex');
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.query(`CREATE ROLE ${serviceRole} LOGIN PASSWORD '${servicePassword}'`);
  await admin.end();
  process.env.SST_SERVER_URL = serverUrl;
  process.env.SST_RUN_ID = runId;
  process.env.SST_TEMPLATE = template;
  process.env.SST_SERVICE_ROLE = serviceRole;
  process.env.SST_SERVICE_PASSWORD = servicePassword;
  writeFileSync(STATE_FILE, JSON.stringify({ serverUrl, runId, embeddedDir, serviceRole }));
  process.env.SST_STATE_FILE = STATE_FILE;
}
