import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DeliveryRegistry } from '../src/delivery/delivery-registry.service.js';
import { DeliveryResult, OutboxRow } from '../src/delivery/delivery.types.js';
import { OutboxService } from '../src/delivery/outbox.service.js';
import { bearer, createTestDatabase, loginAdmin, startApp } from './support/test-app.js';
import { until } from './support/until.js';

const ENV = { DELIVERY_POLL_INTERVAL_MS: '50', DELIVERY_RETRY_BASE_MS: '50', DELIVERY_RETRY_MAX_MS: '100' };

/**
 * A destination kind that takes batches (what a SIEM stream registers): the real dispatcher of a real
 * app on real Postgres hands it a destination's head and the rows after it, up to its maxBatch, in
 * order, and applies the one result to every row of the call.
 */
describe('delivery kinds that take a batch', () => {
  let app: NestFastifyApplication;
  let db: pg.Client;
  let accountId: string;
  let adminToken: string;
  const saved: Record<string, string | undefined> = {};
  /** What the kind is to answer for its n-th call (0-based); delivered when it returns nothing. */
  let answer: (call: number) => DeliveryResult | Error | undefined = () => undefined;
  const calls: { destinationId: string; jtis: string[]; ids: string[] }[] = [];
  const single: string[] = [];
  const lingered: { destinationId: string; ids: string[]; at: number }[] = [];
  const LINGER_MS = 1000;

  beforeAll(async () => {
    // No per-app overrides, so the test shares the app's module registry (app.get below); restored after.
    for (const [k, v] of Object.entries(ENV)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
    app = await startApp(await createTestDatabase());
    const admin = await loginAdmin(app);
    adminToken = admin.accessToken;
    accountId = (await request(app.getHttpServer()).get('/v1/auth/me').set(bearer(adminToken)).expect(200)).body.user.accountId;
    db = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    app.get(DeliveryRegistry).register({
      kind: 'test_batch',
      maxBatch: 4,
      deliver: async (row: OutboxRow) => {
        single.push(row.id);
        return { outcome: 'delivered' };
      },
      deliverBatch: async (rows: OutboxRow[]) => {
        const n = calls.length;
        calls.push({ destinationId: rows[0].destinationId, jtis: rows.map((r) => r.jti), ids: rows.map((r) => r.id) });
        const result = answer(n);
        if (result instanceof Error) throw result;
        return result ?? { outcome: 'delivered' };
      },
    });
    app.get(DeliveryRegistry).register({
      kind: 'test_linger',
      maxBatch: 50,
      lingerMs: LINGER_MS,
      deliver: async () => ({ outcome: 'retry', error: 'a batch kind is called with batches' }),
      deliverBatch: async (rows: OutboxRow[]) => {
        lingered.push({ destinationId: rows[0].destinationId, ids: rows.map((r) => r.id), at: Date.now() });
        return { outcome: 'delivered' };
      },
    });
  });
  afterAll(async () => {
    await db?.end();
    await app?.close();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
  beforeEach(() => {
    calls.length = 0;
    single.length = 0;
    lingered.length = 0;
    answer = () => undefined;
  });

  /** `n` rows for one destination, written in one transaction (as a feature writes them). */
  async function enqueue(destinationId: string, n: number, destinationKind = 'test_batch'): Promise<void> {
    const outbox = app.get(OutboxService);
    await app.get(DataSource).transaction((manager) =>
      outbox.enqueue(
        manager,
        Array.from({ length: n }, (_, i) => ({ destinationKind, destinationId, accountId, payload: { n: i } })),
      ),
    );
    outbox.wake();
  }

  const rowsOf = async (destinationId: string) =>
    (await db.query(`SELECT id::text, jti::text, status, attempts, last_error FROM outbox o WHERE destination_id = $1 ORDER BY o.id`, [destinationId])).rows;

  it('sends the head and the rows after it in calls of at most maxBatch, in order, each row delivered once', async () => {
    const dest = randomUUID();
    await enqueue(dest, 10);
    await until('every row delivered', async () => (await rowsOf(dest)).every((r) => r.status === 'delivered'));
    const rows = await rowsOf(dest);
    expect(calls.map((c) => c.ids.length)).toEqual([4, 4, 2]);
    expect(calls.flatMap((c) => c.jtis)).toEqual(rows.map((r) => r.jti));
    expect(calls.every((c) => c.destinationId === dest)).toBe(true);
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
    // A kind with deliverBatch is never called row by row.
    expect(single).toEqual([]);
  });

  it('a batch that fails is retried whole, with the same rows and jtis, and every row counts the attempt', async () => {
    const dest = randomUUID();
    answer = (n) => (n === 0 ? { outcome: 'retry', error: 'HEC 503' } : n === 1 ? new Error('socket hang up') : undefined);
    await enqueue(dest, 3);
    await until('every row delivered', async () => (await rowsOf(dest)).every((r) => r.status === 'delivered'));
    expect(calls).toHaveLength(3);
    expect(calls[1].jtis).toEqual(calls[0].jtis);
    expect(calls[2].jtis).toEqual(calls[0].jtis);
    const rows = await rowsOf(dest);
    expect(rows.map((r) => r.attempts)).toEqual([3, 3, 3]);
    expect(rows.map((r) => r.last_error)).toEqual(['socket hang up', 'socket hang up', 'socket hang up']);
  });

  it('a batch refused for good leaves every row of it dead and audited, and the next rows go on', async () => {
    const dest = randomUUID();
    answer = (n) => (n === 0 ? { outcome: 'dead', error: 'HEC 400 invalid data format' } : undefined);
    await enqueue(dest, 6);
    await until('every row settled', async () => (await rowsOf(dest)).every((r) => r.status !== 'pending'));
    const rows = await rowsOf(dest);
    expect(rows.map((r) => r.status)).toEqual(['dead', 'dead', 'dead', 'dead', 'delivered', 'delivered']);
    const audited = await db.query(`SELECT details->>'jti' AS jti FROM audit_events WHERE action = 'delivery.failed' AND details->>'destinationId' = $1 ORDER BY audit_events.id`, [dest]);
    expect(audited.rows.map((r) => r.jti)).toEqual(rows.slice(0, 4).map((r) => r.jti));
  });

  it('two destinations are batched apart: a call never mixes them', async () => {
    const a = randomUUID();
    const b = randomUUID();
    await enqueue(a, 3);
    await enqueue(b, 5);
    await until('every row delivered', async () => [...(await rowsOf(a)), ...(await rowsOf(b))].every((r) => r.status === 'delivered'));
    const ofA = calls.filter((c) => c.destinationId === a);
    const ofB = calls.filter((c) => c.destinationId === b);
    expect(ofA.flatMap((c) => c.jtis)).toEqual((await rowsOf(a)).map((r) => r.jti));
    expect(ofB.flatMap((c) => c.jtis)).toEqual((await rowsOf(b)).map((r) => r.jti));
    expect(ofA.length + ofB.length).toBe(calls.length);
  });

  it('a kind that lingers: rows written within its linger go in one call, in order, once the head is that old; their commits NOTIFY no one', async () => {
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    const notes: string[] = [];
    listener.on('notification', (n) => notes.push(n.payload ?? ''));
    await listener.query('LISTEN outbox_wake');
    try {
      const dest = randomUUID();
      const started = Date.now();
      // Five transactions, one row each, well within the linger (each wakes this instance's dispatcher).
      for (let i = 0; i < 5; i++) {
        await enqueue(dest, 1, 'test_linger');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await until('every row delivered', async () => (await rowsOf(dest)).every((r) => r.status === 'delivered'), 10_000);
      const rows = await rowsOf(dest);
      expect(lingered).toEqual([{ destinationId: dest, ids: rows.map((r) => r.id), at: expect.any(Number) }]);
      expect(lingered[0].at - started).toBeGreaterThanOrEqual(LINGER_MS);
      // A row that does not linger NOTIFYs at its commit; once its note is here, any earlier one would be too.
      await enqueue(randomUUID(), 1);
      await until('the wake-up of a row that does not linger', () => notes.length > 0);
      expect(notes).toEqual([`push:${app.get(OutboxService).instance}`]);
    } finally {
      await listener.end();
    }
  });

  it('a lingering head holds back only its own destination: a row of a kind that does not linger goes at once', async () => {
    const slow = randomUUID();
    const fast = randomUUID();
    await enqueue(slow, 1, 'test_linger');
    await enqueue(fast, 2);
    await until('the other destination delivered', async () => (await rowsOf(fast)).every((r) => r.status === 'delivered'));
    expect((await rowsOf(slow)).map((r) => r.status)).toEqual(['pending']);
    await until('the lingering row delivered', async () => (await rowsOf(slow)).every((r) => r.status === 'delivered'), 10_000);
    expect(lingered.map((c) => c.destinationId)).toEqual([slow]);
  });
});
