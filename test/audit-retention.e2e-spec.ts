import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import request from 'supertest';
import { bearer, closeTestApp, createUser, openTestApp, type TestApp } from './support/test-app.js';

const DAY = 86_400_000;

/** Retention (POST /v1/audit/retention/run, AUDIT_RETENTION_DAYS=400) and legal hold (PATCH /v1/accounts/{id}). */
describe('audit retention and legal hold', () => {
  let app: NestFastifyApplication;
  let db: pg.Client;
  let systemAdmin: string;
  let world: TestApp;

  beforeAll(async () => {
    ({ app, db, systemAdmin } = world = await openTestApp());
  });
  afterAll(() => closeTestApp(world));

  const http = () => request(app.getHttpServer());

  /** An account created straight in the database, so its chain starts with the old events inserted below. */
  async function bareAccount(name: string): Promise<string> {
    const { rows } = await db.query(`INSERT INTO accounts (name) VALUES ($1) RETURNING id`, [`${name}-${Date.now()}`]);
    return rows[0].id;
  }

  /** As the database owner: an event at any instant; the chain trigger still fills chain_seq and hashes. */
  async function insertEvent(accountId: string, at: Date, reason: string): Promise<void> {
    await db.query(
      `INSERT INTO audit_events (occurred_at, action, account_id, actor_label, surface, reason) VALUES ($1, 'session.forced_logout', $2, 'seed', 'native', $3)`,
      [at, accountId, reason],
    );
  }

  async function reasonsOf(accountId: string): Promise<string[]> {
    const { rows } = await db.query(`SELECT reason FROM audit_events WHERE account_id = $1 AND actor_label = 'seed' ORDER BY chain_seq`, [accountId]);
    return rows.map((r) => r.reason);
  }

  it('drops old partitions whole, keeps a held account’s old events, prunes the default partition, keeps recent events', async () => {
    // partitions for two old months (2020-01, 2020-02); 2019-06 has none, so its events land in the default partition
    await db.query(`SELECT audit_ensure_partition('2020-01-01'), audit_ensure_partition('2020-02-01')`);
    const held = await bareAccount('held');
    const plain = await bareAccount('plain');
    const recentDefault = new Date(Date.now() - 200 * DAY); // within 400 days, in no monthly partition
    for (const acc of [held, plain]) {
      await insertEvent(acc, new Date('2019-06-10T12:00:00Z'), 'old-default');
      await insertEvent(acc, new Date('2020-01-15T12:00:00Z'), 'old-jan');
      await insertEvent(acc, recentDefault, 'recent-default');
      await insertEvent(acc, new Date(Date.now() - 1000), 'recent');
    }
    await insertEvent(plain, new Date('2020-02-03T12:00:00Z'), 'old-feb'); // out of order in time: after recent ones in the chain
    await db.query(`SELECT audit_ensure_partition('2020-03-01')`);

    const hold = await http().patch(`/v1/accounts/${held}`).set(bearer(systemAdmin)).send({ legalHold: true }).expect(200);
    expect(hold.body).toMatchObject({ id: held, legalHold: true });

    const run = await http().post('/v1/audit/retention/run').set(bearer(systemAdmin)).expect(200);
    expect(run.body).toMatchObject({ retentionDays: 400, heldPartitions: ['audit_events_202001'], deletedRows: 2 });
    expect(new Date(run.body.cutoff).getTime()).toBeCloseTo(Date.now() - 400 * DAY, -5);
    expect(run.body.droppedPartitions).toEqual([
      { partition: 'audit_events_202002', rows: 1 },
      { partition: 'audit_events_202003', rows: 0 },
    ]);
    expect(run.body.ensuredPartitions).toHaveLength(3);

    expect(await reasonsOf(held)).toEqual(['old-default', 'old-jan', 'recent-default', 'recent']);
    expect(await reasonsOf(plain)).toEqual(['recent-default', 'recent']);
    const parts = await db.query(`SELECT to_regclass('audit_events_202001') AS jan, to_regclass('audit_events_202002') AS feb`);
    expect(parts.rows[0]).toEqual({ jan: 'audit_events_202001', feb: null });

    // the held account's chain is whole; the pruned one verifies from where retention left it (the
    // anchor it recorded), although its 2020-02 event sat after the kept ones in chain order
    const heldVerify = await http().get('/v1/audit/verify').query({ account: held }).set(bearer(systemAdmin)).expect(200);
    expect(heldVerify.body).toMatchObject({ ok: true, checked: 5 });
    const plainVerify = await http().get('/v1/audit/verify').query({ account: plain }).set(bearer(systemAdmin)).expect(200);
    expect(plainVerify.body).toMatchObject({ ok: true, checked: 2 });

    // the run itself is on the record
    const events = await http().get('/v1/audit/events').query({ action: 'audit.retention_run' }).set(bearer(systemAdmin)).expect(200);
    expect(events.body.items[0].details).toMatchObject({ removed: 3, deletedRows: 2 });

    // nothing more to do on a second run
    const again = await http().post('/v1/audit/retention/run').set(bearer(systemAdmin)).expect(200);
    expect(again.body).toMatchObject({ droppedPartitions: [], deletedRows: 0, heldPartitions: ['audit_events_202001'] });
  });

  it('lifting the hold lets the next run drop the partition; the change is audited', async () => {
    const { rows } = await db.query(`SELECT id FROM accounts WHERE legal_hold`);
    const held = rows[0].id;
    await http().patch(`/v1/accounts/${held}`).set(bearer(systemAdmin)).send({ legalHold: false }).expect(200);
    const run = await http().post('/v1/audit/retention/run').set(bearer(systemAdmin)).expect(200);
    expect(run.body.droppedPartitions).toEqual([{ partition: 'audit_events_202001', rows: 1 }]);
    expect(run.body.deletedRows).toBe(1); // its 2019 event in the default partition
    expect(await reasonsOf(held)).toEqual(['recent-default', 'recent']);

    const changes = await http().get('/v1/audit/events').query({ action: 'account.updated', accountId: held }).set(bearer(systemAdmin)).expect(200);
    expect(changes.body.items.map((e: { details: unknown }) => e.details)).toEqual([
      { legalHold: { from: true, to: false } },
      { legalHold: { from: false, to: true } },
    ]);
  });

  it('the API cannot delete: the app’s database user is refused outside the job', async () => {
    await expect(db.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only \(DELETE refused\)/);
    await expect(db.query(`UPDATE audit_events SET reason = 'x'`)).rejects.toThrow(/append-only \(UPDATE refused\)/);
    await expect(db.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only \(TRUNCATE refused\)/);
    // the job's switch is transaction-local (SET LOCAL): once its transaction has ended, deletes are refused again
    await db.query('BEGIN');
    await db.query(`SET LOCAL audit.retention = 'on'`);
    await db.query('COMMIT');
    await expect(db.query(`DELETE FROM audit_events_default`)).rejects.toThrow(/append-only/);
  });

  it('retention and legal hold are for the system admin only; bad input is a 400, an unknown account a 404', async () => {
    const accountAdmin = await createUser(app, systemAdmin, { roles: ['admin'] });
    await http().post('/v1/audit/retention/run').set(bearer(accountAdmin.accessToken)).expect(403);
    const { rows } = await db.query(`SELECT id FROM accounts WHERE is_default`);
    await http().patch(`/v1/accounts/${rows[0].id}`).set(bearer(accountAdmin.accessToken)).send({ legalHold: true }).expect(403);
    await http().patch(`/v1/accounts/00000000-0000-4000-8000-000000000000`).set(bearer(systemAdmin)).send({ legalHold: true }).expect(404);
    await http().patch(`/v1/accounts/${rows[0].id}`).set(bearer(systemAdmin)).send({ legalHold: 'yes' }).expect(400);
    await http().patch(`/v1/accounts/${rows[0].id}`).set(bearer(systemAdmin)).send({}).expect(400);
    await http().post('/v1/audit/retention/run').expect(401);
  });
});
