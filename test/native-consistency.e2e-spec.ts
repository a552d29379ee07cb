import request from 'supertest';
import { bearer, closeTestApp, createUser, openTestApp, startApp, TestApp } from './support/test-app.js';

interface Operation {
  parameters?: { name: string; in: string }[];
}

/** The native error body, with the one thing each test asserts about it. */
const nativeError = (error: string, extra: Record<string, unknown> = {}) => ({
  statusCode: expect.any(Number),
  error,
  message: expect.any(String),
  requestId: expect.any(String),
  ...extra,
});

describe('the native API answers alike on every route', () => {
  let world: TestApp;
  const http = () => request(world.app.getHttpServer());

  beforeAll(async () => {
    world = await openTestApp();
  });
  afterAll(() => closeTestApp(world));

  describe('unknown query parameters', () => {
    it('GET /v1/sessions?userId=… is a 400 naming the parameter, as GET /v1/users?… is', async () => {
      const user = await createUser(world.app, world.systemAdmin);
      const sessions = await http().get(`/v1/sessions?userId=${user.userId}`).set(bearer(world.systemAdmin)).expect(400);
      expect(sessions.body).toEqual(
        nativeError('VALIDATION_FAILED', {
          statusCode: 400,
          message: 'userId: property userId should not exist',
          details: { errors: [{ field: 'userId', problems: ['property userId should not exist'] }] },
        }),
      );
      const users = await http().get('/v1/users?userId=x').set(bearer(world.systemAdmin)).expect(400);
      expect(users.body.message).toBe(sessions.body.message);
      // Without the parameter the route answers as before.
      await http().get('/v1/sessions').set(bearer(world.systemAdmin)).expect(200);
    });

    it('every native operation refuses a query parameter it does not document, and changes nothing', async () => {
      const doc = (await http().get('/docs-json').expect(200)).body as { paths: Record<string, Record<string, Operation>> };
      const answers: string[] = [];
      const anyId = '00000000-0000-4000-8000-000000000000';
      const keysBefore = await world.db.query('SELECT count(*)::int AS n FROM api_keys WHERE revoked_at IS NULL');
      for (const [path, operations] of Object.entries(doc.paths)) {
        if (!path.startsWith('/v1/')) continue;
        for (const [method, op] of Object.entries(operations)) {
          const url = path.replace(/\{[^}]+\}/g, anyId);
          const unknown = 'unexpected';
          const res = await http()[method as 'get' | 'post' | 'put' | 'patch' | 'delete'](`${url}?${unknown}=1`)
            .set(bearer(world.systemAdmin))
            // A body the forced logouts accept (their body is validated before their query).
            .send(method === 'get' ? undefined : path.endsWith('/logout') ? { reason: 'query check' } : {});
          const named = (res.body?.details?.errors ?? []).some((e: { field: string }) => e.field === unknown);
          answers.push(`${method.toUpperCase()} ${path}: ${res.status} ${res.body?.error}${named ? ` names ${unknown}` : ''}`);
        }
      }
      expect(answers.length).toBeGreaterThan(30);
      expect(answers.filter((a) => !a.endsWith(': 400 VALIDATION_FAILED names unexpected'))).toEqual([]);
      const keysAfter = await world.db.query('SELECT count(*)::int AS n FROM api_keys WHERE revoked_at IS NULL');
      expect(keysAfter.rows).toEqual(keysBefore.rows);
    });

    it('a vendor route keeps its own rules: ZAP (whose paths are under /v1 too) still ignores a parameter it does not read', async () => {
      const user = await createUser(world.app, world.systemAdmin);
      const zap = await http().post('/compat/zap/v1/login?unexpected=1').send({ identity: user.username, password: user.password }).expect(200);
      const res = await http().get(`/compat/zap/v1/users/logout/${user.userId}?unexpected=1`).set(bearer(zap.body.data.token)).expect(200);
      expect(res.body).toMatchObject({ success: true });
    });

    it('ZAP mounted at the root (its /v1/login beside the native /v1): each keeps its own rules', async () => {
      const rooted = await startApp(world.url, { COMPAT_ZAP_PREFIX: '' });
      try {
        const root = () => request(rooted.getHttpServer());
        const user = await createUser(rooted, world.systemAdmin);
        const zap = await root().post('/v1/login?unexpected=1').send({ identity: user.username, password: user.password }).expect(200);
        await root().get(`/v1/users/logout/${user.userId}?unexpected=1`).set(bearer(zap.body.data.token)).expect(200);
        const native = await root().get('/v1/sessions?unexpected=1').set(bearer(world.systemAdmin)).expect(400);
        expect(native.body).toEqual(nativeError('VALIDATION_FAILED', { statusCode: 400, message: 'unexpected: property unexpected should not exist', details: expect.any(Object) }));
      } finally {
        await rooted.close();
      }
    });

    it('GET /v1/auth/session (the route other services call on every request) refuses one too, before answering', async () => {
      const res = await http().get('/v1/auth/session?token=x').set(bearer(world.systemAdmin)).expect(400);
      expect(res.body).toEqual(nativeError('VALIDATION_FAILED', { statusCode: 400, message: 'token: property token should not exist', details: expect.any(Object) }));
      await http().get('/v1/auth/session').set(bearer(world.systemAdmin)).expect(200);
    });
  });

  describe('audit routes', () => {
    it('GET /v1/audit/verify takes accountId, as every audit route does, and account as its alias (not both)', async () => {
      const me = (await http().get('/v1/auth/me').set(bearer(world.systemAdmin)).expect(200)).body as { user: { accountId: string } };
      const byId = await http().get(`/v1/audit/verify?accountId=${me.user.accountId}`).set(bearer(world.systemAdmin)).expect(200);
      const byAlias = await http().get(`/v1/audit/verify?account=${me.user.accountId}`).set(bearer(world.systemAdmin)).expect(200);
      expect(byId.body.ok).toBe(true);
      expect(byId.body.checked).toBeGreaterThan(0);
      expect(byAlias.body).toEqual({ ...byId.body, checked: expect.any(Number), headHash: expect.any(String) });
      await http().get('/v1/audit/verify?accountId=none').set(bearer(world.systemAdmin)).expect(200);
      const bad = await http().get('/v1/audit/verify?accountId=nope').set(bearer(world.systemAdmin)).expect(400);
      expect(bad.body).toEqual(nativeError('VALIDATION_FAILED', { statusCode: 400, details: { errors: [{ field: 'accountId', problems: [expect.stringMatching(/account id/)] }] } }));
      const both = await http().get(`/v1/audit/verify?accountId=${me.user.accountId}&account=none`).set(bearer(world.systemAdmin)).expect(400);
      expect(both.body).toEqual(nativeError('VALIDATION_FAILED', { statusCode: 400, details: { errors: [{ field: 'account', problems: [expect.stringMatching(/alias of `accountId`/)] }] } }));
    });

    it('`from` after (or at) `to` is a 400 on every audit route that takes a range', async () => {
      const range = 'from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z';
      for (const path of ['/v1/audit/events', '/v1/audit/events/export?format=csv', '/v1/audit/summary', '/v1/audit/verify']) {
        const res = await http().get(`${path}${path.includes('?') ? '&' : '?'}${range}`).set(bearer(world.systemAdmin));
        expect({ path, status: res.status, body: res.body }).toEqual({
          path,
          status: 400,
          body: nativeError('VALIDATION_FAILED', { statusCode: 400, message: '`from` must be before `to`' }),
        });
      }
      await http().get('/v1/audit/events?from=2026-01-01T00:00:00Z&to=2026-01-01T00:00:00Z').set(bearer(world.systemAdmin)).expect(400);
      await http().get('/v1/audit/events?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z').set(bearer(world.systemAdmin)).expect(200);
    });
  });

  describe('users and login', () => {
    it('a 409 on a duplicate user names the field that clashed, username or email (case-insensitive), and creates nothing', async () => {
      const taken = await createUser(world.app, world.systemAdmin);
      const count = async () => (await world.db.query('SELECT count(*)::int AS n FROM users')).rows[0].n as number;
      const before = await count();
      const post = (body: Record<string, string>) => http().post('/v1/users').set(bearer(world.systemAdmin)).send({ password: 'a-long-enough-password', ...body });
      const byName = await post({ username: taken.username.toUpperCase(), email: `fresh-${taken.username}@example.test` }).expect(409);
      expect(byName.body).toEqual(nativeError('CONFLICT', { statusCode: 409, message: 'A user with this username already exists', details: { field: 'username' } }));
      const byEmail = await post({ username: `fresh${taken.username}`, email: `${taken.username}@EXAMPLE.test` }).expect(409);
      expect(byEmail.body).toEqual(nativeError('CONFLICT', { statusCode: 409, message: 'A user with this email already exists', details: { field: 'email' } }));
      expect(await count()).toBe(before);
      const other = await createUser(world.app, world.systemAdmin);
      const patched = await http().patch(`/v1/users/${other.userId}`).set(bearer(world.systemAdmin)).send({ email: `${taken.username}@example.test` }).expect(409);
      expect(patched.body).toEqual(nativeError('CONFLICT', { statusCode: 409, details: { field: 'email' } }));
    });

    it('POST /v1/auth/login with {} lists what is required: username or email (one of them), and password', async () => {
      const res = await http().post('/v1/auth/login').send({}).expect(400);
      const oneOf = 'username or email is required (send one of them)';
      expect(res.body).toEqual(
        nativeError('VALIDATION_FAILED', {
          statusCode: 400,
          message: `username: ${oneOf}; email: ${oneOf}; password: password is required`,
          details: {
            errors: [
              { field: 'username', problems: [oneOf] },
              { field: 'email', problems: [oneOf] },
              { field: 'password', problems: ['password is required'] },
            ],
          },
        }),
      );
      // With a name, only the password is missing; a wrong type still says what is wrong.
      const noPassword = await http().post('/v1/auth/login').send({ email: 'someone@example.test' }).expect(400);
      expect(noPassword.body.details).toEqual({ errors: [{ field: 'password', problems: ['password is required'] }] });
      const wrongType = await http().post('/v1/auth/login').send({ username: 7, password: 'x' }).expect(400);
      expect(wrongType.body.details.errors).toEqual([{ field: 'username', problems: ['username must be longer than or equal to 1 and shorter than or equal to 254 characters', 'username must be a string'] }]);
    });
  });
});
