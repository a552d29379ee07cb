import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { prepareDatabase } from '../../src/database/service-role.js';
import { applyTestEnv, serviceUrlOf, TEST_ADMIN } from '../test-env.js';

let databaseCounter = 0;

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Migrates the run's template database once (the first worker to get the lock does it). */
async function ensureTemplateMigrated(admin: pg.Client, template: string): Promise<void> {
  await admin.query('SELECT pg_advisory_lock(hashtext($1))', [template]);
  try {
    const url = withDatabase(process.env.SST_SERVER_URL as string, template);
    const probe = new pg.Client({ connectionString: url });
    await probe.connect();
    const { rows } = await probe.query(`SELECT to_regclass('schema_migrations') IS NOT NULL AS done`);
    await probe.end();
    if (rows[0].done) return;
    // As the owner, with the service role's grants after, as the service does at start: the copies keep them.
    await prepareDatabase({ url: serviceUrlOf(url), ownerUrl: url, retentionDays: 400 });
  } finally {
    await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [template]);
  }
}

/** A fresh database for one test file, copied from the migrated template. */
export async function createTestDatabase(): Promise<string> {
  const serverUrl = process.env.SST_SERVER_URL as string;
  const template = process.env.SST_TEMPLATE as string;
  // Jest resets module state per file, so a counter alone repeats within a worker: add randomness.
  const name = `${process.env.SST_RUN_ID}_${process.pid}_${databaseCounter++}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await ensureTemplateMigrated(admin, template);
    // CREATE DATABASE … TEMPLATE needs the template to itself; workers take turns.
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [template]);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [template]);
  } finally {
    await admin.end();
  }
  return withDatabase(serverUrl, name);
}

/**
 * Boots the real AppModule (the same factory as main.ts) against a database and listens on a free
 * port. With `env` overrides the app gets a fresh module registry (the config module reads the
 * environment once per registry), so they apply to this app only; they are restored afterwards.
 * Without overrides apps share the test file's registry, so `app.get(SomeService)` works.
 */
export async function startApp(databaseUrl: string, env: Record<string, string> = {}): Promise<NestFastifyApplication> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  applyTestEnv(databaseUrl);
  Object.assign(process.env, env);
  let app: NestFastifyApplication | undefined;
  try {
    const boot = async () => {
      const { createApp } = await import('../../src/app.factory.js');
      app = await createApp();
    };
    if (Object.keys(env).length > 0) await jest.isolateModulesAsync(boot);
    else await boot();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  if (!app) throw new Error('the app did not start');
  await app.listen({ port: 0, host: '127.0.0.1' });
  return app;
}

/** A test file's world: its own database, the app on it, a connection to that database as its owner, and the admin's token. */
export interface TestApp {
  url: string;
  app: NestFastifyApplication;
  db: pg.Client;
  systemAdmin: string;
}

export async function openTestApp(): Promise<TestApp> {
  const url = await createTestDatabase();
  const app = await startApp(url);
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  return { url, app, db, systemAdmin: (await loginAdmin(app)).accessToken };
}

/**
 * Runs one statement as the database owner with triggers off (the audit chain trigger included): bulk
 * seeding, or what an attacker with database access could do behind the service's back.
 */
export async function withoutTriggers(db: pg.Client, sql: string, params: unknown[]): Promise<void> {
  await db.query('BEGIN');
  await db.query(`SET LOCAL session_replication_role = replica`);
  await db.query(sql, params);
  await db.query('COMMIT');
}

export async function closeTestApp(world: TestApp | undefined): Promise<void> {
  await world?.db.end();
  await world?.app.close();
}

export function urlOf(app: NestFastifyApplication): string {
  const address = app.getHttpServer().address();
  if (!address || typeof address === 'string') throw new Error('not listening');
  return `http://127.0.0.1:${address.port}`;
}

export interface LoggedIn {
  accessToken: string;
  refreshToken: string;
  sessionId: string;
  userId: string;
}

export async function login(app: NestFastifyApplication, username: string, password: string, extra: Record<string, string> = {}): Promise<LoggedIn> {
  const res = await request(app.getHttpServer()).post('/v1/auth/login').send({ username, password, ...extra });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as LoggedIn;
}

export const loginAdmin = (app: NestFastifyApplication) => login(app, TEST_ADMIN.username, TEST_ADMIN.password);

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

let userCounter = 0;

/** Creates a user through the API (as an admin), returns it with a logged-in session. */
export async function createUser(
  app: NestFastifyApplication,
  adminToken: string,
  options: { roles?: string[]; accountId?: string; prefix?: string } = {},
): Promise<LoggedIn & { username: string; password: string }> {
  const username = `${options.prefix ?? 'user'}${Date.now().toString(36)}${userCounter++}`;
  const password = `pw-${username}-long-enough`;
  const res = await request(app.getHttpServer())
    .post('/v1/users')
    .set(bearer(adminToken))
    .send({ username, email: `${username}@example.test`, password, roles: options.roles, accountId: options.accountId });
  if (res.status !== 201) throw new Error(`create user failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...(await login(app, username, password)), username, password };
}
