import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createServer, Server, Socket } from 'node:net';
import pg from 'pg';
import request from 'supertest';
import { LocalReceiver } from './support/local-receiver.js';
import { bearer, createTestDatabase, createUser, login, startApp } from './support/test-app.js';
import { until } from './support/until.js';
import { TEST_ADMIN } from './test-env.js';

const PUSH = 'urn:ietf:rfc:8935';
const BASE = {
  ISSUER_URL: 'https://sessions.test',
  RECEIVERS_ALLOW_INSECURE: 'true',
  RECEIVERS_ALLOW_PRIVATE: 'true',
  DELIVERY_POLL_INTERVAL_MS: '50',
  DELIVERY_RETRY_BASE_MS: '50',
  DELIVERY_RETRY_MAX_MS: '200',
};

/**
 * The delivery core under faults: a receiver down then up, a restart in the middle of a backlog, two
 * instances draining one outbox, the dispatcher's database connection killed mid-delivery, an event
 * that never gets through. Real app instances, real Postgres, real HTTP receivers on loopback.
 */
describe('outbox dispatcher', () => {
  let dbUrl: string;
  let db: pg.Client;
  let app: NestFastifyApplication;
  let adminToken: string;
  const apps: NestFastifyApplication[] = [];
  const receivers: LocalReceiver[] = [];

  const start = async (env: Record<string, string> = {}) => {
    const started = await startApp(dbUrl, { ...BASE, ...env });
    apps.push(started);
    return started;
  };
  const receiver = async () => {
    const r = await new LocalReceiver().start();
    receivers.push(r);
    return r;
  };

  beforeAll(async () => {
    dbUrl = await createTestDatabase();
    // Setup only: its dispatcher is off, so each test says which instances deliver.
    app = await start({ DELIVERY_ENABLED: 'false' });
    adminToken = (await login(app, TEST_ADMIN.username, TEST_ADMIN.password)).accessToken;
    db = new pg.Client({ connectionString: dbUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    for (const r of receivers) await r.stop();
    for (const a of apps.reverse()) await a.close().catch(() => undefined);
  });

  const stream = async (r: LocalReceiver): Promise<string> =>
    (await request(app.getHttpServer()).post('/ssf/streams').set(bearer(adminToken)).send({ delivery: { method: PUSH, endpoint_url: r.url } }).expect(201)).body.stream_id;

  /** `n` revocations (one session logout each) of a fresh user, in order. */
  async function revocations(n: number): Promise<void> {
    const user = await createUser(app, adminToken);
    const sessions = [user];
    for (let i = 1; i < n; i++) sessions.push({ ...user, ...(await login(app, user.username, user.password)) });
    for (const s of sessions) await request(app.getHttpServer()).post('/v1/auth/logout').set(bearer(s.accessToken)).expect(200);
  }

  /** The outbox ids of a stream's rows, by jti. */
  async function outboxOf(streamId: string): Promise<Map<string, { id: number; status: string; attempts: number }>> {
    const { rows } = await db.query(`SELECT id::int, jti::text, status, attempts FROM outbox WHERE destination_id = $1 ORDER BY id`, [streamId]);
    return new Map(rows.map((r) => [r.jti, { id: r.id, status: r.status, attempts: r.attempts }]));
  }

  /** Every row arrived, each jti the outbox's own, and first arrivals in outbox order. */
  async function expectAllInOrder(r: LocalReceiver, streamId: string, count: number): Promise<void> {
    const rows = await outboxOf(streamId);
    expect(rows.size).toBe(count);
    const firsts: number[] = [];
    const seen = new Set<string>();
    for (const got of r.accepted()) {
      const jti = got.claims.jti as string;
      expect(rows.has(jti)).toBe(true);
      if (!seen.has(jti)) firsts.push(rows.get(jti)!.id);
      seen.add(jti);
    }
    expect(seen.size).toBe(count);
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
  }

  it('a receiver that is down gets every event, in order, once it is back; the attempts are recorded', async () => {
    const r = await receiver();
    const id = await stream(r);
    let up = false;
    r.answer = () => (up ? 202 : 503);
    const worker = await start();
    await revocations(5);
    await until('a failed attempt', async () => (await db.query(`SELECT 1 FROM outbox WHERE destination_id = $1 AND attempts >= 2`, [id])).rowCount! > 0);
    const pending = await db.query(`SELECT status, last_error FROM outbox WHERE destination_id = $1 ORDER BY id LIMIT 1`, [id]);
    expect(pending.rows[0]).toMatchObject({ status: 'pending', last_error: expect.stringContaining('HTTP 503') });
    // Order: while the first is failing, nothing after it was tried.
    const later = await db.query(`SELECT max(attempts)::int AS a FROM outbox WHERE destination_id = $1 AND id > (SELECT min(id) FROM outbox WHERE destination_id = $1)`, [id]);
    expect(later.rows[0].a).toBe(0);
    up = true;
    await r.waitFor(5);
    await expectAllInOrder(r, id, 5);
    await worker.close();
  });

  it('a restart in the middle of a backlog loses nothing and keeps the order', async () => {
    const r = await receiver();
    const id = await stream(r);
    await revocations(12);
    r.delayMs = 40;
    const first = await start();
    await r.waitFor(3);
    await first.close();
    const delivered = r.accepted().length;
    expect(delivered).toBeLessThan(12);
    r.delayMs = 0;
    const second = await start();
    await r.waitFor(12);
    await expectAllInOrder(r, id, 12);
    await until('every row delivered', async () => [...(await outboxOf(id)).values()].every((v) => v.status === 'delivered'));
    await second.close();
  });

  it('two instances drain one outbox with no event sent twice and each receiver in order (FOR UPDATE SKIP LOCKED)', async () => {
    const rs = [await receiver(), await receiver(), await receiver()];
    const ids = [];
    for (const r of rs) ids.push(await stream(r));
    await revocations(15);
    const a = await start({ DELIVERY_CONCURRENCY: '4' });
    const b = await start({ DELIVERY_CONCURRENCY: '4' });
    for (const r of rs) await r.waitFor(15);
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (let i = 0; i < rs.length; i++) {
      expect(rs[i].received).toHaveLength(15);
      await expectAllInOrder(rs[i], ids[i], 15);
    }
    await a.close();
    await b.close();
  });

  it('a database connection lost mid-delivery leaves the event pending; it is sent again with the same jti', async () => {
    const r = await receiver();
    const id = await stream(r);
    r.delayMs = 700;
    const worker = await start({ DELIVERY_CONCURRENCY: '1' });
    await revocations(1);
    await until('the delivery in flight', () => r.received.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    // While the receiver holds the request, the dispatcher's connection (and its transaction) dies.
    await db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'session-service:delivery' AND datname = current_database()`);
    await until('the row sent again', () => r.received.length >= 2, 15_000);
    r.delayMs = 0;
    await until('the row delivered', async () => [...(await outboxOf(id)).values()][0]?.status === 'delivered', 15_000);
    const jtis = new Set(r.received.map((g) => g.claims.jti));
    expect(jtis.size).toBe(1);
    expect((await outboxOf(id)).has([...jtis][0] as string)).toBe(true);
    await worker.close();
  });

  it('an event that cannot be delivered within the max age is dead, shown as failed and audited', async () => {
    const r = await receiver();
    const id = await stream(r);
    r.answer = () => 500;
    const worker = await start({ DELIVERY_MAX_AGE_SECONDS: '1' });
    const user = await createUser(app, adminToken);
    const receipt = await request(app.getHttpServer()).post('/v1/auth/logout').set(bearer(user.accessToken)).expect(200);
    await until('the row dead', async () => [...(await outboxOf(id)).values()][0]?.status === 'dead', 10_000);
    const event = await request(app.getHttpServer()).get(`/v1/audit/events/${receipt.body.auditEventId}`).set(bearer(adminToken)).expect(200);
    const mine = event.body.deliveries.filter((d: { destinationId: string }) => d.destinationId === id);
    expect(mine).toEqual([expect.objectContaining({ status: 'failed', lastError: expect.stringContaining('HTTP 500') })]);
    expect(mine[0].attempts).toBeGreaterThanOrEqual(2);
    const failed = await request(app.getHttpServer()).get('/v1/audit/events?action=delivery.failed').set(bearer(adminToken)).expect(200);
    expect(failed.body.items[0]).toMatchObject({ outcome: 'failure', surface: 'system', details: { destinationId: id, auditEventId: receipt.body.auditEventId } });
    await worker.close();
  });

  it('an instance that did not write the row delivers it at the commit (NOTIFY), not at its next poll, and after its listener reconnects', async () => {
    const r = await receiver();
    const id = await stream(r);
    // A poll a minute apart: only the wake-up can deliver within the test's bounds.
    const worker = await start({ DELIVERY_POLL_INTERVAL_MS: '60000' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const user = await createUser(app, adminToken);
    const startedAt = Date.now();
    // The setup instance (no dispatcher of its own) writes the row.
    await request(app.getHttpServer()).post('/v1/auth/logout').set(bearer(user.accessToken)).expect(200);
    await r.waitFor(1, 5000);
    expect(Date.now() - startedAt).toBeLessThan(5000);
    // The listening connection dies: the next one LISTENs again, and a row written meanwhile is not left for the poll.
    await db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'session-service:outbox-listener' AND datname = current_database()`);
    const second = await createUser(app, adminToken);
    await request(app.getHttpServer()).post('/v1/auth/logout').set(bearer(second.accessToken)).expect(200);
    await r.waitFor(2, 8000);
    await until('a listener again', async () => (await db.query(`SELECT 1 FROM pg_stat_activity WHERE application_name = 'session-service:outbox-listener' AND datname = current_database()`)).rowCount! >= 2);
    const third = await createUser(app, adminToken);
    await request(app.getHttpServer()).post('/v1/auth/logout').set(bearer(third.accessToken)).expect(200);
    await r.waitFor(3, 5000);
    await expectAllInOrder(r, id, 3);
    await worker.close();
  });

  it('a receiver that hangs does not slow the logout answer', async () => {
    const r = await receiver();
    await stream(r);
    r.delayMs = 3000;
    const worker = await start({ DELIVERY_TIMEOUT_MS: '5000' });
    const user = await createUser(app, adminToken);
    const others = [await login(app, user.username, user.password), await login(app, user.username, user.password)];
    await request(worker.getHttpServer()).post('/v1/auth/logout').set(bearer(others[0].accessToken)).expect(200);
    await until('a delivery in flight', () => r.received.length >= 1);
    const startedAt = Date.now();
    await request(worker.getHttpServer()).post('/v1/auth/logout').set(bearer(others[1].accessToken)).expect(200);
    expect(Date.now() - startedAt).toBeLessThan(1000);
    await worker.close();
  });

  it('receivers that hang never hold every worker: a receiver that answers gets each SET well within one timeout while three hang', async () => {
    // Three receivers that take the connection and never answer (each attempt holds a worker until
    // DELIVERY_TIMEOUT_MS), one that answers; two workers, so at most one retries the hung ones.
    const sockets = new Set<Socket>();
    const hung: Server[] = [];
    // The earlier tests' streams (one answers only after 3 s) are removed: only these four take events.
    for (const s of (await request(app.getHttpServer()).get('/ssf/streams').set(bearer(adminToken)).expect(200)).body as { stream_id: string }[]) {
      await request(app.getHttpServer()).delete(`/ssf/streams?stream_id=${s.stream_id}`).set(bearer(adminToken)).expect(204);
    }
    try {
      for (let i = 0; i < 3; i++) {
        const server = createServer((socket) => {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => undefined);
        });
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        hung.push(server);
      }
      const hungStreams: string[] = [];
      for (const server of hung) {
        const { port } = server.address() as { port: number };
        const created = await request(app.getHttpServer())
          .post('/ssf/streams')
          .set(bearer(adminToken))
          .send({ delivery: { method: PUSH, endpoint_url: `http://127.0.0.1:${port}/events` } })
          .expect(201);
        hungStreams.push(created.body.stream_id);
      }
      const r = await receiver();
      const healthy = await stream(r);
      const timeoutMs = 3000;
      const worker = await start({ DELIVERY_CONCURRENCY: '2', DELIVERY_TIMEOUT_MS: String(timeoutMs) });
      const user = await createUser(app, adminToken);
      const sessions = [];
      for (let i = 0; i < 4; i++) sessions.push(await login(app, user.username, user.password));
      await request(worker.getHttpServer()).post('/v1/auth/logout').set(bearer(sessions[0].accessToken)).expect(200);
      // Every hung receiver has failed at least once: its head is a retry from now on (due every ≤ 200 ms).
      await until(
        'each hung receiver failed once',
        async () => (await db.query(`SELECT count(*)::int AS n FROM outbox WHERE destination_id = ANY($1) AND attempts > 0`, [hungStreams])).rows[0].n === 3,
        4 * timeoutMs,
      );
      await r.waitFor(1, timeoutMs);
      const waits: number[] = [];
      for (const s of sessions.slice(1)) {
        const before = r.accepted().length;
        const startedAt = Date.now();
        await request(worker.getHttpServer()).post('/v1/auth/logout').set(bearer(s.accessToken)).expect(200);
        await r.waitFor(before + 1, 2 * timeoutMs);
        waits.push(Date.now() - startedAt);
      }
      // Without the bound on retrying workers both would sit on hung receivers and a SET would wait
      // up to a whole timeout; with it one worker is always free for receivers that answer.
      expect(Math.max(...waits)).toBeLessThan(timeoutMs / 3);
      await expectAllInOrder(r, healthy, 4);
      // The hung receivers' rows stay pending, retried, nothing dropped.
      const pending = await db.query(`SELECT count(*)::int AS n FROM outbox WHERE destination_id = ANY($1) AND status = 'pending'`, [hungStreams]);
      expect(pending.rows[0].n).toBe(12);
      await worker.close();
      for (const id of hungStreams) await request(app.getHttpServer()).delete(`/ssf/streams?stream_id=${id}`).set(bearer(adminToken)).expect(204);
    } finally {
      for (const socket of sockets) socket.destroy();
      for (const server of hung) await new Promise((resolve) => server.close(resolve));
    }
  });
});
