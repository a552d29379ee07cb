import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import request from 'supertest';
import { builtEntry, freePort, runNode } from './support/built-service.js';
import { bearer, closeTestApp, createUser, openTestApp, type TestApp } from './support/test-app.js';
import { serviceUrlOf } from './test-env.js';

const PERMISSION_DENIED = '42501';

/**
 * The service runs as a role of its own (DATABASE_URL) that reads and writes what it needs and nothing
 * else; migrations and retention's removals run with the owner's rights (DATABASE_OWNER_URL, and the
 * owner's narrow SECURITY DEFINER functions). Every refusal here is the database's, to the very role
 * the suite's apps run as.
 */
describe('least-privilege database roles', () => {
  let world: TestApp;
  /** This file's database as the service role, the way an attacker holding its password would use it. */
  let svc: pg.Client;
  const http = () => request(world.app.getHttpServer());

  /** The statement is refused by the database for want of a privilege (not by a trigger of ours). */
  const refused = async (sql: string, message: RegExp) => {
    const error = await svc.query(sql).then(
      () => null,
      (e: Error & { code?: string }) => e,
    );
    expect(error?.message).toMatch(message);
    expect(error?.code).toBe(PERMISSION_DENIED);
  };
  const count = async (sql: string, params: unknown[] = []) => (await world.db.query(sql, params)).rows[0].n as number;

  beforeAll(async () => {
    world = await openTestApp();
    svc = new pg.Client({ connectionString: serviceUrlOf(world.url) });
    await svc.connect();
    // some audit events of the app's, in the default partition and in this month's
    await createUser(world.app, world.systemAdmin);
  }, 120_000);
  afterAll(async () => {
    await svc?.end();
    await closeTestApp(world);
  });

  it('the app connects as the service role, which owns nothing and is no superuser', async () => {
    const role = process.env.SST_SERVICE_ROLE as string;
    const { rows } = await world.db.query(
      `SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'session-service'`,
    );
    expect(rows).toEqual([{ usename: role }]);
    const who = await svc.query(`SELECT current_user AS me, rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user`);
    expect(who.rows[0]).toEqual({ me: role, rolsuper: false, rolcreaterole: false, rolcreatedb: false });
    expect(await count(`SELECT count(*)::int AS n FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = $1)`, [role])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM pg_proc WHERE proowner = (SELECT oid FROM pg_roles WHERE rolname = $1)`, [role])).toBe(0);
  });

  it('cannot ALTER, DROP or disable a trigger of any table, nor turn triggers off for its session', async () => {
    await refused(`ALTER TABLE audit_events ADD COLUMN forged text`, /must be owner of table audit_events/);
    await refused(`ALTER TABLE audit_events DISABLE TRIGGER trg_audit_events_append_only`, /must be owner of table audit_events/);
    await refused(`ALTER TABLE audit_events DISABLE TRIGGER ALL`, /must be owner of table audit_events/);
    await refused(`ALTER TABLE audit_events_default DISABLE TRIGGER USER`, /must be owner of table audit_events_default/);
    await refused(`ALTER TABLE sessions DISABLE TRIGGER ALL`, /must be owner of table sessions/);
    await refused(`ALTER TABLE audit_events DETACH PARTITION audit_events_default`, /must be owner of table audit_events/);
    await refused(`SET session_replication_role = replica`, /permission denied to set parameter "session_replication_role"/);
    await refused(`DROP TABLE audit_events`, /must be owner of table audit_events/);
    await refused(`DROP TABLE audit_events_default`, /must be owner of table audit_events_default/);
    await refused(`DROP TABLE sessions`, /must be owner of table sessions/);
    await refused(`DROP TRIGGER trg_audit_events_chain ON audit_events`, /must be owner of (table|relation) audit_events/);
    await refused(`CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$`, /permission denied for schema public/);
    await refused(`DROP FUNCTION audit_events_chain()`, /must be owner of function audit_events_chain/);
    await refused(`CREATE TABLE shadow (a int)`, /permission denied for schema public/);
    // the tables are still whole: the chain and the app still work
    const verify = await http().get('/v1/audit/verify').set(bearer(world.systemAdmin)).expect(200);
    expect(verify.body.ok).toBe(true);
  });

  it('cannot TRUNCATE, UPDATE or DELETE audit events: not through the table, a partition, or the retention switch', async () => {
    const before = await count(`SELECT count(*)::int AS n FROM audit_events`);
    expect(before).toBeGreaterThan(0);
    const month = (await world.db.query(`SELECT audit_ensure_partition(now()::date) AS p`)).rows[0].p as string;
    for (const table of ['audit_events', 'audit_events_default', month]) {
      await refused(`TRUNCATE ${table}`, new RegExp(`permission denied for table ${table}`));
      await refused(`UPDATE ${table} SET reason = 'forged'`, new RegExp(`permission denied for table ${table}`));
      await refused(`DELETE FROM ${table}`, new RegExp(`permission denied for table ${table}`));
    }
    // the switch the append-only trigger lets retention through with does nothing for this role
    await svc.query('BEGIN');
    await svc.query(`SET LOCAL audit.retention = 'on'`);
    await expect(svc.query(`DELETE FROM audit_events`)).rejects.toThrow(/permission denied for table audit_events/);
    await svc.query('ROLLBACK');
    // a partition created later (here by the service, through the owner's function) gets the parent's grants only
    const later = (await svc.query(`SELECT audit_ensure_partition('2031-01-01') AS p`)).rows[0].p as string;
    expect(later).toBe('audit_events_203101');
    await refused(`DELETE FROM audit_events_203101`, /permission denied for table audit_events_203101/);
    await refused(`UPDATE audit_events_203101 SET reason = 'forged'`, /permission denied for table audit_events_203101/);
    await refused(`TRUNCATE audit_events_203101`, /permission denied for table audit_events_203101/);
    await refused(`DROP TABLE audit_events_203101`, /must be owner of table audit_events_203101/);
    expect((await svc.query(`SELECT count(*)::int AS n FROM audit_events_203101`)).rows[0].n).toBe(0);
    // reading and appending are what it may do
    expect((await svc.query(`SELECT count(*)::int AS n FROM audit_events`)).rows[0].n).toBe(before);
    expect(await count(`SELECT count(*)::int AS n FROM audit_events`)).toBe(before);
  });

  it('cannot rewrite the chain heads, the anchors, the checkpoints or the retention policy, nor call the owner’s helpers', async () => {
    await refused(`UPDATE audit_chain_heads SET last_hash = '\\x00'`, /permission denied for table audit_chain_heads/);
    await refused(`DELETE FROM audit_chain_heads`, /permission denied for table audit_chain_heads/);
    await refused(`INSERT INTO audit_chain_heads (chain_key, stripe) VALUES (gen_random_uuid(), 0)`, /permission denied for table audit_chain_heads/);
    await refused(`INSERT INTO audit_chain_anchors (chain_key, stripe, last_seq, last_hash) VALUES (gen_random_uuid(), 0, 1, '\\x00')`, /permission denied for table audit_chain_anchors/);
    await refused(`UPDATE audit_retention_policy SET retention_days = 1`, /permission denied for table audit_retention_policy/);
    await refused(`DELETE FROM schema_migrations`, /permission denied for table schema_migrations/);
    // the signed checkpoints are the trail's too: appended, never changed
    await refused(`UPDATE audit_checkpoints SET jws = 'forged'`, /permission denied for table audit_checkpoints/);
    await refused(`DELETE FROM audit_checkpoints`, /permission denied for table audit_checkpoints/);
    await refused(`TRUNCATE audit_checkpoints`, /permission denied for table audit_checkpoints/);
    await refused(`SELECT audit_mirror_grants('audit_events_default')`, /permission denied for function audit_mirror_grants/);
    expect((await svc.query(`SELECT retention_days FROM audit_retention_policy`)).rows).toEqual([{ retention_days: 400 }]);
    // yet the chain trigger (the owner's) still moves the heads when the service writes an event
    const heads = async () => (await world.db.query(`SELECT coalesce(sum(last_seq), 0)::int AS n FROM audit_chain_heads`)).rows[0].n as number;
    const was = await heads();
    await createUser(world.app, world.systemAdmin);
    expect(await heads()).toBeGreaterThan(was);
  });

  it('retention’s owner function removes only what the owner’s policy expired, never a held account’s events, whoever calls it', async () => {
    const seed = async (accountId: string | null, at: string) =>
      world.db.query(`INSERT INTO audit_events (occurred_at, action, account_id, surface, actor_label) VALUES ($1, 'seed.event', $2, 'system', 'roles-seed')`, [at, accountId]);
    const account = async (hold: boolean) =>
      (await world.db.query(`INSERT INTO accounts (name, legal_hold) VALUES ($1, $2) RETURNING id`, [`roles-${randomBytes(4).toString('hex')}`, hold])).rows[0].id as string;
    const held = await account(true);
    const plain = await account(false);
    await world.db.query(`SELECT audit_ensure_partition('2021-05-01')`);
    await seed(held, '2021-05-10T00:00:00Z');
    await seed(plain, '2021-05-11T00:00:00Z');
    await seed(plain, new Date().toISOString());
    const seeded = () => count(`SELECT count(*)::int AS n FROM audit_events WHERE actor_label = 'roles-seed'`);

    // not a partition of the trail; a partition not yet expired: nothing happens
    await expect(svc.query(`SELECT audit_retention_prune('sessions')`)).rejects.toThrow(/not a partition of audit_events/);
    const current = (await world.db.query(`SELECT audit_ensure_partition(now()::date) AS p`)).rows[0].p as string;
    expect((await svc.query(`SELECT audit_retention_prune($1) AS r`, [current])).rows[0].r).toEqual({ partition: current, outcome: 'not expired' });
    expect(await seeded()).toBe(3);

    // the expired partition holds a held account's event: only the other account's goes
    expect((await svc.query(`SELECT audit_retention_prune('audit_events_202105') AS r`)).rows[0].r).toEqual({ partition: 'audit_events_202105', outcome: 'held', rows: 1 });
    expect(await count(`SELECT count(*)::int AS n FROM audit_events WHERE actor_label = 'roles-seed' AND account_id = $1`, [held])).toBe(1);
    expect(await seeded()).toBe(2);
    // nor can the caller bring the cutoff nearer: the policy is the owner's
    await refused(`UPDATE audit_retention_policy SET retention_days = 1`, /permission denied for table audit_retention_policy/);
    // once the hold is lifted the owner's function drops the partition whole
    await world.db.query(`UPDATE accounts SET legal_hold = false WHERE id = $1`, [held]);
    expect((await svc.query(`SELECT audit_retention_prune('audit_events_202105') AS r`)).rows[0].r).toEqual({ partition: 'audit_events_202105', outcome: 'dropped', rows: 1 });
    expect((await world.db.query(`SELECT to_regclass('audit_events_202105') AS p`)).rows[0].p).toBeNull();
    expect(await seeded()).toBe(1);
    // each pruned chain verifies from the anchor the function left
    const verify = await http().get('/v1/audit/verify').query({ accountId: plain }).set(bearer(world.systemAdmin)).expect(200);
    expect(verify.body).toMatchObject({ ok: true, checked: 1 });
  });

  it('cannot set or lift a legal hold, nor delete a held account, but through the owner’s function that audits the change', async () => {
    const account = (await world.db.query(`INSERT INTO accounts (name, legal_hold) VALUES ($1, true) RETURNING id`, [`held-${randomBytes(4).toString('hex')}`])).rows[0].id as string;
    await refused(`UPDATE accounts SET legal_hold = false WHERE id = '${account}'`, /permission denied for table accounts/);
    await refused(`DELETE FROM accounts WHERE id = '${account}'`, /permission denied for table accounts/);
    // what the service does change on an account it still may (an account-wide logout's watermark)
    await svc.query(`UPDATE accounts SET sessions_valid_after = now() WHERE id = $1`, [account]);
    const heldNow = async () => (await world.db.query(`SELECT legal_hold AS h FROM accounts WHERE id = $1`, [account])).rows[0].h as boolean;
    expect(await heldNow()).toBe(true);
    // the function flips it only with its audit event, written by the database in the same statement
    const flipped = await svc.query(`SELECT * FROM account_set_legal_hold($1, false, NULL, NULL, 'intruder', 'system', NULL, NULL, 'req-roles', '{}')`, [account]);
    expect(flipped.rows).toEqual([{ was: true, event_id: expect.any(String) }]);
    expect(await heldNow()).toBe(false);
    const event = await world.db.query(`SELECT action, account_id, actor_label, reason, details FROM audit_events WHERE id = $1`, [flipped.rows[0].event_id]);
    expect(event.rows).toEqual([{ action: 'account.updated', account_id: account, actor_label: 'intruder', reason: 'legal hold lifted', details: { legalHold: { from: true, to: false } } }]);
    // through the API (the system admin), as before
    const res = await http().patch(`/v1/accounts/${account}`).set(bearer(world.systemAdmin)).send({ legalHold: true }).expect(200);
    expect(res.body).toMatchObject({ id: account, legalHold: true });
    const changes = await http().get('/v1/audit/events').query({ action: 'account.updated', accountId: account }).set(bearer(world.systemAdmin)).expect(200);
    expect(changes.body.items.map((e: { reason: string }) => e.reason)).toEqual(['legal hold set', 'legal hold lifted']);
    await http().patch(`/v1/accounts/${randomUUID()}`).set(bearer(world.systemAdmin)).send({ legalHold: true }).expect(404);
  });

  describe('the built service and CLI with one URL or two', () => {
    const runId = process.env.SST_RUN_ID as string;
    const baseEnv = (extra: Record<string, string>) => ({
      NODE_ENV: 'test',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'sst-roles-')),
      LOG_LEVEL: 'info',
      ARGON2_MEMORY_KIB: '1024',
      ARGON2_ITERATIONS: '1',
      DATABASE_POOL_SIZE: '2',
      METRICS_PORT: '0',
      SECRETS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      BOOTSTRAP_ADMIN_PASSWORD: 'admin-password-for-tests',
      ...extra,
    });
    /** The JSON lines the built service printed until it listened (then it is stopped). */
    const startupLines = async (env: Record<string, string>) => {
      const port = await freePort();
      const child = spawn(process.execPath, [builtEntry('main.js')], { env: { PATH: process.env.PATH, ...baseEnv({ ...env, PORT: String(port), HOST: '127.0.0.1' }) } });
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      try {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no start in 60 s: ${stdout}`)), 60_000);
          child.stdout.on('data', () => stdout.includes('Session service listening') && (clearTimeout(timer), resolve()));
          child.on('exit', (code) => (clearTimeout(timer), reject(new Error(`the service exited (${code}): ${stdout}`))));
        });
        expect((await request(`http://127.0.0.1:${port}`).get('/health/ready')).status).toBe(200);
      } finally {
        child.kill('SIGTERM');
        await new Promise((resolve) => (child.exitCode === null ? child.on('exit', resolve) : resolve(null)));
      }
      return stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { level: number; msg: string; context?: string });
    };

    it('warns at start when DATABASE_OWNER_URL is unset and DATABASE_URL is the owner; not when the roles are two', async () => {
      // (the set-up's warnings only: a loaded machine may warn of a late heartbeat too)
      const roleWarnings = (lines: { level: number; msg: string; context?: string }[]) => lines.filter((l) => l.level === 40 && l.context === 'Database').map((l) => l.msg);
      const alone = await startupLines({ DATABASE_URL: world.url });
      expect(roleWarnings(alone)).toEqual([expect.stringMatching(/^DATABASE_OWNER_URL is not set: the service runs as the owner of the schema/)]);
      const two = await startupLines({ DATABASE_URL: serviceUrlOf(world.url), DATABASE_OWNER_URL: world.url });
      expect(two.length).toBeGreaterThan(0);
      expect(roleWarnings(two)).toEqual([]);
      // the same role in both is the owner too
      const same = await startupLines({ DATABASE_URL: world.url, DATABASE_OWNER_URL: world.url });
      expect(roleWarnings(same)).toEqual([expect.stringMatching(/^DATABASE_URL and DATABASE_OWNER_URL name the same role/)]);
    }, 240_000);

    it('`cli migrate` with both URLs migrates an empty database as the owner and creates and grants the service role', async () => {
      const database = `${runId}_roles_${randomBytes(4).toString('hex')}`;
      const role = `${runId}_cli_svc`;
      const password = randomBytes(12).toString('hex');
      await world.db.query(`CREATE DATABASE ${database}`);
      const ownerUrl = new URL(world.url);
      ownerUrl.pathname = `/${database}`;
      const serviceUrl = new URL(ownerUrl);
      serviceUrl.username = role;
      serviceUrl.password = password;
      const owner = new pg.Client({ connectionString: ownerUrl.toString() });
      await owner.connect();
      try {
        const run = await runNode(builtEntry('cli.js'), ['migrate'], baseEnv({ DATABASE_URL: serviceUrl.toString(), DATABASE_OWNER_URL: ownerUrl.toString() }));
        expect(run).toMatchObject({ code: 0, stderr: '' });
        expect(run.stdout).toMatch(/^Applied \d+ migration\(s\)\n$/);
        const newcomer = new pg.Client({ connectionString: serviceUrl.toString() });
        await newcomer.connect();
        try {
          expect((await newcomer.query(`SELECT count(*)::int AS n FROM users`)).rows[0].n).toBe(0);
          await newcomer.query(`INSERT INTO accounts (name) VALUES ('granted')`);
          await expect(newcomer.query(`DELETE FROM audit_events`)).rejects.toThrow(/permission denied for table audit_events/);
          await expect(newcomer.query(`DROP TABLE sessions`)).rejects.toThrow(/must be owner of table sessions/);
        } finally {
          await newcomer.end();
        }
        // run again: nothing to migrate, the grants are as they were
        expect(await runNode(builtEntry('cli.js'), ['migrate'], baseEnv({ DATABASE_URL: serviceUrl.toString(), DATABASE_OWNER_URL: ownerUrl.toString() }))).toEqual({
          code: 0,
          stdout: 'Applied 0 migration(s)\n',
          stderr: '',
        });
      } finally {
        await owner.query(`DROP OWNED BY ${role}`).catch(() => undefined);
        await owner.end();
        await world.db.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
        await world.db.query(`DROP ROLE IF EXISTS ${role}`);
      }
    }, 120_000);
  });
});
