import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import request from 'supertest';
import { LISTENER_APPLICATION_NAME, SessionInvalidationService } from '../src/sessions/session-invalidation.service.js';
import { bearer, createTestDatabase, createUser, login, loginAdmin, startApp } from './support/test-app.js';
import { until } from './support/until.js';

/** The backend pid of an instance's LISTEN connection (the pg Client's own processID), null while down. */
function currentListenerPid(app: NestFastifyApplication): number | null {
  const service = app.get(SessionInvalidationService) as unknown as { client: { processID: number } | null };
  return service.client?.processID ?? null;
}

function listenerPid(app: NestFastifyApplication): number {
  const pid = currentListenerPid(app);
  if (pid === null) throw new Error('listener not connected');
  return pid;
}

/** The instance has noticed that its listener `pid` is gone: down now, or already on a new connection (whose cache started empty). */
const noticedLoss = (app: NestFastifyApplication, pid: number) => () =>
  !app.get(SessionInvalidationService).ready || (currentListenerPid(app) !== null && currentListenerPid(app) !== pid);

describe('two instances on one database (each with its own cache and LISTEN connection)', () => {
  let a: NestFastifyApplication;
  let b: NestFastifyApplication;
  let db: pg.Client;
  let adminToken: string;

  beforeAll(async () => {
    const url = await createTestDatabase();
    a = await startApp(url);
    b = await startApp(url);
    db = new pg.Client({ connectionString: url });
    await db.connect();
    adminToken = (await loginAdmin(a)).accessToken;
  });
  afterAll(async () => {
    await db.end();
    await b.close();
    await a.close();
  });

  const on = (app: NestFastifyApplication) => request(app.getHttpServer());
  const meOn = (app: NestFastifyApplication, token: string) => on(app).get('/v1/auth/me').set(bearer(token));
  /** Two validations on B: the first may read the database, the second is answered from B's cache. */
  const warmOnB = async (token: string) => {
    await meOn(b, token).expect(200);
    await meOn(b, token).expect(200);
  };
  const invalidation = (app: NestFastifyApplication) => app.get(SessionInvalidationService);

  it('B answers from its own cache: a revocation written behind the services’ back is not seen', async () => {
    const user = await createUser(a, adminToken);
    await warmOnB(user.accessToken);
    // No NOTIFY: only the database knows. This is why revocations must go through the service.
    await db.query('UPDATE sessions SET revoked_at = now() WHERE id = $1', [user.sessionId]);
    await meOn(b, user.accessToken).expect(200);
  });

  it('a single session revoked on A is refused by B on the very next request (20 times in a row)', async () => {
    const user = await createUser(a, adminToken);
    for (let i = 0; i < 20; i++) {
      const session = await login(a, user.username, user.password);
      await warmOnB(session.accessToken);
      if (i % 2 === 0) {
        const res = await on(a).delete(`/v1/sessions/${session.sessionId}`).set(bearer(adminToken)).expect(200);
        expect(res.body.revokedCount).toBe(1);
      } else {
        await on(a).post('/v1/auth/logout').set(bearer(session.accessToken)).expect(200);
      }
      const after = await meOn(b, session.accessToken);
      expect({ round: i, status: after.status }).toEqual({ round: i, status: 401 });
    }
  });

  it('a user-wide forced logout on A is refused by B at once, for every session of the user', async () => {
    const user = await createUser(a, adminToken);
    const others = [await login(a, user.username, user.password), await login(a, user.username, user.password)];
    const tokens = [user.accessToken, ...others.map((s) => s.accessToken)];
    for (const token of tokens) await warmOnB(token);
    const res = await on(a).post(`/v1/users/${user.userId}/logout`).set(bearer(adminToken)).send({ reason: 'multi-instance test' }).expect(200);
    expect(res.body.revokedCount).toBe(3);
    for (const token of tokens) await meOn(b, token).expect(401);
  });

  it('an account-wide logout on A is refused by B at once', async () => {
    const account = await on(a).post('/v1/accounts').set(bearer(adminToken)).send({ name: `multi-${Date.now()}` }).expect(201);
    const first = await createUser(a, adminToken, { accountId: account.body.id });
    const second = await createUser(a, adminToken, { accountId: account.body.id });
    await warmOnB(first.accessToken);
    await warmOnB(second.accessToken);
    const res = await on(a).post(`/v1/accounts/${account.body.id}/logout`).set(bearer(adminToken)).send({ reason: 'multi-instance test' }).expect(200);
    expect(res.body.revokedCount).toBe(2);
    await meOn(b, first.accessToken).expect(401);
    await meOn(b, second.accessToken).expect(401);
    // The admin (another account) is untouched on both instances.
    await meOn(b, adminToken).expect(200);
  });

  it('an API key revoked on A is refused by B at once (B had it cached), and role changes apply on B at once', async () => {
    const key = await on(a).post('/v1/api-keys').set(bearer(adminToken)).send({ name: 'multi-instance' }).expect(201);
    const user = await createUser(a, adminToken);
    const introspect = () => on(b).post('/v1/oauth/introspect').set('X-API-Key', key.body.apiKey).send({ token: user.accessToken });
    expect((await introspect().expect(200)).body.active).toBe(true);
    expect((await introspect().expect(200)).body.active).toBe(true);
    await on(a).delete(`/v1/api-keys/${key.body.id}`).set(bearer(adminToken)).expect(200);
    await introspect().expect(401);

    const session = () => on(b).get('/v1/auth/session').set(bearer(user.accessToken));
    expect((await session().expect(200)).body.permissions).toEqual([]);
    await on(a).put(`/v1/users/${user.userId}/roles`).set(bearer(adminToken)).send({ roles: ['auditor'] }).expect(200);
    expect((await session().expect(200)).body.permissions).toEqual(['audit.read', 'sessions.read-any']);
  });

  it('when B’s LISTEN connection is killed, B stops trusting its cache, then recovers', async () => {
    const user = await createUser(a, adminToken);
    const missed = await login(a, user.username, user.password);
    await warmOnB(missed.accessToken);
    const pid = listenerPid(b);
    const { rows } = await db.query('SELECT pg_terminate_backend($1) AS killed', [pid]);
    expect(rows[0].killed).toBe(true);
    await until('B to notice the lost channel', noticedLoss(b, pid));
    // A revocation B cannot hear about (no NOTIFY at all): B must still refuse, from the database.
    await db.query('UPDATE sessions SET revoked_at = now() WHERE id = $1', [missed.sessionId]);
    await meOn(b, missed.accessToken).expect(401);
    await meOn(b, user.accessToken).expect(200);

    await until('B to reconnect', () => invalidation(b).ready);
    const { rows: listeners } = await db.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1', [
      LISTENER_APPLICATION_NAME,
    ]);
    expect(listeners.map((r: { pid: number }) => r.pid)).toContain(listenerPid(b));
    expect(listenerPid(b)).not.toBe(pid);
    // Back to normal: cached on B, revoked on A, refused by B on the next request.
    await warmOnB(user.accessToken);
    await on(a).post('/v1/auth/logout').set(bearer(user.accessToken)).expect(200);
    await meOn(b, user.accessToken).expect(401);
  });

  it('when every listener is killed, both instances refuse what was revoked meanwhile, then recover', async () => {
    const user = await createUser(a, adminToken);
    const session = await login(a, user.username, user.password);
    await meOn(a, session.accessToken).expect(200);
    await warmOnB(session.accessToken);
    const [pidA, pidB] = [listenerPid(a), listenerPid(b)];
    const { rows } = await db.query('SELECT count(*)::int AS n FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1) t', [
      LISTENER_APPLICATION_NAME,
    ]);
    expect(rows[0].n).toBe(2);
    await until('both instances to notice the lost channel', () => noticedLoss(a, pidA)() && noticedLoss(b, pidB)());
    await db.query('UPDATE sessions SET revoked_at = now() WHERE id = $1', [session.sessionId]);
    await meOn(a, session.accessToken).expect(401);
    await meOn(b, session.accessToken).expect(401);
    await until('both instances to reconnect', () => invalidation(a).ready && invalidation(b).ready);
    await warmOnB(user.accessToken);
    await on(a).delete(`/v1/sessions/${user.sessionId}`).set(bearer(adminToken)).expect(200);
    await meOn(b, user.accessToken).expect(401);
  });
});
