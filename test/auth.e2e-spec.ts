import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { SessionsService } from '../src/sessions/sessions.service.js';
import { bearer, createTestDatabase, createUser, login, loginAdmin, startApp } from './support/test-app.js';
import { TEST_ADMIN } from './test-env.js';

describe('auth (native /v1)', () => {
  let app: NestFastifyApplication;
  let adminToken: string;

  beforeAll(async () => {
    app = await startApp(await createTestDatabase());
    adminToken = (await loginAdmin(app)).accessToken;
  });
  afterAll(() => app.close());

  const http = () => request(app.getHttpServer());

  it('logs in with username or email and returns opaque bearer tokens', async () => {
    const byEmail = await http().post('/v1/auth/login').send({ email: TEST_ADMIN.email.toUpperCase(), password: TEST_ADMIN.password }).expect(200);
    expect(byEmail.body).toMatchObject({ tokenType: 'Bearer', expiresIn: expect.any(Number), sessionId: expect.any(String), userId: expect.any(String) });
    expect(byEmail.body.accessToken).toMatch(/^sat_/);
    const me = await http().get('/v1/auth/me').set(bearer(byEmail.body.accessToken)).expect(200);
    expect(me.body.user.username).toBe(TEST_ADMIN.username);
    expect(me.body.permissions).toEqual(expect.arrayContaining(['sessions.revoke-any', 'audit.read', 'users.manage']));
    expect(me.body.session.id).toBe(byEmail.body.sessionId);
  });

  it('GET /v1/auth/session answers from the validated session: who, which session, which permissions, until when', async () => {
    const user = await createUser(app, adminToken);
    const res = await http().get('/v1/auth/session').set(bearer(user.accessToken)).expect(200);
    expect(res.body).toEqual({
      active: true,
      userId: user.userId,
      username: user.username,
      accountId: expect.any(String),
      sessionId: user.sessionId,
      sessionNumber: expect.any(Number),
      permissions: [],
      expiresAt: expect.any(String),
    });
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Date.parse(res.body.expiresAt)).toBeGreaterThan(Date.now());
    // The answer is kept per validated session: asked again it is the same, and a second session of
    // the same user (same permissions) gets its own.
    expect((await http().get('/v1/auth/session').set(bearer(user.accessToken)).expect(200)).body).toEqual(res.body);
    const second = await login(app, user.username, user.password);
    const other = (await http().get('/v1/auth/session').set(bearer(second.accessToken)).expect(200)).body;
    expect(other.sessionId).toBe(second.sessionId);
    expect(other.sessionId).not.toBe(res.body.sessionId);
    expect(other.sessionNumber).not.toBe(res.body.sessionNumber);
    await http().post('/v1/auth/logout').set(bearer(user.accessToken)).expect(200);
    await http().get('/v1/auth/session').set(bearer(user.accessToken)).expect(401);
    await http().get('/v1/auth/session').set(bearer(second.accessToken)).expect(200);
  });

  it('answers a wrong password and an unknown user the same way, and audits both', async () => {
    const wrong = await http().post('/v1/auth/login').send({ username: TEST_ADMIN.username, password: 'nope-nope-nope' }).expect(401);
    const unknown = await http().post('/v1/auth/login').send({ username: 'nobody-here', password: 'nope-nope-nope' }).expect(401);
    expect(wrong.body.error).toBe('INVALID_CREDENTIALS');
    expect(unknown.body.error).toBe(wrong.body.error);
    expect(unknown.body.message).toBe(wrong.body.message);
    const events = await http().get('/v1/audit/events?action=auth.login_failed').set(bearer(adminToken)).expect(200);
    expect(events.body.items.map((e: { reason: string }) => e.reason)).toContain('bad_password');
  });

  it('throttles failed logins per account: 429 with Retry-After, audited in the user\'s account; successes do not count', async () => {
    const user = await createUser(app, adminToken);
    const throttled = await startApp(await createTestDatabase(), { LOGIN_THROTTLE_LIMIT: '3' });
    try {
      const t = () => request(throttled.getHttpServer());
      const admin = await loginAdmin(throttled);
      const victim = await createUser(throttled, admin.accessToken);
      // createUser's login succeeded, so it used none of the 3 failures allowed; neither do these.
      for (let i = 0; i < 4; i++) await login(throttled, victim.username, victim.password);
      for (let i = 0; i < 3; i++) await t().post('/v1/auth/login').send({ username: victim.username, password: 'wrong-password-123' }).expect(401);
      const res = await t().post('/v1/auth/login').send({ username: victim.username, password: victim.password }).expect(429);
      expect(res.body).toMatchObject({ statusCode: 429, error: 'TOO_MANY_REQUESTS' });
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      // another name from the same address is not blocked by this one
      await t().post('/v1/auth/login').send({ username: 'someone-else', password: 'wrong-password-123' }).expect(401);
      const events = await t().get(`/v1/audit/events?action=auth.login_throttled&targetUserId=${victim.userId}`).set(bearer(admin.accessToken)).expect(200);
      expect(events.body.items[0]).toMatchObject({ outcome: 'denied', targetUserId: victim.userId, reason: 'too many login attempts' });
      expect(events.body.items[0].details).toMatchObject({ counter: 'account', limit: 3, ttlSeconds: 60 });
      // A name with a NUL is refused by validation (400) before any password check: not a guess, never a 500.
      const nul = () => t().post('/v1/auth/login').send({ username: 'nul\u0000name', password: 'wrong-password-123' });
      for (let i = 0; i < 5; i++) expect((await nul()).status).toBe(400);
    } finally {
      await throttled.close();
    }
    // the first app, with its own limit, is unaffected
    await login(app, user.username, user.password);
  });

  it('rejects malformed bodies and unknown fields with 400 and changes nothing', async () => {
    const res = await http().post('/v1/auth/login').send({ username: 'admin', password: 'x', extra: 1 }).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'VALIDATION_FAILED', requestId: expect.any(String) });
    const bad = await http().post('/v1/auth/login').set('content-type', 'application/json').send('{"username":').expect(400);
    expect(bad.body.error).toBe('VALIDATION_FAILED');
  });

  it('binds a session to a push token of any length the DTO allows (4096), and refuses a longer one with 400', async () => {
    const user = await createUser(app, adminToken);
    // Random, so incompressible: a 2.7 KB token used to overflow the btree index row (a 500).
    const longest = randomBytes(3072).toString('base64');
    expect(longest).toHaveLength(4096);
    const res = await http().post('/v1/auth/login').send({ username: user.username, password: user.password, deviceToken: longest }).expect(200);
    const me = await http().get('/v1/auth/me').set(bearer(res.body.accessToken)).expect(200);
    expect(me.body.session).toMatchObject({ id: res.body.sessionId, hasDeviceToken: true });
    const tooLong = await http().post('/v1/auth/login').send({ username: user.username, password: user.password, deviceToken: `${longest}x` }).expect(400);
    expect(tooLong.body).toMatchObject({ statusCode: 400, error: 'VALIDATION_FAILED', message: expect.stringContaining('deviceToken') });
    // An empty push token binds no device: refused, as ZAP refuses it, rather than stored as a device.
    const empty = await http().post('/v1/auth/login').send({ username: user.username, password: user.password, deviceToken: '' }).expect(400);
    expect(empty.body.message).toContain('deviceToken');
  });

  it('refuses requests without or with a bad token (401)', async () => {
    await http().get('/v1/auth/me').expect(401);
    const res = await http().get('/v1/auth/me').set(bearer('sat_not-a-token')).expect(401);
    expect(res.body.error).toBe('UNAUTHENTICATED');
  });

  it('logout scopes: local ends this session only, others keeps it, global ends all', async () => {
    const user = await createUser(app, adminToken);
    const second = await login(app, user.username, user.password);
    const third = await login(app, user.username, user.password);

    const local = await http().post('/v1/auth/logout').set(bearer(user.accessToken)).expect(200);
    expect(local.body).toMatchObject({ revokedCount: 1, sessionIds: [user.sessionId], action: 'session.logout' });
    await http().get('/v1/auth/me').set(bearer(user.accessToken)).expect(401);
    // idempotent: the already-ended session answers 401 (its token is gone), nothing else changes
    await http().get('/v1/auth/me').set(bearer(second.accessToken)).expect(200);

    const others = await http().post('/v1/auth/logout?scope=others').set(bearer(second.accessToken)).expect(200);
    expect(others.body.revokedCount).toBe(1);
    expect(others.body.sessionIds).toEqual([third.sessionId]);
    await http().get('/v1/auth/me').set(bearer(third.accessToken)).expect(401);
    await http().get('/v1/auth/me').set(bearer(second.accessToken)).expect(200);

    const global = await http().post('/v1/auth/logout?scope=global').set(bearer(second.accessToken)).expect(200);
    expect(global.body.revokedCount).toBe(1);
    await http().get('/v1/auth/me').set(bearer(second.accessToken)).expect(401);

    await http().post('/v1/auth/logout?scope=everything').set(bearer(adminToken)).expect(400);
  });

  it('rotates refresh tokens and treats reuse as theft', async () => {
    const user = await createUser(app, adminToken);
    const first = await http().post('/v1/auth/refresh').send({ refreshToken: user.refreshToken }).expect(200);
    expect(first.body.sessionId).toBe(user.sessionId);
    expect(first.body.refreshToken).not.toBe(user.refreshToken);
    await http().get('/v1/auth/me').set(bearer(user.accessToken)).expect(401);
    await http().get('/v1/auth/me').set(bearer(first.body.accessToken)).expect(200);

    const reuse = await http().post('/v1/auth/refresh').send({ refreshToken: user.refreshToken }).expect(401);
    expect(reuse.body.error).toBe('REFRESH_TOKEN_REUSED');
    await http().get('/v1/auth/me').set(bearer(first.body.accessToken)).expect(401);
    await http().post('/v1/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(401);

    const events = await http().get(`/v1/audit/events?action=session.refresh_reuse&targetUserId=${user.userId}`).set(bearer(adminToken)).expect(200);
    expect(events.body.items).toHaveLength(1);
    expect(events.body.items[0]).toMatchObject({ sessionIds: [user.sessionId], sessionCount: 1 });
  });

  it('records each login as one session.login event naming the new session, in the audit chain', async () => {
    const user = await createUser(app, adminToken);
    const res = await http()
      .post('/v1/auth/login')
      .set('x-request-id', 'login-audit-check-1')
      .set('user-agent', 'login-audit-test')
      .send({ username: user.username, password: user.password, deviceName: 'laptop' })
      .expect(200);
    const events = await http().get(`/v1/audit/events?action=session.login&targetUserId=${user.userId}`).set(bearer(adminToken)).expect(200);
    // createUser logged in once too: two logins, two events, newest first.
    expect(events.body.items).toHaveLength(2);
    expect(events.body.items[0]).toMatchObject({
      action: 'session.login',
      outcome: 'success',
      targetUserId: user.userId,
      targetLabel: user.username,
      sessionIds: [res.body.sessionId],
      sessionCount: 1,
      surface: 'native',
      requestId: 'login-audit-check-1',
      userAgent: 'login-audit-test',
      details: { deviceName: 'laptop' },
    });
    const verify = await http().get('/v1/audit/verify').set(bearer(adminToken)).expect(200);
    expect(verify.body.ok).toBe(true);
  });

  it('writes neither the session nor its login event when the user is disabled between the password check and the write', async () => {
    const user = await createUser(app, adminToken);
    const dataSource = app.get(DataSource);
    const count = async (sql: string) => Number((await dataSource.query(sql, [user.userId]))[0].n);
    const sessionsBefore = await count('SELECT count(*) AS n FROM sessions WHERE user_id = $1');
    const eventsBefore = await count(`SELECT count(*) AS n FROM audit_events WHERE target_user_id = $1 AND action = 'session.login'`);
    // The state a concurrent "disable" leaves behind after the password was checked.
    await dataSource.query(`UPDATE users SET status = 'disabled' WHERE id = $1`, [user.userId]);
    const issued = await app.get(SessionsService).issue(
      { userId: user.userId, accountId: (await dataSource.query('SELECT account_id FROM users WHERE id = $1', [user.userId]))[0].account_id },
      { requestId: 'race', ip: '127.0.0.1', userAgent: null, surface: 'native' },
      { action: 'session.login', accountId: null, context: { requestId: 'race', ip: '127.0.0.1', userAgent: null, surface: 'native' }, targetUserId: user.userId },
    );
    expect(issued).toBeNull();
    expect(await count('SELECT count(*) AS n FROM sessions WHERE user_id = $1')).toBe(sessionsBefore);
    expect(await count(`SELECT count(*) AS n FROM audit_events WHERE target_user_id = $1 AND action = 'session.login'`)).toBe(eventsBefore);
  });

  it('disabled users cannot log in, and disabling ends their sessions', async () => {
    const user = await createUser(app, adminToken);
    await http().patch(`/v1/users/${user.userId}`).set(bearer(adminToken)).send({ status: 'disabled' }).expect(200);
    await http().get('/v1/auth/me').set(bearer(user.accessToken)).expect(401);
    const res = await http().post('/v1/auth/login').send({ username: user.username, password: user.password }).expect(401);
    expect(res.body.error).toBe('INVALID_CREDENTIALS');
  });

  it('disabling ends sessions already validated (cached) everywhere, audits them, and enabling again revives none', async () => {
    const dataSource = app.get(DataSource);
    const user = await createUser(app, adminToken);
    const refresh = (await http().post('/v1/auth/login').send({ username: user.username, password: user.password }).expect(200)).body.refreshToken as string;
    // Validated once: the token is now in the validation cache.
    await http().get('/v1/auth/session').set(bearer(user.accessToken)).expect(200);
    await http().patch(`/v1/users/${user.userId}`).set(bearer(adminToken)).send({ status: 'disabled' }).expect(200);
    await http().get('/v1/auth/session').set(bearer(user.accessToken)).expect(401);
    const forced = await dataSource.query(
      `SELECT session_count AS n, reason FROM audit_events WHERE target_user_id = $1 AND action = 'session.forced_logout'`,
      [user.userId],
    );
    expect(forced).toEqual([{ n: 2, reason: 'user disabled' }]);
    await http().patch(`/v1/users/${user.userId}`).set(bearer(adminToken)).send({ status: 'active' }).expect(200);
    await http().get('/v1/auth/session').set(bearer(user.accessToken)).expect(401);
    await http().post('/v1/auth/refresh').send({ refreshToken: refresh }).expect(401);
    // The user can sign in again, with a new session.
    const again = await http().post('/v1/auth/login').send({ username: user.username, password: user.password }).expect(200);
    await http().get('/v1/auth/session').set(bearer(again.body.accessToken)).expect(200);
  });
});
