import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { LIVE_SESSION_SQL, SESSION_JOINS } from '../src/sessions/session-sql.js';
import { bearer, createTestDatabase, createUser, login, loginAdmin, startApp } from './support/test-app.js';
import { until } from './support/until.js';

const SESSION_REVOKED = 'https://schemas.openid.net/secevent/caep/event-type/session-revoked';
/** Many logins at once from one address: the throttle must not be what refuses them. */
const LOGIN_ENV = { LOGIN_THROTTLE_LIMIT: '1000', LOGIN_THROTTLE_ADDRESS_LIMIT: '1000', SESSION_EXPIRY_SWEEP_INTERVAL_MS: '200' };

/** Session policy (issue 17): the API, the limit (refuse, end-oldest, under concurrency on two instances), per-role lifetimes, expiry audit. */
describe('session policy', () => {
  let app: NestFastifyApplication;
  let other: NestFastifyApplication;
  let db: pg.Client;
  let sys: string;

  const http = (on: NestFastifyApplication = app) => request(on.getHttpServer());
  const liveSessions = async (userId: string) =>
    Number((await db.query(`SELECT count(*) FROM ${SESSION_JOINS} WHERE s.user_id = $1 AND ${LIVE_SESSION_SQL}`, [userId])).rows[0].count);
  const events = async (action: string, targetUserId: string, accountId?: string) =>
    (await http().get(`/v1/audit/events?action=${action}&targetUserId=${targetUserId}${accountId ? `&accountId=${accountId}` : ''}`).set(bearer(sys)).expect(200))
      .body.items as Record<string, any>[];

  /** A fresh account with an admin (roles admin) in it: each test's policy is its own. */
  async function account(): Promise<{ id: string; admin: Awaited<ReturnType<typeof createUser>> }> {
    const created = await http().post('/v1/accounts').set(bearer(sys)).send({ name: `policy-${randomUUID()}` }).expect(201);
    const admin = await createUser(app, sys, { roles: ['admin'], accountId: created.body.id, prefix: 'padmin' });
    return { id: created.body.id, admin };
  }
  const putPolicy = (accountId: string, token: string, body: Record<string, unknown>) => http().put(`/v1/accounts/${accountId}/session-policy`).set(bearer(token)).send(body);

  beforeAll(async () => {
    const url = await createTestDatabase();
    app = await startApp(url, LOGIN_ENV);
    other = await startApp(url, LOGIN_ENV);
    db = new pg.Client({ connectionString: url });
    await db.connect();
    sys = (await loginAdmin(app)).accessToken;
  });
  afterAll(async () => {
    await db?.end();
    await app?.close();
    await other?.close();
  });

  describe('the policy API', () => {
    it('reads the defaults, replaces the policy with accounts.manage or policy.manage, audits before and after', async () => {
      const { id, admin } = await account();
      const empty = await http().get(`/v1/accounts/${id}/session-policy`).set(bearer(admin.accessToken)).expect(200);
      expect(empty.body).toEqual({ accountId: id, updatedAt: null });
      const policy = { maxSessions: 3, atLimit: 'end-oldest', idleTimeoutSeconds: 1800, roles: [{ role: 'admin', maxSessions: 2, absoluteLifetimeSeconds: 28_800 }] };
      const put = await putPolicy(id, admin.accessToken, policy).expect(200);
      expect(put.body).toEqual({ ...policy, accountId: id, updatedAt: expect.any(String) });
      expect((await http().get(`/v1/accounts/${id}/session-policy`).set(bearer(sys)).expect(200)).body).toEqual(put.body);
      await putPolicy(id, sys, { maxSessions: 5 }).expect(200);
      const audit = await http().get(`/v1/audit/events?action=session_policy.updated&accountId=${id}`).set(bearer(sys)).expect(200);
      expect(audit.body.items.map((e: { details: unknown }) => e.details)).toEqual([
        { before: policy, after: { maxSessions: 5 } },
        { before: {}, after: policy },
      ]);
    });

    it('refuses a caller without the permission (403), another account (404, like an unknown one), bad bodies and unknown roles (400), changing nothing', async () => {
      const { id, admin } = await account();
      const plain = await createUser(app, sys, { accountId: id, prefix: 'pplain' });
      const denied = await putPolicy(id, plain.accessToken, { maxSessions: 1 }).expect(403);
      expect(denied.body).toMatchObject({ error: 'PERMISSION_DENIED', details: { permission: 'policy.manage' } });
      await http().get(`/v1/accounts/${id}/session-policy`).set(bearer(plain.accessToken)).expect(403);
      const foreign = await account();
      expect((await putPolicy(foreign.id, admin.accessToken, { maxSessions: 1 }).expect(404)).body.error).toBe('NOT_FOUND');
      expect((await putPolicy(randomUUID(), admin.accessToken, { maxSessions: 1 }).expect(404)).body.error).toBe('NOT_FOUND');
      for (const body of [
        { maxSessions: 0 },
        { maxSessions: 'three' },
        { atLimit: 'kill-all' },
        { idleTimeoutSeconds: 5 },
        { stepUpActions: ['launch-missiles'] },
        { roles: [{ maxSessions: 2 }] },
        { roles: [{ role: 'no-such-role', maxSessions: 2 }] },
        { roles: [{ role: 'admin' }, { role: 'ADMIN' }] },
        { unknownSetting: true },
      ]) {
        const res = await putPolicy(id, admin.accessToken, body);
        expect([res.status, res.body.error]).toEqual([400, 'VALIDATION_FAILED']);
      }
      expect((await http().get(`/v1/accounts/${id}/session-policy`).set(bearer(admin.accessToken)).expect(200)).body.updatedAt).toBeNull();
      expect((await http().get(`/v1/accounts/not-a-uuid/session-policy`).set(bearer(admin.accessToken))).status).toBe(400);
    });
  });

  describe('the session limit', () => {
    it('refuse: a login past the limit is 403 SESSION_LIMIT_REACHED in the login\'s dialect, audited; the sessions stay', async () => {
      const { id, admin } = await account();
      await putPolicy(id, admin.accessToken, { maxSessions: 2, atLimit: 'refuse' }).expect(200);
      const user = await createUser(app, sys, { accountId: id, prefix: 'prefuse' }); // its first session
      await login(other, user.username, user.password);
      const refused = await http().post('/v1/auth/login').send({ username: user.username, password: user.password }).expect(403);
      expect(refused.body).toMatchObject({ statusCode: 403, error: 'SESSION_LIMIT_REACHED', details: { maxSessions: 2, liveSessions: 2 } });
      const rc = await http(other).post('/compat/rocketchat/api/v1/login').send({ user: user.username, password: user.password }).expect(403);
      expect(rc.body).toMatchObject({ success: false, errorType: 'error-session-limit' });
      const ras = await http().post('/compat/ras/api/Session/logon').send({ username: user.username, password: user.password }).expect(403);
      expect(ras.body).toMatchObject({ status: 403, title: 'Forbidden' });
      expect(await liveSessions(user.userId)).toBe(2);
      // A wrong password is still a wrong password, not a limit.
      expect((await http().post('/v1/auth/login').send({ username: user.username, password: 'wrong-password-here' })).body.error).toBe('INVALID_CREDENTIALS');
      const failed = await events('auth.login_failed', user.userId, id);
      expect(failed.filter((e) => e.reason === 'session limit').map((e) => [e.outcome, e.surface])).toEqual([
        ['denied', 'ras'],
        ['denied', 'rocketchat'],
        ['denied', 'native'],
      ]);
      // Ending one makes room again.
      await http().post('/v1/auth/logout').set(bearer(user.accessToken)).expect(200);
      await login(app, user.username, user.password);
    });

    it('end-oldest: the least recently used session ends through the revocation path, audited as a policy logout; receivers hear initiating_entity policy', async () => {
      const { id, admin } = await account();
      await putPolicy(id, admin.accessToken, { maxSessions: 2, atLimit: 'end-oldest' }).expect(200);
      const stream = await http()
        .post('/ssf/streams')
        .set(bearer(admin.accessToken))
        .send({ delivery: { method: 'urn:ietf:rfc:8936' }, events_requested: [SESSION_REVOKED] })
        .expect(201);
      const user = await createUser(app, sys, { accountId: id, prefix: 'poldest' });
      const second = await login(other, user.username, user.password);
      // Cached on the other instance, which must drop it when the limit ends it.
      expect((await http(other).get('/v1/auth/session').set(bearer(second.accessToken))).status).toBe(200);
      // The first session is used more recently than the second: the second is the one to go.
      await db.query(`UPDATE sessions SET last_seen_at = now() - interval '1 hour' WHERE id = $1`, [second.sessionId]);
      const third = await login(app, user.username, user.password);
      // The login does not wait for the other instances: they drop it within one lease (500 ms).
      const endedAt = Date.now();
      await until('the other instance refuses the ended session', async () => (await http(other).get('/v1/auth/session').set(bearer(second.accessToken))).status === 401, 2000);
      expect(Date.now() - endedAt).toBeLessThan(1500);
      expect((await http().get('/v1/auth/session').set(bearer(user.accessToken))).status).toBe(200);
      expect((await http().get('/v1/auth/session').set(bearer(third.accessToken))).status).toBe(200);
      expect(await liveSessions(user.userId)).toBe(2);
      const [ended] = await events('session.policy_logout', user.userId, id);
      expect(ended).toMatchObject({ reason: 'session limit', sessionIds: [second.sessionId], sessionCount: 1, outcome: 'success', actor: { label: 'policy' } });
      const outbox = await db.query('SELECT payload FROM outbox WHERE audit_event_id = $1 AND destination_id = $2', [ended.id, stream.body.stream_id]);
      expect(outbox.rows).toHaveLength(1);
      expect(outbox.rows[0].payload.events[SESSION_REVOKED]).toMatchObject({ initiating_entity: 'policy' });
      // One statement writes both events: the policy's first, then the login's that caused it; the trail verifies.
      const chain = await db.query('SELECT action, session_ids FROM audit_events WHERE account_id = $1 AND id >= $2 ORDER BY id LIMIT 2', [id, ended.id]);
      expect(chain.rows.map((r) => r.action)).toEqual(['session.policy_logout', 'session.login']);
      expect(chain.rows[1].session_ids).toEqual([third.sessionId]);
      const verified = await http().get('/v1/audit/verify').query({ accountId: id }).set(bearer(admin.accessToken)).expect(200);
      expect(verified.body).toMatchObject({ ok: true, firstBroken: null });
    });

    it('holds under concurrency: 50 simultaneous logins over two instances (or one) leave at most 3 live sessions (end-oldest), exactly 3 admitted (refuse)', async () => {
      const { id, admin } = await account();
      const user = await createUser(app, sys, { accountId: id, prefix: 'prace' });
      await http().post('/v1/auth/logout').set(bearer(user.accessToken)).expect(200);
      const burst = (instances = [app, other]) =>
        Promise.all(Array.from({ length: 50 }, (_, i) => http(instances[i % instances.length]).post('/v1/auth/login').send({ username: user.username, password: user.password })));

      await putPolicy(id, admin.accessToken, { maxSessions: 3, atLimit: 'end-oldest' }).expect(200);
      const ended = await burst();
      expect(ended.map((r) => r.status)).toEqual(Array(50).fill(200));
      expect(await liveSessions(user.userId)).toBeLessThanOrEqual(3);
      expect(await liveSessions(user.userId)).toBe(3);
      const policyLogouts = await events('session.policy_logout', user.userId, id);
      expect(policyLogouts.reduce((n, e) => n + e.sessionCount, 0)).toBe(47);
      expect((await http().get('/v1/audit/verify').query({ accountId: id }).set(bearer(admin.accessToken)).expect(200)).body).toMatchObject({ ok: true, firstBroken: null });

      await http().post(`/v1/users/${user.userId}/logout`).set(bearer(admin.accessToken)).send({}).expect(200);
      expect(await liveSessions(user.userId)).toBe(0);
      await putPolicy(id, admin.accessToken, { maxSessions: 3, atLimit: 'refuse' }).expect(200);
      const refused = await burst();
      const statuses = refused.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(3);
      expect(statuses.filter((s) => s === 403)).toHaveLength(47);
      expect(await liveSessions(user.userId)).toBe(3);

      // And on one instance alone.
      await http().post(`/v1/users/${user.userId}/logout`).set(bearer(admin.accessToken)).send({}).expect(200);
      await putPolicy(id, admin.accessToken, { maxSessions: 3, atLimit: 'end-oldest' }).expect(200);
      expect((await burst([other])).every((r) => r.status === 200)).toBe(true);
      expect(await liveSessions(user.userId)).toBe(3);
    });
  });

  describe('lifetimes per role', () => {
    it('a role override sets the idle timeout, absolute lifetime and access token lifetime of its users\' new sessions; refresh keeps them', async () => {
      const { id, admin } = await account();
      await putPolicy(id, admin.accessToken, {
        idleTimeoutSeconds: 7200,
        roles: [{ role: 'admin', idleTimeoutSeconds: 900, absoluteLifetimeSeconds: 3600, accessTokenTtlSeconds: 300 }],
      }).expect(200);
      const lifetimes = async (sessionId: string) =>
        (
          await db.query(
            `SELECT extract(epoch FROM idle_expires_at - created_at)::int AS idle, extract(epoch FROM expires_at - created_at)::int AS absolute,
                    extract(epoch FROM access_expires_at - created_at)::int AS access FROM sessions WHERE id = $1`,
            [sessionId],
          )
        ).rows[0];
      const adminUser = await createUser(app, sys, { roles: ['admin'], accountId: id, prefix: 'prole' });
      const plain = await createUser(app, sys, { accountId: id, prefix: 'pnorole' });
      const adminLogin = await http().post('/v1/auth/login').send({ username: adminUser.username, password: adminUser.password }).expect(200);
      expect(adminLogin.body.expiresIn).toBe(300);
      expect(await lifetimes(adminLogin.body.sessionId)).toEqual({ idle: 900, absolute: 3600, access: 300 });
      expect(await lifetimes(plain.sessionId)).toEqual({ idle: 7200, absolute: 2_592_000, access: 3600 });
      const refreshed = await http().post('/v1/auth/refresh').send({ refreshToken: adminLogin.body.refreshToken }).expect(200);
      expect(refreshed.body.expiresIn).toBe(300);
      const after = await db.query(
        `SELECT extract(epoch FROM idle_expires_at - now())::int AS idle, extract(epoch FROM access_expires_at - now())::int AS access FROM sessions WHERE id = $1`,
        [adminLogin.body.sessionId],
      );
      expect(after.rows[0].idle).toBeLessThanOrEqual(900);
      expect(after.rows[0].idle).toBeGreaterThan(890);
      expect(after.rows[0].access).toBeLessThanOrEqual(300);
    });
  });

  describe('idle and absolute expiry', () => {
    it('the sweep records each expired session once as a policy logout (idle timeout / absolute lifetime), and nothing for a revoked one', async () => {
      const user = await createUser(app, sys, { prefix: 'pexpire' });
      const idle = await login(app, user.username, user.password);
      const absolute = await login(other, user.username, user.password);
      const revoked = await login(app, user.username, user.password);
      await http().post('/v1/auth/logout').set(bearer(revoked.accessToken)).expect(200);
      await db.query(`UPDATE sessions SET idle_expires_at = now() - interval '1 second' WHERE id = ANY($1)`, [[idle.sessionId, revoked.sessionId]]);
      await db.query(`UPDATE sessions SET expires_at = now() - interval '1 second', idle_expires_at = now() - interval '1 second' WHERE id = $1`, [absolute.sessionId]);
      expect((await http().get('/v1/auth/session').set(bearer(idle.accessToken))).status).toBe(401);
      await until('both expiries recorded', async () => (await events('session.policy_logout', user.userId)).length === 2);
      const recorded = await events('session.policy_logout', user.userId);
      expect(recorded.map((e) => [e.reason, e.sessionIds, e.actor.label, e.surface]).sort()).toEqual(
        [
          ['absolute lifetime', [absolute.sessionId], 'policy', 'system'],
          ['idle timeout', [idle.sessionId], 'policy', 'system'],
        ].sort(),
      );
      // Two instances sweep every 200 ms: after more sweeps, still exactly one event per session.
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(await events('session.policy_logout', user.userId)).toHaveLength(2);
      expect((await http().get('/v1/auth/session').set(bearer(user.accessToken))).status).toBe(200);
    });
  });
});
