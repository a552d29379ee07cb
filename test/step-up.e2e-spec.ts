import { ChimeClient, LogoutUserCommand } from '@aws-sdk/client-chime';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { LIVE_SESSION_SQL, SESSION_JOINS } from '../src/sessions/session-sql.js';
import { rejection } from './support/chime.js';
import { bearer, createTestDatabase, createUser, login, loginAdmin, startApp, urlOf } from './support/test-app.js';

const ALL_ACTIONS = ['account-logout', 'admin-logout', 'user-disable', 'policy-change'];
const CHALLENGE = /^Bearer error="insufficient_user_authentication", error_description="[^"]+", max_age=60$/;

type User = Awaited<ReturnType<typeof createUser>>;

/**
 * Fresh authentication (issue 17, RFC 9470): the step-up actions on every native route that can
 * trigger them, POST /v1/auth/reauthenticate, the end-other-sessions flag (ASVS 7.5.2), and the
 * refusal in its own forbidden shape on every vendor surface that can force out an admin.
 */
describe('step-up: fresh authentication for destructive actions', () => {
  let app: NestFastifyApplication;
  let db: pg.Client;
  let sys: string;

  const http = () => request(app.getHttpServer());
  const live = async (userId: string) => Number((await db.query(`SELECT count(*) FROM ${SESSION_JOINS} WHERE s.user_id = $1 AND ${LIVE_SESSION_SQL}`, [userId])).rows[0].count);
  /** The session proved its password an hour ago. */
  const stale = (sessionId: string) => db.query(`UPDATE sessions SET authenticated_at = now() - interval '1 hour' WHERE id = $1`, [sessionId]);
  const sessionOf = async (token: string) => (await http().get('/v1/auth/session').set(bearer(token)).expect(200)).body.sessionId as string;

  /** An account whose policy asks for an authentication younger than 60 s for every listed action and for ending one's other sessions. */
  async function world(): Promise<{ accountId: string; admin: User; target: User; plain: User }> {
    const account = await http().post('/v1/accounts').set(bearer(sys)).send({ name: `stepup-${randomUUID()}` }).expect(201);
    const accountId = account.body.id as string;
    const admin = await createUser(app, sys, { roles: ['admin'], accountId, prefix: 'suadmin' });
    const target = await createUser(app, sys, { roles: ['admin'], accountId, prefix: 'sutarget' });
    const plain = await createUser(app, sys, { accountId, prefix: 'suplain' });
    await http()
      .put(`/v1/accounts/${accountId}/session-policy`)
      .set(bearer(admin.accessToken))
      .send({ stepUpMaxAgeSeconds: 60, stepUpActions: ALL_ACTIONS, endOtherSessionsRequiresReauth: true })
      .expect(200);
    return { accountId, admin, target, plain };
  }

  function expectStepUp(res: request.Response): void {
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ statusCode: 401, error: 'insufficient_user_authentication', message: expect.any(String), requestId: expect.any(String), details: { max_age: 60 } });
    expect(res.headers['www-authenticate']).toMatch(CHALLENGE);
  }

  beforeAll(async () => {
    const url = await createTestDatabase();
    app = await startApp(url, { LOGIN_THROTTLE_LIMIT: '10' });
    db = new pg.Client({ connectionString: url });
    await db.connect();
    sys = (await loginAdmin(app)).accessToken;
  });
  afterAll(async () => {
    await db?.end();
    await app?.close();
  });

  it('a stale session is refused every listed action (401 + RFC 9470 challenge, audited, nothing changed); after re-authenticating, each succeeds', async () => {
    const { accountId, admin, target, plain } = await world();
    await stale(admin.sessionId);
    const token = bearer(admin.accessToken);
    expectStepUp(await http().put(`/v1/accounts/${accountId}/session-policy`).set(token).send({ maxSessions: 1 }));
    expectStepUp(await http().post(`/v1/accounts/${accountId}/logout`).set(token).send({ reason: 'incident' }));
    expectStepUp(await http().post(`/v1/users/${target.userId}/logout`).set(token).send({}));
    expectStepUp(await http().delete(`/v1/sessions/${target.sessionId}`).set(token));
    expectStepUp(await http().patch(`/v1/users/${plain.userId}`).set(token).send({ status: 'disabled' }));
    // Not a listed action: a user without admin permissions is forced out without a fresh authentication.
    const other = await login(app, plain.username, plain.password);
    await http().delete(`/v1/sessions/${other.sessionId}`).set(token).expect(200);
    // Nothing changed.
    expect(await live(target.userId)).toBe(1);
    expect((await http().get(`/v1/users/${plain.userId}`).set(token).expect(200)).body.status).toBe('active');
    expect((await http().get(`/v1/accounts/${accountId}/session-policy`).set(token).expect(200)).body.maxSessions).toBeUndefined();
    const refusals = await http().get(`/v1/audit/events?action=auth.step_up_required&accountId=${accountId}`).set(bearer(sys)).expect(200);
    expect(refusals.body.items.map((e: { details: { attempted: string } }) => e.details.attempted).sort()).toEqual(
      ['account-logout', 'admin-logout', 'admin-logout', 'policy-change', 'user-disable'].sort(),
    );
    expect(refusals.body.items[0]).toMatchObject({ outcome: 'denied', reason: 'insufficient_user_authentication', details: { maxAgeSeconds: 60 } });

    // A wrong password: 401 INVALID_CREDENTIALS, still stale.
    const wrong = await http().post('/v1/auth/reauthenticate').set(token).send({ password: 'not-the-password' }).expect(401);
    expect(wrong.body.error).toBe('INVALID_CREDENTIALS');
    expectStepUp(await http().post(`/v1/users/${target.userId}/logout`).set(token).send({}));
    const before = Date.now();
    const fresh = await http().post('/v1/auth/reauthenticate').set(token).send({ password: admin.password }).expect(200);
    expect(Object.keys(fresh.body)).toEqual(['authenticatedAt']);
    expect(new Date(fresh.body.authenticatedAt).getTime()).toBeGreaterThan(before - 5000);
    await http().put(`/v1/accounts/${accountId}/session-policy`).set(token).send({ stepUpMaxAgeSeconds: 60, stepUpActions: ALL_ACTIONS }).expect(200);
    expect((await http().post(`/v1/users/${target.userId}/logout`).set(token).send({}).expect(200)).body.revokedCount).toBe(1);
    await http().patch(`/v1/users/${plain.userId}`).set(token).send({ status: 'disabled' }).expect(200);
    await http().post(`/v1/accounts/${accountId}/logout`).set(token).send({ reason: 'incident' }).expect(200);
    const reauth = await http().get(`/v1/audit/events?action=session.reauthenticated&accountId=${accountId}`).set(bearer(sys)).expect(200);
    expect(reauth.body.items.map((e: { outcome: string }) => e.outcome)).toEqual(['success', 'failure']);
  });

  it('re-authentication is throttled with logins, needs a user session, and takes a valid body', async () => {
    const { plain } = await world();
    await http().post('/v1/auth/reauthenticate').set(bearer(plain.accessToken)).send({}).expect(400);
    await http().post('/v1/auth/reauthenticate').set(bearer(plain.accessToken)).send({ password: 'x', extra: 1 }).expect(400);
    await http().post('/v1/auth/reauthenticate').send({ password: plain.password }).expect(401);
    for (let i = 0; i < 10; i++) await http().post('/v1/auth/reauthenticate').set(bearer(plain.accessToken)).send({ password: 'wrong-password' }).expect(401);
    const throttled = await http().post('/v1/auth/reauthenticate').set(bearer(plain.accessToken)).send({ password: plain.password }).expect(429);
    expect(throttled.body.error).toBe('TOO_MANY_REQUESTS');
  });

  it('ending one\'s other sessions needs a fresh authentication under endOtherSessionsRequiresReauth (ASVS 7.5.2); this session alone does not', async () => {
    const { plain } = await world();
    const second = await login(app, plain.username, plain.password);
    await stale(plain.sessionId);
    const token = bearer(plain.accessToken);
    expectStepUp(await http().post('/v1/auth/logout?scope=others').set(token));
    expectStepUp(await http().post('/v1/auth/logout?scope=global').set(token));
    expectStepUp(await http().delete(`/v1/sessions/${second.sessionId}`).set(token));
    expect(await live(plain.userId)).toBe(2);
    // Changing the password proves it: its endOtherSessions needs nothing more.
    const third = await login(app, plain.username, plain.password);
    await stale(third.sessionId);
    const changed = await http().post('/v1/auth/password').set(bearer(third.accessToken)).send({ currentPassword: plain.password, newPassword: 'a-new-password-here' }).expect(200);
    expect(changed.body.otherSessionsEnded).toBe(2);
    await http().post('/v1/auth/logout').set(bearer(third.accessToken)).expect(200);
  });

  it('a client revoking a token it holds (RFC 7009) is that session\'s own logout, not a forced one: no step-up, even for an admin\'s', async () => {
    const { admin, target } = await world();
    const apiKey = (await http().post('/v1/api-keys').set(bearer(admin.accessToken)).send({ name: 'stepup-7009' }).expect(201)).body.apiKey;
    await http().post('/v1/oauth/revoke').set('X-API-Key', apiKey).send({ token: target.accessToken }).expect(200);
    expect(await live(target.userId)).toBe(0);
  });

  it('every vendor surface that can force out an admin refuses a stale session in its own forbidden shape; a fresh one passes', async () => {
    const { accountId, admin, target } = await world();
    const apiKey = (await http().post('/v1/api-keys').set(bearer(admin.accessToken)).send({ name: 'stepup-app', redirectUrl: 'https://app.example.test/bye' }).expect(201)).body.apiKey;
    const keys = (await http().post(`/v1/accounts/${accountId}/access-keys`).set(bearer(admin.accessToken)).expect(201)).body;
    const targetNumber = (await db.query('SELECT number FROM sessions WHERE id = $1', [target.sessionId])).rows[0].number as number;

    // Rocket.Chat: users.logout {userId}.
    const rc = (await http().post('/compat/rocketchat/api/v1/login').send({ user: admin.username, password: admin.password }).expect(200)).body.data;
    await stale(await sessionOf(rc.authToken));
    const rcReply = await http().post('/compat/rocketchat/api/v1/users.logout').set({ 'X-Auth-Token': rc.authToken, 'X-User-Id': rc.userId }).send({ userId: target.userId });
    expect([rcReply.status, rcReply.body]).toEqual([403, { success: false, error: expect.stringContaining('60 seconds'), errorType: 'error-reauthentication-required' }]);

    // Uberall: DELETE /users/{id}/all-sessions.
    const ub = (await http().post('/compat/uberall/users/login').set('X-API-KEY', apiKey).send({ email: `${admin.username}@example.test`, password: admin.password }).expect(200)).body.response
      .access_token;
    await stale(await sessionOf(ub));
    const ubReply = await http().delete(`/compat/uberall/users/${target.userId}/all-sessions`).set({ 'X-API-KEY': apiKey, Authorization: `Bearer ${ub}` });
    expect([ubReply.status, ubReply.body]).toEqual([403, { status: 'FORBIDDEN', message: expect.stringContaining('60 seconds') }]);

    // ZAP: GET /v1/users/logout/{id}.
    const zap = (await http().post('/compat/zap/v1/login').send({ identity: admin.username, password: admin.password }).expect(200)).body.data.token;
    await stale(await sessionOf(zap));
    const zapReply = await http().get(`/compat/zap/v1/users/logout/${target.userId}`).set(bearer(zap));
    expect([zapReply.status, zapReply.body]).toEqual([403, { success: false, message: expect.stringContaining('60 seconds') }]);

    // Parallels RAS: POST /api/Session/{SessionId}/logoff.
    const ras = (await http().post('/compat/ras/api/Session/logon').send({ username: admin.username, password: admin.password }).expect(200)).body.authToken;
    await stale(await sessionOf(ras));
    const rasReply = await http().post(`/compat/ras/api/Session/${targetNumber}/logoff`).set('auth_token', ras);
    expect(rasReply.status).toBe(403);
    expect(rasReply.headers['content-type']).toContain('api-version=1.0');
    expect(rasReply.body).toMatchObject({ status: 403, title: 'Forbidden', detail: expect.stringContaining('60 seconds') });

    // Amazon Chime: LogoutUser. An access key can never re-authenticate: refused whenever the target is an admin.
    const chime = new ChimeClient({ region: 'us-east-1', endpoint: `${urlOf(app)}/compat/chime`, credentials: keys, maxAttempts: 1 });
    const chimeError = await rejection(chime.send(new LogoutUserCommand({ AccountId: accountId, UserId: target.userId })));
    expect([chimeError.name, chimeError.$metadata.httpStatusCode]).toEqual(['ForbiddenException', 403]);

    expect(await live(target.userId)).toBe(1);

    // A token from a vendor login re-authenticates on the native API, and then its own surface passes.
    await http().post('/v1/auth/reauthenticate').set(bearer(rc.authToken)).send({ password: admin.password }).expect(200);
    const passed = await http().post('/compat/rocketchat/api/v1/users.logout').set({ 'X-Auth-Token': rc.authToken, 'X-User-Id': rc.userId }).send({ userId: target.userId });
    expect([passed.status, passed.body.success]).toEqual([200, true]);
    expect(await live(target.userId)).toBe(0);
    // Chime still ends the sessions of a user without admin permissions.
    const plainUser = await createUser(app, sys, { accountId, prefix: 'suchime' });
    const out = await chime.send(new LogoutUserCommand({ AccountId: accountId, UserId: plainUser.userId }));
    expect(out.$metadata.httpStatusCode).toBe(204);
    expect(await live(plainUser.userId)).toBe(0);
  });
});
