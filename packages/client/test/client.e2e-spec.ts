import { ChimeClient, LogoutUserCommand } from '@aws-sdk/client-chime';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import request from 'supertest';
import { StallingProxy } from '../../../bench/lib/stalling-proxy.js';
import { spawnInstance } from '../../../test/support/instance-process.js';
import { bearer, createTestDatabase, createUser, login, loginAdmin, startApp, urlOf } from '../../../test/support/test-app.js';
import { until } from '../../../test/support/until.js';
import { startConsumer } from '../example/nest-consumer.js';
import { SessionServiceClient } from '../src/index.js';
import type { Validation } from '../src/index.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = '1';

const LEASE_MS = 500;
/** Each app its own config registry (its own database URL). */
const OWN_CONFIG = { INVALIDATION_LEASE_MS: String(LEASE_MS) };

const answer = async (client: SessionServiceClient, token: string): Promise<Validation> => client.validate(token);

/** Validated twice: the second answer must come from the cache, without a request. */
async function cache(client: SessionServiceClient, token: string): Promise<void> {
  expect((await answer(client, token)).active).toBe(true);
  const hits = client.stats.hits;
  const again = client.validate(token);
  expect('then' in again).toBe(false);
  expect((again as Validation).active).toBe(true);
  expect(client.stats.hits).toBe(hits + 1);
}

/** After a revocation answered: how long until the client refuses the token (bounded by the lease). */
async function refusedAfter(client: SessionServiceClient, token: string): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (!(await answer(client, token)).active) return performance.now() - started;
    if (performance.now() - started > 5 * LEASE_MS) throw new Error('the client still accepts a revoked token');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

async function apiKey(app: NestFastifyApplication, token: string, name: string): Promise<{ id: string; apiKey: string }> {
  return (await request(app.getHttpServer()).post('/v1/api-keys').set(bearer(token)).send({ name }).expect(201)).body;
}

describe('a client of an instance frozen by SIGSTOP', () => {
  it('stops trusting its cache within the lease and refuses the token revoked meanwhile', async () => {
    const url = await createTestDatabase();
    const a = await startApp(url, OWN_CONFIG);
    const b = await spawnInstance(url);
    const adminToken = (await loginAdmin(a)).accessToken;
    const key = await apiKey(a, adminToken, 'frozen');
    const client = new SessionServiceClient({ baseUrl: b.url, apiKey: key.apiKey, leaseMs: LEASE_MS, requestTimeoutMs: 300 }).start();
    try {
      await until('the client to trust its cache', () => client.trusted);
      const user = await createUser(a, adminToken);
      await cache(client, user.accessToken);
      b.freeze();
      try {
        await request(a.getHttpServer()).post('/v1/auth/logout').set(bearer(user.accessToken)).expect(200);
        // The lease runs out; then introspection on the frozen instance times out: refused either way.
        expect(await refusedAfter(client, user.accessToken)).toBeLessThan(LEASE_MS + 300 + 100);
        expect(client.trusted).toBe(false);
      } finally {
        b.thaw();
      }
      await until('the client to trust its cache again', () => client.trusted, 10_000);
      expect((await answer(client, user.accessToken)).active).toBe(false);
    } finally {
      await client.close();
      await b.stop();
      await a.close();
    }
  });
});

describe('the client library against two instances (revoked on A, validated by a client of B)', () => {
  let url: string;
  let a: NestFastifyApplication;
  let b: NestFastifyApplication;
  let adminToken: string;
  let key: { id: string; apiKey: string };
  let client: SessionServiceClient;

  beforeAll(async () => {
    url = await createTestDatabase();
    a = await startApp(url, OWN_CONFIG);
    b = await startApp(url, OWN_CONFIG);
    adminToken = (await loginAdmin(a)).accessToken;
    key = await apiKey(a, adminToken, 'client-library');
    client = new SessionServiceClient({ baseUrl: urlOf(b), apiKey: key.apiKey, leaseMs: LEASE_MS }).start();
    await until('the client to trust its cache', () => client.trusted);
  });
  afterAll(async () => {
    await client?.close();
    await b?.close();
    await a?.close();
  });

  it('answers like introspection, and refuses what is not a live token of its account', async () => {
    const user = await createUser(a, adminToken, { roles: ['auditor'] });
    const got = await answer(client, user.accessToken);
    expect(got).toMatchObject({ active: true, userId: user.userId, username: user.username, sessionId: user.sessionId, permissions: ['audit.read', 'sessions.read-any'] });
    expect(await answer(client, 'sat_not-a-token')).toEqual({ active: false, reason: 'inactive' });
    expect(await answer(client, '')).toEqual({ active: false, reason: 'inactive' });
  });

  it('a token revoked through each surface on A is refused by the client of B, within the lease', async () => {
    const http = () => request(a.getHttpServer());
    const me = (await http().get('/v1/auth/me').set(bearer(adminToken)).expect(200)).body;
    const accessKey = (await http().post(`/v1/accounts/${me.user.accountId}/access-keys`).set(bearer(adminToken)).expect(201)).body;
    const chime = new ChimeClient({
      region: 'us-east-1',
      endpoint: `${urlOf(a)}/compat/chime`,
      credentials: { accessKeyId: accessKey.accessKeyId, secretAccessKey: accessKey.secretAccessKey },
      maxAttempts: 1,
    });
    const revokers: [string, (s: { accessToken: string; userId: string; sessionId: string }) => Promise<unknown>][] = [
      ['native logout', (s) => http().post('/v1/auth/logout').set(bearer(s.accessToken)).expect(200)],
      ['native session delete', (s) => http().delete(`/v1/sessions/${s.sessionId}`).set(bearer(adminToken)).expect(200)],
      ['native forced logout', (s) => http().post(`/v1/users/${s.userId}/logout`).set(bearer(adminToken)).send({ reason: 'client test' }).expect(200)],
      ['rocketchat logout', (s) => http().post('/compat/rocketchat/api/v1/logout').set({ 'X-Auth-Token': s.accessToken, 'X-User-Id': s.userId }).expect(200)],
      ['zap logout all', (s) => http().get(`/compat/zap/v1/users/logout/${s.userId}`).set(bearer(s.accessToken)).expect(200)],
      ['ras logoff', (s) => http().post('/compat/ras/api/Session/logoff').set('auth_token', s.accessToken).expect(200)],
      ['chime LogoutUser', (s) => chime.send(new LogoutUserCommand({ AccountId: me.user.accountId, UserId: s.userId }))],
    ];
    const delays: Record<string, number> = {};
    for (const [surface, revoke] of revokers) {
      const user = await createUser(a, adminToken, { prefix: 'surface' });
      await cache(client, user.accessToken);
      await revoke(user);
      delays[surface] = await refusedAfter(client, user.accessToken);
    }
    for (const [surface, ms] of Object.entries(delays)) expect({ surface, withinLease: ms < LEASE_MS }).toEqual({ surface, withinLease: true });
  });

  it('the Nest example service accepts a live token and refuses it once revoked', async () => {
    const consumer = await startConsumer({ baseUrl: urlOf(b), apiKey: key.apiKey, leaseMs: LEASE_MS });
    try {
      const user = await createUser(a, adminToken, { prefix: 'orders' });
      const orders = () => request(consumer.getHttpServer()).get('/orders').set(bearer(user.accessToken));
      expect((await orders().expect(200)).body).toEqual({ owner: user.username, orders: [] });
      await request(consumer.getHttpServer()).get('/orders').expect(401);
      await request(a.getHttpServer()).post('/v1/auth/logout').set(bearer(user.accessToken)).expect(200);
      await until('the example service to refuse the revoked token', async () => (await orders()).status === 401, 5 * LEASE_MS);
    } finally {
      await consumer.close();
    }
  });

  it('an API key of another account hears none of this account’s invalidations', async () => {
    const account = (await request(a.getHttpServer()).post('/v1/accounts').set(bearer(adminToken)).send({ name: `client-other-${Date.now()}` }).expect(201)).body;
    const otherAdmin = await createUser(a, adminToken, { accountId: account.id, roles: ['admin'], prefix: 'otheradmin' });
    const otherKey = await apiKey(a, otherAdmin.accessToken, 'other-account');
    const other = new SessionServiceClient({ baseUrl: urlOf(b), apiKey: otherKey.apiKey, leaseMs: LEASE_MS }).start();
    try {
      await until('the other client to trust its cache', () => other.trusted);
      const user = await createUser(a, adminToken, { prefix: 'mine' });
      await cache(client, user.accessToken);
      // Not its account: the other client's introspection says inactive.
      expect(await answer(other, user.accessToken)).toEqual({ active: false, reason: 'inactive' });
      const before = other.stats.invalidations;
      const mine = client.stats.invalidations;
      await request(a.getHttpServer()).post('/v1/auth/logout').set(bearer(user.accessToken)).expect(200);
      await refusedAfter(client, user.accessToken);
      expect(client.stats.invalidations).toBeGreaterThan(mine);
      // A heartbeat later (the stream is ordered), the other stream still carried nothing.
      await new Promise((resolve) => setTimeout(resolve, 3 * 250));
      expect(other.stats.invalidations).toBe(before);
    } finally {
      await other.close();
    }
  });

  it('resume after a short drop replays what the stream missed (and keeps the rest of the cache)', async () => {
    const target = new URL(urlOf(b));
    const proxy = new StallingProxy(target.hostname, Number(target.port));
    await proxy.start();
    const viaProxy = new SessionServiceClient({ baseUrl: `http://127.0.0.1:${proxy.port}`, apiKey: key.apiKey, leaseMs: LEASE_MS }).start();
    try {
      await until('the proxied client to trust its cache', () => viaProxy.trusted);
      const user = await createUser(a, adminToken, { prefix: 'replay' });
      const kept = await login(a, user.username, user.password);
      await cache(viaProxy, user.accessToken);
      await cache(viaProxy, kept.accessToken);
      // Hold everything B sends (the invalidation included), revoke, then cut those connections.
      expect(proxy.stall(() => true)).toBeGreaterThan(0);
      await request(a.getHttpServer()).delete(`/v1/sessions/${user.sessionId}`).set(bearer(adminToken)).expect(200);
      expect(proxy.drop(() => true)).toBeGreaterThan(0);
      await until('the client to notice', () => !viaProxy.trusted);
      await until('the client to resume', () => viaProxy.trusted, 10_000);
      // The replay dropped the revoked entry; without it the cache would still say active.
      expect(await answer(viaProxy, user.accessToken)).toEqual({ active: false, reason: 'inactive' });
      // The rest of the cache survived the drop: answered from it, at once.
      const hits = viaProxy.stats.hits;
      expect((viaProxy.validate(kept.accessToken) as Validation).active).toBe(true);
      expect(viaProxy.stats.hits).toBe(hits + 1);
    } finally {
      await viaProxy.close();
      await proxy.close();
    }
  });

  it('when the instance’s LISTEN connection drops, the revoked token is refused and stays refused through the resume', async () => {
    const user = await createUser(a, adminToken, { prefix: 'deaf' });
    await cache(client, user.accessToken);
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'session-service-listener') t`,
      );
      expect(rows[0].n).toBe(2);
    } finally {
      await db.end();
    }
    await request(a.getHttpServer()).post('/v1/auth/logout').set(bearer(user.accessToken)).expect(200);
    expect(await refusedAfter(client, user.accessToken)).toBeLessThan(LEASE_MS);
    // B listens again, the stream resumes from the client's last id: still refused, whatever answers.
    const deadline = Date.now() + 1500;
    while (Date.now() < deadline) {
      expect((await answer(client, user.accessToken)).active).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await until('the client to trust its cache again', () => client.trusted);
    expect((await answer(client, user.accessToken)).active).toBe(false);
  });

  it('a revoked API key ends its stream: the client trusts nothing and refuses every token', async () => {
    const own = await apiKey(a, adminToken, 'to-revoke');
    const doomed = new SessionServiceClient({ baseUrl: urlOf(b), apiKey: own.apiKey, leaseMs: LEASE_MS }).start();
    try {
      await until('the client to trust its cache', () => doomed.trusted);
      const user = await createUser(a, adminToken, { prefix: 'keyed' });
      await cache(doomed, user.accessToken);
      await request(a.getHttpServer()).delete(`/v1/api-keys/${own.id}`).set(bearer(adminToken)).expect(200);
      await until('the stream to end', () => !doomed.trusted, 5 * LEASE_MS);
      expect(await answer(doomed, user.accessToken)).toEqual({ active: false, reason: 'unavailable' });
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(doomed.trusted).toBe(false);
    } finally {
      await doomed.close();
    }
  });
});
