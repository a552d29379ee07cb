import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import request from 'supertest';
import { bearer, createTestDatabase, createUser, login, loginAdmin, startApp } from './support/test-app.js';

/** A stolen token is not enough to take the account: one's own password changes only with the current one. */
describe('changing one\'s own password (POST /v1/auth/password)', () => {
  let app: NestFastifyApplication;
  let other: NestFastifyApplication;
  let adminToken: string;
  let db: pg.Client;

  const http = (on: NestFastifyApplication = app) => request(on.getHttpServer());
  const meStatus = async (token: string, on: NestFastifyApplication = app) => (await http(on).get('/v1/auth/me').set(bearer(token))).status;
  const loginStatus = async (username: string, password: string) => (await http().post('/v1/auth/login').send({ username, password })).status;
  const change = (token: string, body: Record<string, unknown>, on: NestFastifyApplication = app) => http(on).post('/v1/auth/password').set(bearer(token)).send(body);
  const passwordHashOf = async (userId: string) => (await db.query('SELECT password_hash FROM users WHERE id = $1', [userId])).rows[0].password_hash as string;

  beforeAll(async () => {
    const databaseUrl = await createTestDatabase();
    app = await startApp(databaseUrl, { LOGIN_THROTTLE_LIMIT: '5' });
    other = await startApp(databaseUrl, { LOGIN_THROTTLE_LIMIT: '5' });
    adminToken = (await loginAdmin(app)).accessToken;
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await app?.close();
    await other?.close();
  });

  it('changes the password with the current one and ends every other session in the same step, on every instance; audited', async () => {
    const user = await createUser(app, adminToken);
    const second = await login(other, user.username, user.password);
    const third = await login(app, user.username, user.password);
    // Cached on the other instance, so its cache must be dropped before the answer.
    expect(await meStatus(second.accessToken, other)).toBe(200);
    const res = await change(user.accessToken, { currentPassword: user.password, newPassword: 'a-brand-new-password' }).expect(200);
    expect(res.body).toEqual({ otherSessionsEnded: 2, auditEventId: expect.any(String) });
    expect(await meStatus(user.accessToken)).toBe(200);
    expect(await meStatus(second.accessToken, other)).toBe(401);
    expect(await meStatus(third.accessToken)).toBe(401);
    expect(await loginStatus(user.username, user.password)).toBe(401);
    expect(await loginStatus(user.username, 'a-brand-new-password')).toBe(200);
    const events = await http().get(`/v1/audit/events?action=user.password_changed&targetUserId=${user.userId}`).set(bearer(adminToken)).expect(200);
    expect(events.body.items).toEqual([
      expect.objectContaining({ id: res.body.auditEventId, outcome: 'success', targetUserId: user.userId, details: { endOtherSessions: true, otherSessionsEnded: 2 } }),
    ]);
    const ended = await http().get(`/v1/audit/events?action=session.revoked_all&targetUserId=${user.userId}`).set(bearer(adminToken)).expect(200);
    expect(ended.body.items[0]).toMatchObject({ reason: 'password changed', sessionCount: 2 });
  });

  it('keeps the other sessions with endOtherSessions: false', async () => {
    const user = await createUser(app, adminToken);
    const second = await login(app, user.username, user.password);
    const res = await change(user.accessToken, { currentPassword: user.password, newPassword: 'another-new-password', endOtherSessions: false }).expect(200);
    expect(res.body.otherSessionsEnded).toBe(0);
    expect(await meStatus(second.accessToken)).toBe(200);
    expect(await loginStatus(user.username, 'another-new-password')).toBe(200);
  });

  it('refuses a wrong current password with 401 INVALID_CREDENTIALS, changes nothing, audits it and counts it toward the login throttle', async () => {
    const user = await createUser(app, adminToken);
    const second = await login(app, user.username, user.password);
    const before = await passwordHashOf(user.userId);
    // 3 wrong current passwords (over both instances) + 2 wrong logins = the 5 failures allowed.
    for (const on of [app, other, app]) {
      const res = await change(user.accessToken, { currentPassword: 'not-the-password', newPassword: 'stolen-token-password' }, on).expect(401);
      expect(res.body).toMatchObject({ statusCode: 401, error: 'INVALID_CREDENTIALS' });
    }
    expect(await passwordHashOf(user.userId)).toBe(before);
    expect(await meStatus(user.accessToken)).toBe(200);
    expect(await meStatus(second.accessToken)).toBe(200);
    for (let i = 0; i < 2; i++) expect(await loginStatus(user.username, 'not-the-password')).toBe(401);
    // The throttle now refuses both a login and a change, even with the right password.
    expect(await loginStatus(user.username, user.password)).toBe(429);
    const throttled = await change(user.accessToken, { currentPassword: user.password, newPassword: 'stolen-token-password' }, other).expect(429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    expect(await passwordHashOf(user.userId)).toBe(before);
    const failures = await http().get(`/v1/audit/events?action=user.password_changed&targetUserId=${user.userId}`).set(bearer(adminToken)).expect(200);
    expect(failures.body.items).toHaveLength(3);
    for (const event of failures.body.items) expect(event).toMatchObject({ outcome: 'failure', reason: 'bad_current_password' });
    const refusals = await http().get(`/v1/audit/events?action=auth.login_throttled&targetUserId=${user.userId}`).set(bearer(adminToken)).expect(200);
    expect(refusals.body.items.map((e: { details: Record<string, unknown> }) => e.details.attempted ?? 'login').sort()).toEqual(['login', 'password change']);
  });

  it('does not spend the allowance on successful changes', async () => {
    const user = await createUser(app, adminToken);
    let password = user.password;
    for (let i = 0; i < 7; i++) {
      const next = `rotated-password-${i}-long`;
      await change(user.accessToken, { currentPassword: password, newPassword: next }, i % 2 ? app : other).expect(200);
      password = next;
    }
    expect(await loginStatus(user.username, password)).toBe(200);
  });

  it('refuses PATCH /v1/users/{self} with a password (400, pointing at the new endpoint) and changes nothing', async () => {
    const user = await createUser(app, adminToken);
    const before = await passwordHashOf(user.userId);
    for (const body of [{ password: 'taken-with-a-token-only' }, { password: 'taken-with-a-token-only', email: `x-${user.username}@example.test` }]) {
      const res = await http().patch(`/v1/users/${user.userId}`).set(bearer(user.accessToken)).send(body).expect(400);
      expect(res.body).toMatchObject({ error: 'VALIDATION_FAILED', message: expect.stringContaining('POST /v1/auth/password') });
    }
    expect(await passwordHashOf(user.userId)).toBe(before);
    const me = await http().get('/v1/auth/me').set(bearer(user.accessToken)).expect(200);
    expect(me.body.user.email).toBe(`${user.username}@example.test`);
    // An admin is refused on themselves too, however their id is spelled (an upper-case UUID is the same id).
    const admin = await createUser(app, adminToken, { roles: ['admin'] });
    const adminHash = await passwordHashOf(admin.userId);
    for (const id of [admin.userId, admin.userId.toUpperCase()]) {
      await http().patch(`/v1/users/${id}`).set(bearer(admin.accessToken)).send({ password: 'taken-with-a-token-only' }).expect(400);
    }
    expect(await passwordHashOf(admin.userId)).toBe(adminHash);
    expect(await meStatus(admin.accessToken)).toBe(200);
  });

  it("keeps an admin's reset of someone else's password as it was: no current password, the user's sessions end", async () => {
    const admin = await createUser(app, adminToken, { roles: ['admin'] });
    const user = await createUser(app, adminToken);
    await http().patch(`/v1/users/${user.userId}`).set(bearer(admin.accessToken)).send({ password: 'reset-by-an-admin-1' }).expect(200);
    expect(await meStatus(user.accessToken)).toBe(401);
    expect(await loginStatus(user.username, 'reset-by-an-admin-1')).toBe(200);
  });

  it('refuses bad bodies with 400 and changes nothing', async () => {
    const user = await createUser(app, adminToken);
    const before = await passwordHashOf(user.userId);
    for (const body of [
      {},
      { currentPassword: user.password },
      { currentPassword: user.password, newPassword: 'short' },
      { currentPassword: user.password, newPassword: 'long-enough-password', endOtherSessions: 'yes' },
      { currentPassword: user.password, newPassword: 'long-enough-password', extra: 1 },
    ]) {
      const res = await change(user.accessToken, body).expect(400);
      expect(res.body.error).toBe('VALIDATION_FAILED');
    }
    await http().post('/v1/auth/password').send({ currentPassword: user.password, newPassword: 'long-enough-password' }).expect(401);
    expect(await passwordHashOf(user.userId)).toBe(before);
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = (await http().get('/docs-json').expect(200)).body as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    expect(Object.keys(doc.paths['/v1/auth/password'].post.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '429']));
  });
});
