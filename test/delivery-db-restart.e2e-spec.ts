import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import request from 'supertest';
import { createDataSource } from '../src/database/data-source.js';
import { LocalReceiver } from './support/local-receiver.js';
import { PrivatePostgres, startPrivatePostgres } from './support/private-postgres.js';
import { bearer, createUser, loginAdmin, startApp } from './support/test-app.js';
import { until } from './support/until.js';

const PUSH = 'urn:ietf:rfc:8935';
const ENV = {
  ISSUER_URL: 'https://sessions.test',
  RECEIVERS_ALLOW_INSECURE: 'true',
  RECEIVERS_ALLOW_PRIVATE: 'true',
  DELIVERY_POLL_INTERVAL_MS: '50',
  DELIVERY_RETRY_BASE_MS: '50',
  DELIVERY_RETRY_MAX_MS: '400',
};

/**
 * Postgres itself goes away in the middle of a delivery backlog (a cluster of this test's own,
 * stopped as by a crash, then started again): nothing is lost, nothing is delivered twice under two
 * jtis, every receiver gets its events in order, and the service answers throughout: a logout while
 * the database is down is a clean 503 that changed nothing, and the same logout succeeds once it is back.
 */
describe('delivery across a Postgres restart', () => {
  let cluster: PrivatePostgres;
  let app: NestFastifyApplication;
  let db: pg.Client | undefined;
  const receivers = [new LocalReceiver(), new LocalReceiver()];

  beforeAll(async () => {
    cluster = await startPrivatePostgres();
    const ds = await createDataSource(cluster.url, 1).initialize();
    await ds.runMigrations({ transaction: 'each' });
    await ds.destroy();
    for (const r of receivers) await r.start();
    app = await startApp(cluster.url, ENV);
  }, 120_000);
  afterAll(async () => {
    await db?.end().catch(() => undefined);
    await app?.close().catch(() => undefined);
    for (const r of receivers) await r.stop();
    await cluster?.destroy();
  });

  const http = () => request(app.getHttpServer());

  it.each(['immediate', 'fast'] as const)('stopped %s: loses nothing, sends each event under one jti, keeps each receiver in order, answers 503 while down and recovers', async (mode) => {
    const admin = (await loginAdmin(app)).accessToken;
    const streams: string[] = [];
    for (const r of receivers) {
      streams.push((await http().post('/ssf/streams').set(bearer(admin)).send({ delivery: { method: PUSH, endpoint_url: r.url } }).expect(201)).body.stream_id);
      // Slow enough that the backlog is still in flight when Postgres goes away.
      r.delayMs = 40;
    }
    const users: Awaited<ReturnType<typeof createUser>>[] = [];
    for (let i = 0; i < 16; i++) users.push(await createUser(app, admin));
    const duringOutage = users.pop()!;
    for (const u of users) await http().post('/v1/auth/logout').set(bearer(u.accessToken)).expect(200);
    // Each run has streams of its own: a receiver's SETs of this run are those addressed to its stream.
    const mine = (i: number) => receivers[i].accepted().filter((got) => got.claims.aud === streams[i]);
    await until('deliveries under way', () => receivers.every((_, i) => mine(i).length >= 2));
    expect(receivers.every((_, i) => mine(i).length < users.length)).toBe(true);

    await cluster.stop(mode);
    // Down: the service still answers; a logout is a 503 in the native dialect, never a 500.
    await http().get('/health/live').expect(200);
    const refused = await http().post('/v1/auth/logout').set(bearer(duringOutage.accessToken));
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ statusCode: 503, error: 'SERVICE_UNAVAILABLE' });
    // The dispatcher meets the outage too (its attempts fail) before the database is back.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await cluster.start();

    // Back: the same logout goes through (a 503 while the pools reconnect, never anything else).
    const statuses: number[] = [];
    await until(
      'the logout to succeed after the restart',
      async () => {
        const res = await http().post('/v1/auth/logout').set(bearer(duringOutage.accessToken));
        statuses.push(res.status);
        return res.status === 200;
      },
      30_000,
    );
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    for (const r of receivers) r.delayMs = 0;
    await until('every event of this run at its receiver', () => receivers.every((_, i) => new Set(mine(i).map((g) => g.claims.jti)).size >= users.length + 1), 30_000);

    await db?.end().catch(() => undefined);
    db = new pg.Client({ connectionString: cluster.url });
    await db.connect();
    for (let i = 0; i < receivers.length; i++) {
      await until('every row delivered', async () => (await db!.query(`SELECT 1 FROM outbox WHERE destination_id = $1 AND status <> 'delivered'`, [streams[i]])).rowCount === 0, 20_000);
      const { rows } = await db.query(
        `SELECT o.id::int AS id, o.jti::text AS jti, o.payload->'sub_id'->'session'->>'id' AS session FROM outbox o WHERE destination_id = $1 ORDER BY o.id`,
        [streams[i]],
      );
      // Exactly one event per committed revocation (the refused attempt wrote none, its retry one).
      expect(rows.map((r) => r.session).sort()).toEqual([...users, duringOutage].map((u) => u.sessionId).sort());
      const byJti = new Map(rows.map((r) => [r.jti, r.id]));
      const firsts: number[] = [];
      const seen = new Set<string>();
      for (const got of mine(i)) {
        const jti = got.claims.jti as string;
        // Every SET that arrived is an outbox row's, under that row's one jti (a resend repeats it).
        expect(byJti.has(jti)).toBe(true);
        expect((got.claims.sub_id as { session: { id: string } }).session.id).toBe(rows.find((r) => r.jti === jti)!.session);
        if (!seen.has(jti)) firsts.push(byJti.get(jti)!);
        seen.add(jti);
      }
      expect(seen.size).toBe(rows.length);
      expect(firsts).toEqual(rows.map((r) => r.id));
    }
    // Every session that was ended has its events, and every event's session was ended.
    const revoked = await db.query(`SELECT id::text FROM sessions WHERE revoked_at IS NOT NULL AND id = ANY($1::uuid[])`, [[...users, duringOutage].map((u) => u.sessionId)]);
    expect(revoked.rowCount).toBe(users.length + 1);
    await db.end();
    db = undefined;
  }, 120_000);
});
