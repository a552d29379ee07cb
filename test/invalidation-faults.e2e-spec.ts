import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { LISTENER_APPLICATION_NAME } from '../src/sessions/session-invalidation.service.js';
import { InstanceProcess, spawnInstance } from './support/instance-process.js';
import { StallingProxy } from '../bench/lib/stalling-proxy.js';
import { bearer, createTestDatabase, createUser, login, LoggedIn, loginAdmin, startApp, urlOf } from './support/test-app.js';
import { until } from './support/until.js';

/** The default INVALIDATION_LEASE_MS: a revocation answers at the latest this long after its commit. */
const LEASE_MS = 500;
/** Room above the lease for the revoking request's own work on a loaded CI machine; the old fixed wait was 2,000 ms. */
const ANSWER_LIMIT_MS = LEASE_MS + 1000;

/** An override gives each app a module registry of its own, so its config reads its own database URL. */
const OWN_CONFIG = { INVALIDATION_LEASE_MS: String(LEASE_MS) };

const sessionStatus = (base: string, token: string) => fetch(`${base}/v1/auth/session`, { headers: bearer(token) }).then((r) => r.status);

/** Two validations: the first may read the database, the second is answered from the cache. */
async function warm(base: string, token: string): Promise<void> {
  expect(await sessionStatus(base, token)).toBe(200);
  expect(await sessionStatus(base, token)).toBe(200);
}

/** Revokes each session one way or another on A and returns how long the slowest answer took. */
async function revokeAll(a: NestFastifyApplication, adminToken: string, sessions: LoggedIn[]): Promise<number> {
  let slowest = 0;
  for (const [i, session] of sessions.entries()) {
    const started = performance.now();
    if (i % 2 === 0) await request(a.getHttpServer()).delete(`/v1/sessions/${session.sessionId}`).set(bearer(adminToken)).expect(200);
    else await request(a.getHttpServer()).post('/v1/auth/logout').set(bearer(session.accessToken)).expect(200);
    slowest = Math.max(slowest, performance.now() - started);
  }
  return slowest;
}

/** A logout on A answered well before the lease: every listening instance acknowledged it. */
async function revokedFast(a: NestFastifyApplication, user: { username: string; password: string }): Promise<boolean> {
  const fresh = await login(a, user.username, user.password);
  const started = performance.now();
  await request(a.getHttpServer()).post('/v1/auth/logout').set(bearer(fresh.accessToken)).expect(200);
  return performance.now() - started < LEASE_MS - 100;
}

describe('revocation while another instance is frozen (SIGSTOP)', () => {
  let a: NestFastifyApplication;
  let b: InstanceProcess;
  let adminToken: string;

  beforeAll(async () => {
    const url = await createTestDatabase();
    a = await startApp(url, OWN_CONFIG);
    b = await spawnInstance(url);
    adminToken = (await loginAdmin(a)).accessToken;
  });
  afterAll(async () => {
    await b?.stop();
    await a?.close();
  });

  it('answers within the lease while B is frozen, and B refuses every revoked token on its first request after SIGCONT', async () => {
    const user = await createUser(a, adminToken);
    const revoked = [];
    for (let i = 0; i < 8; i++) revoked.push(await login(a, user.username, user.password));
    const forced = await createUser(a, adminToken);
    const forcedOthers = [await login(a, forced.username, forced.password), await login(a, forced.username, forced.password)];
    const kept = await createUser(a, adminToken);
    for (const s of [...revoked, forced, ...forcedOthers, kept]) await warm(b.url, s.accessToken);

    b.freeze();
    try {
      const slowest = await revokeAll(a, adminToken, revoked);
      const started = performance.now();
      const res = await request(a.getHttpServer()).post(`/v1/users/${forced.userId}/logout`).set(bearer(adminToken)).send({ reason: 'frozen instance test' }).expect(200);
      expect(res.body.revokedCount).toBe(3);
      // B holds its cache entries and acknowledges nothing: each answer came when the lease ran out, not later.
      expect(Math.max(slowest, performance.now() - started)).toBeLessThan(ANSWER_LIMIT_MS);
      expect(slowest).toBeGreaterThanOrEqual(LEASE_MS - 5);
    } finally {
      b.thaw();
    }
    // The first request of each, at once after SIGCONT, in parallel: B's lease ran out while it was frozen.
    const statuses = await Promise.all([...revoked, forced, ...forcedOthers].map((s) => sessionStatus(b.url, s.accessToken)));
    expect(statuses).toEqual(statuses.map(() => 401));
    expect(await sessionStatus(b.url, kept.accessToken)).toBe(200);

    // B is back to normal: a revocation it acknowledges answers without waiting for the lease.
    const again = await login(a, user.username, user.password);
    await warm(b.url, again.accessToken);
    await until('B to acknowledge again', () => revokedFast(a, user));
    await request(a.getHttpServer()).post('/v1/auth/logout').set(bearer(again.accessToken)).expect(200);
    expect(await sessionStatus(b.url, again.accessToken)).toBe(401);
  });
});

describe('revocation while another instance’s LISTEN connection is stalled, not closed', () => {
  let a: NestFastifyApplication;
  let b: NestFastifyApplication;
  let proxy: StallingProxy;
  let adminToken: string;

  beforeAll(async () => {
    const url = await createTestDatabase();
    const target = new URL(url);
    proxy = new StallingProxy(target.hostname, Number(target.port || 5432));
    await proxy.start();
    a = await startApp(url, OWN_CONFIG);
    b = await startApp(proxy.through(url), OWN_CONFIG);
    adminToken = (await loginAdmin(a)).accessToken;
  });
  afterAll(async () => {
    await proxy?.close();
    await b?.close();
    await a?.close();
  });

  it('B keeps serving, refuses every token revoked elsewhere once the lease has passed, then reconnects', async () => {
    const base = urlOf(b);
    const user = await createUser(a, adminToken);
    const revoked = [];
    for (let i = 0; i < 6; i++) revoked.push(await login(a, user.username, user.password));
    const kept = await createUser(a, adminToken);
    for (const s of [...revoked, kept]) await warm(base, s.accessToken);
    const listener = () => proxy.connections().filter((c) => c.applicationName === LISTENER_APPLICATION_NAME);
    expect(listener()).toHaveLength(1);

    expect(proxy.stall((c) => c.applicationName === LISTENER_APPLICATION_NAME)).toBe(1);
    const slowest = await revokeAll(a, adminToken, revoked);

    // For a second after the answers (B's listener still stalled): never a revoked token, and B still answers.
    const until1s = Date.now() + 1000;
    let rounds = 0;
    while (Date.now() < until1s) {
      const statuses = await Promise.all(revoked.map((s) => sessionStatus(base, s.accessToken)));
      expect(statuses).toEqual(statuses.map(() => 401));
      expect(await sessionStatus(base, kept.accessToken)).toBe(200);
      rounds++;
    }
    expect(rounds).toBeGreaterThan(3);
    // Each answer came when the lease ran out at the latest (B acknowledged nothing).
    expect(slowest).toBeLessThan(ANSWER_LIMIT_MS);

    // The stalled heartbeat makes B drop that connection and listen on a new one; its cache is trusted again.
    await until('B to listen on a new connection', () => listener().some((c) => !c.stalled), 15_000);
    await until('B to acknowledge again', () => revokedFast(a, user), 15_000);
    const again = await login(a, user.username, user.password);
    await warm(base, again.accessToken);
    await request(a.getHttpServer()).post('/v1/auth/logout').set(bearer(again.accessToken)).expect(200);
    expect(await sessionStatus(base, again.accessToken)).toBe(401);
  });
});
