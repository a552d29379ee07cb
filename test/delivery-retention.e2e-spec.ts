import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SchedulerRegistry } from '@nestjs/schedule';
import pg from 'pg';
import request from 'supertest';
import { OUTBOX_RETENTION_JOB, OutboxRetentionService } from '../src/delivery/outbox-retention.service.js';
import { LocalReceiver } from './support/local-receiver.js';
import { bearer, createTestDatabase, createUser, loginAdmin, startApp } from './support/test-app.js';
import { until } from './support/until.js';

const ENV = {
  ISSUER_URL: 'https://sessions.test',
  RECEIVERS_ALLOW_INSECURE: 'true',
  RECEIVERS_ALLOW_PRIVATE: 'true',
  DELIVERY_POLL_INTERVAL_MS: '50',
  DELIVERY_RETRY_BASE_MS: '50',
  DELIVERY_RETRY_MAX_MS: '200',
  // Seconds, so that the test can outlive it.
  DELIVERY_RETENTION_SECONDS: '3',
};

/** Settled outbox rows are pruned after DELIVERY_RETENTION_SECONDS; pending ones never; the audit event says so. */
describe('outbox retention', () => {
  let app: NestFastifyApplication;
  let db: pg.Client;
  const saved: Record<string, string | undefined> = {};
  const up = new LocalReceiver();
  const refusing = new LocalReceiver();
  const down = new LocalReceiver();

  beforeAll(async () => {
    // No per-app overrides, so the test shares the app's module registry (app.get below); restored after.
    for (const [k, v] of Object.entries(ENV)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
    for (const r of [up, refusing, down]) await r.start();
    refusing.answer = () => 400;
    down.answer = () => 503;
    app = await startApp(await createTestDatabase());
    db = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await app?.close();
    for (const r of [up, refusing, down]) await r.stop();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('is a scheduled job of the app', () => {
    expect(app.get(SchedulerRegistry).getIntervals()).toContain(OUTBOX_RETENTION_JOB);
  });

  it('deletes delivered and dead rows past the retention, keeps pending ones, and the audit event says its list was pruned', async () => {
    const admin = (await loginAdmin(app)).accessToken;
    const http = () => request(app.getHttpServer());
    const streams: Record<string, string> = {};
    for (const [name, r] of Object.entries({ up, refusing, down })) {
      streams[name] = (await http().post('/ssf/streams').set(bearer(admin)).send({ delivery: { method: 'urn:ietf:rfc:8935', endpoint_url: r.url } }).expect(201)).body.stream_id;
    }
    const user = await createUser(app, admin);
    const receipt = (await http().post('/v1/auth/logout').set(bearer(user.accessToken)).expect(200)).body;
    const statusOf = async (stream: string) => (await db.query(`SELECT status FROM outbox WHERE destination_id = $1`, [stream])).rows[0]?.status;
    await until('settled', async () => (await statusOf(streams.up)) === 'delivered' && (await statusOf(streams.refusing)) === 'dead');
    expect(await statusOf(streams.down)).toBe('pending');

    // Within the retention: nothing is pruned and the list is complete.
    expect(await app.get(OutboxRetentionService).prune()).toBe(0);
    const fresh = await http().get(`/v1/audit/events/${receipt.auditEventId}`).set(bearer(admin)).expect(200);
    expect(fresh.body.deliveriesPruned).toBe(false);
    expect(fresh.body.deliveries.map((d: { status: string }) => d.status).sort()).toEqual(['delivered', 'failed', 'pending']);

    await new Promise((resolve) => setTimeout(resolve, 3200));
    expect(await app.get(OutboxRetentionService).prune()).toBe(2);
    expect(await statusOf(streams.up)).toBeUndefined();
    expect(await statusOf(streams.refusing)).toBeUndefined();
    // Still being retried: never pruned.
    expect(await statusOf(streams.down)).toBe('pending');
    const old = await http().get(`/v1/audit/events/${receipt.auditEventId}`).set(bearer(admin)).expect(200);
    expect(old.body.deliveriesPruned).toBe(true);
    expect(old.body.deliveries).toEqual([expect.objectContaining({ destinationId: streams.down, status: 'pending' })]);
    // The dead delivery is still on record as its own audit event.
    const failed = await http().get('/v1/audit/events?action=delivery.failed').set(bearer(admin)).expect(200);
    expect(failed.body.items.some((e: { details: { destinationId: string } }) => e.details.destinationId === streams.refusing)).toBe(true);
  });
});
