import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { RestClient } from '@rocket.chat/api-client';
import request from 'supertest';
import { bearer, createTestDatabase, createUser, login, startApp, urlOf } from './support/test-app.js';
import { vendorContract } from './support/vendor-contracts.js';
import { auditEvents, buildWorld, countThrottledLogins, describeVendorScenarios, DialectSession, nativeMeStatus, Reply, ScenarioWorld, startThrottledApp, VendorDriver } from './support/vendor-scenarios.js';

const NOT_LOGGED_IN = {
  success: false,
  status: 'error',
  error: 'You must be logged in to do this.',
  message: 'You must be logged in to do this.',
};

/** The real Rocket.Chat client against this service, with a path prefix in its base URL. */
function clientFor(app: NestFastifyApplication, session?: DialectSession): RestClient {
  const client = new RestClient({ baseUrl: `${urlOf(app)}/compat/rocketchat` });
  if (session) client.setCredentials({ 'X-User-Id': session.userId, 'X-Auth-Token': session.token });
  return client;
}

/** The client resolves the JSON of a 2xx and rejects with the fetch Response otherwise. */
async function settle(call: Promise<unknown>): Promise<Reply> {
  try {
    return { status: 200, body: await call };
  } catch (failure) {
    if (!(failure instanceof Response)) throw failure;
    return { status: failure.status, body: await failure.json() };
  }
}

async function rcLogin(app: NestFastifyApplication, user: string, password: string): Promise<DialectSession> {
  const res = (await clientFor(app).post('/v1/login', { user, password })) as { status: string; data: { userId: string; authToken: string } };
  return { token: res.data.authToken, userId: res.data.userId };
}

const driver: VendorDriver = {
  surface: 'rocketchat',
  login: (world, username, password) => rcLogin(world.app, username, password),
  logoutSelf: (world, session) => settle(clientFor(world.app, session).get('/v1/logout')),
  logoutUser: (world, session, userId) => settle(clientFor(world.app, session).post('/v1/users.logout', { userId })),
  logoutBadBody: (world, session, userId) =>
    settle(
      clientFor(world.app, session).send('/v1/users.logout', 'POST', {
        body: JSON.stringify({ userId, everywhere: true }),
        headers: { 'Content-Type': 'application/json' },
      }),
    ),
  expectLoggedOutSelf: (reply) => expect(reply).toEqual({ status: 200, body: { status: 'success', data: { message: "You've been logged out!" } } }),
  expectLoggedOutUser: (reply, userId) => expect(reply).toEqual({ status: 200, body: { message: `User ${userId} has been logged out!`, success: true } }),
  expectUnauthenticated: (reply) => expect(reply).toEqual({ status: 401, body: NOT_LOGGED_IN }),
  expectForbidden: (reply) => expect(reply).toEqual({ status: 403, body: { success: false, error: 'unauthorized' } }),
  expectUnknownUser: (reply) =>
    expect(reply).toEqual({ status: 400, body: { success: false, error: 'Invalid user id [error-invalid-user-id]', errorType: 'error-invalid-user-id' } }),
  expectBadRequest: (reply) => {
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ success: false, error: expect.stringContaining('everywhere'), errorType: 'invalid-params' });
  },
};

interface OpenApiSchema {
  $ref?: string;
  type?: string;
  properties?: Record<string, OpenApiSchema>;
}
interface OpenApiOperation {
  parameters?: { $ref?: string; name?: string; in?: string; required?: boolean | string }[];
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: OpenApiSchema }> }>;
}
interface OpenApiDoc {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas?: Record<string, OpenApiSchema>; responses?: Record<string, unknown>; parameters?: Record<string, unknown> };
}

/** Follows local `#/components/...` references. */
function resolve<T>(doc: OpenApiDoc, value: T): T {
  const ref = (value as { $ref?: string }).$ref;
  if (!ref) return value;
  const target = ref.replace(/^#\//, '').split('/').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], doc);
  return resolve(doc, target as T);
}

function responseSchema(doc: OpenApiDoc, op: OpenApiOperation, status: string): OpenApiSchema {
  const response = resolve(doc, op.responses[status]);
  return resolve(doc, response.content?.['application/json'].schema as OpenApiSchema);
}

/** The OpenAPI block of the vendor's reference page (test/fixtures/vendor-contracts/rocketchat-users-logout.openapi.json). */
const vendorFragment = (): OpenApiDoc => vendorContract<OpenApiDoc>('rocketchat-users-logout.openapi.json');

describe('Rocket.Chat dialect (/compat/rocketchat/api/v1)', () => {
  let app: NestFastifyApplication;
  let world: ScenarioWorld;
  let dbUrl: string;

  beforeAll(async () => {
    dbUrl = await createTestDatabase();
    app = await startApp(dbUrl);
    world = await buildWorld(app);
  });
  afterAll(() => app.close());

  const http = () => request(app.getHttpServer());
  const rc = '/compat/rocketchat/api/v1';

  describeVendorScenarios(() => world, driver);

  it('logs in with {user: username}, {user: email}, {user: {username}} and top-level username/email, answering as Rocket.Chat', async () => {
    const user = await createUser(app, world.systemAdminToken);
    const email = `${user.username}@example.test`;
    const res = (await clientFor(app).post('/v1/login', { user: user.username, password: user.password })) as Record<string, unknown>;
    expect(res).toEqual({
      status: 'success',
      data: {
        userId: user.userId,
        authToken: expect.stringMatching(/^sat_/),
        me: { _id: user.userId, username: user.username, emails: [{ address: email, verified: true }], roles: ['user'], active: true, status: 'online' },
      },
    });
    for (const body of [{ user: email }, { user: { username: user.username } }, { username: user.username }, { email: email.toUpperCase() }]) {
      const ok = await http().post(`${rc}/login`).send({ ...body, password: user.password });
      expect(ok.status).toBe(200);
      expect(ok.body.data.userId).toBe(user.userId);
    }
    const sessions = await http().get(`/v1/users/${user.userId}/sessions`).set(bearer(world.systemAdminToken)).expect(200);
    expect((sessions.body as { surface: string }[]).filter((s) => s.surface === 'rocketchat')).toHaveLength(5);
  });

  it('answers bad credentials 401 Unauthorized, the same for an unknown user', async () => {
    const wrong = await settle(clientFor(app).post('/v1/login', { user: world.admin.username, password: 'wrong-password-123' }));
    const unknown = await settle(clientFor(app).post('/v1/login', { user: 'nobody-at-all', password: 'wrong-password-123' }));
    expect(wrong).toEqual({ status: 401, body: { status: 'error', error: 'Unauthorized', message: 'Unauthorized' } });
    expect(unknown).toEqual(wrong);
  });

  it('rejects malformed and unknown login fields with invalid-params', async () => {
    const missing = await http().post(`${rc}/login`).send({ password: 'x' }).expect(400);
    expect(missing.body).toEqual({ success: false, error: expect.any(String), errorType: 'invalid-params' });
    const extra = await http().post(`${rc}/login`).send({ user: 'a', password: 'x', totp: '1' }).expect(400);
    expect(extra.body).toEqual({ success: false, error: expect.stringContaining('totp'), errorType: 'invalid-params' });
    const hashed = await http().post(`${rc}/login`).send({ user: 'a', password: { hashed: 'abc', algorithm: 'sha-256' } }).expect(400);
    expect(hashed.body.errorType).toBe('invalid-params');
    const json = await http().post(`${rc}/login`).set('content-type', 'application/json').send('{"user":').expect(400);
    expect(json.body).toEqual({ success: false, error: expect.any(String), errorType: 'invalid-params' });
  });

  it('answers a JSON null body to users.logout with invalid-params, ending nothing', async () => {
    const user = await createUser(app, world.systemAdminToken);
    const session = await rcLogin(app, user.username, user.password);
    const res = await http().post(`${rc}/users.logout`).set({ 'X-Auth-Token': session.token, 'X-User-Id': session.userId, 'content-type': 'application/json' }).send('null').expect(400);
    expect(res.body).toEqual({ success: false, error: expect.stringContaining('null'), errorType: 'invalid-params' });
    await http().get('/v1/auth/session').set(bearer(session.token)).expect(200);
  });

  it('GET and POST /api/v1/logout end only the current session; the token then fails on every surface', async () => {
    const user = await createUser(app, world.systemAdminToken);
    const first = await rcLogin(app, user.username, user.password);
    const second = await rcLogin(app, user.username, user.password);
    expect(await settle(clientFor(app, first).get('/v1/logout'))).toEqual({ status: 200, body: { status: 'success', data: { message: "You've been logged out!" } } });
    const post = await http().post(`${rc}/logout`).set({ 'X-Auth-Token': second.token, 'X-User-Id': second.userId });
    expect({ status: post.status, body: post.body }).toEqual({ status: 200, body: { status: 'success', data: { message: "You've been logged out!" } } });
    expect(await nativeMeStatus(app, first.token)).toBe(401);
    expect(await nativeMeStatus(app, second.token)).toBe(401);
    expect(await nativeMeStatus(app, user.accessToken)).toBe(200);
    expect(await settle(clientFor(app, first).post('/v1/users.logout', {}))).toEqual({ status: 401, body: NOT_LOGGED_IN });
    expect(await settle(clientFor(app, second).get('/v1/logout'))).toEqual({ status: 401, body: NOT_LOGGED_IN });
    const rows = await auditEvents(world, { surface: 'rocketchat', action: 'session.logout', targetUserId: user.userId });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ action: 'session.logout', surface: 'rocketchat', actor: { userId: user.userId }, sessionCount: 1, reason: 'rocketchat logout' });
  });

  it('users.logout with {} ends every session of the caller, native ones included', async () => {
    const user = await createUser(app, world.systemAdminToken);
    const session = await rcLogin(app, user.username, user.password);
    const reply = await settle(clientFor(app, session).post('/v1/users.logout', {}));
    expect(reply).toEqual({ status: 200, body: { message: `User ${user.userId} has been logged out!`, success: true } });
    expect(await nativeMeStatus(app, user.accessToken)).toBe(401);
    expect(await nativeMeStatus(app, session.token)).toBe(401);
    const [row] = await auditEvents(world, { surface: 'rocketchat', action: 'session.revoked_all', targetUserId: user.userId });
    expect(row).toMatchObject({ surface: 'rocketchat', actor: { userId: user.userId }, targetUserId: user.userId, sessionCount: 2, reason: 'rocketchat logout' });
  });

  // RestClient.post() without params sends `Content-Type: application/json` and no body, which
  // Rocket.Chat's server accepts; so does this service (see the JSON parser in app.factory).
  it('the real client can POST /api/v1/logout without a body', async () => {
    const user = await createUser(app, world.systemAdminToken);
    const session = await rcLogin(app, user.username, user.password);
    expect(await settle(clientFor(app, session).post('/v1/logout'))).toEqual({ status: 200, body: { status: 'success', data: { message: "You've been logged out!" } } });
  });

  it('a native /v1/auth/login token works as X-Auth-Token with its X-User-Id', async () => {
    const user = await createUser(app, world.systemAdminToken);
    const native = await login(app, user.username, user.password);
    const reply = await settle(clientFor(app, { token: native.accessToken, userId: native.userId }).get('/v1/logout'));
    expect(reply.status).toBe(200);
    expect(await nativeMeStatus(app, native.accessToken)).toBe(401);
    expect(await nativeMeStatus(app, user.accessToken)).toBe(200);
  });

  it('refuses a live token presented with another X-User-Id, or without one, exactly like a bad token', async () => {
    const user = await createUser(app, world.systemAdminToken);
    const session = await rcLogin(app, user.username, user.password);
    const mismatch = await settle(clientFor(app, { token: session.token, userId: world.admin.userId }).post('/v1/users.logout', {}));
    expect(mismatch).toEqual({ status: 401, body: NOT_LOGGED_IN });
    const noUser = await http().post(`${rc}/users.logout`).set('X-Auth-Token', session.token).send({});
    expect({ status: noUser.status, body: noUser.body }).toEqual(mismatch);
    const none = await http().get(`${rc}/logout`);
    expect({ status: none.status, body: none.body }).toEqual(mismatch);
    expect(await nativeMeStatus(app, session.token)).toBe(200);
  });

  it('a Rocket.Chat-style (non-UUID) userId is an unknown user for an admin, forbidden for others', async () => {
    const admin = await rcLogin(app, world.admin.username, world.admin.password);
    expect(await driver.logoutUser(world, admin, 'JxemcN9PDCdfzJeZr')).toEqual(await driver.logoutUser(world, admin, world.foreignUserId));
    const user = await createUser(app, world.systemAdminToken);
    const plain = await rcLogin(app, user.username, user.password);
    driver.expectForbidden(await driver.logoutUser(world, plain, 'JxemcN9PDCdfzJeZr'));
  });

  it('unknown routes under the prefix answer in the Rocket.Chat shape, native routes stay native', async () => {
    const res = await http().get(`${rc}/me`).expect(404);
    expect(res.body).toMatchObject({ success: false, status: 'error' });
    const native = await http().get('/v1/auth/me').expect(401);
    expect(native.body).toMatchObject({ statusCode: 401, error: 'UNAUTHENTICATED' });
  });

  it('throttles repeated logins with 429 in the Rocket.Chat shape (and audits it)', async () => {
    const throttled = await startThrottledApp(dbUrl, 2);
    try {
      const attempt = () => settle(clientFor(throttled).post('/v1/login', { user: 'throttle-me', password: 'wrong-password-1' }));
      expect((await attempt()).status).toBe(401);
      expect((await attempt()).status).toBe(401);
      const third = await attempt();
      expect(third.status).toBe(429);
      expect(third.body).toEqual({ success: false, error: 'Too many requests', errorType: 'error-too-many-requests' });
      expect(await countThrottledLogins(dbUrl, 'rocketchat')).toBe(1);
    } finally {
      await throttled.close();
    }
  });

  it('throttles the object form ({user: {username}} or {user: {email}}) per account too, and audits it against that user', async () => {
    const throttled = await startThrottledApp(dbUrl, 2);
    try {
      const target = await createUser(app, world.systemAdminToken, { prefix: 'rcthrottle' });
      const attempt = (user: { username: string } | { email: string }) => settle(clientFor(throttled).post('/v1/login', { user, password: 'wrong-password-1' }));
      expect((await attempt({ username: target.username })).status).toBe(401);
      // The email names the same account as the username: one counter, so the third guess is refused.
      expect((await attempt({ email: `${target.username.toUpperCase()}@EXAMPLE.TEST` })).status).toBe(401);
      expect((await attempt({ username: target.username })).status).toBe(429);
      expect(await countThrottledLogins(dbUrl, 'rocketchat', target.userId)).toBe(1);
      // Another name from the same address is not held up by these attempts.
      expect((await attempt({ username: 'someone-else-entirely' })).status).toBe(401);
      // A login naming its user twice is refused before any password check: otherwise the login could
      // try one name while the throttle counted another, and guesses would escape the limit.
      for (const body of [
        { user: target.username, username: 'rotating-1', password: 'wrong-password-1' },
        { user: { username: target.username }, email: 'rotating-2@example.test', password: 'wrong-password-1' },
      ]) {
        const twice = await settle(clientFor(throttled).post('/v1/login', body as never));
        expect(twice.status).toBe(400);
        expect(twice.body).toMatchObject({ success: false, errorType: 'invalid-params', error: expect.stringContaining('only one of user, username or email') });
      }
      expect(await countThrottledLogins(dbUrl, 'rocketchat', target.userId)).toBe(1);
    } finally {
      await throttled.close();
    }
  });

  describe('OpenAPI agreement with the vendor reference (rocketchat-users-logout.md)', () => {
    it('documents POST /compat/rocketchat/api/v1/users.logout as the fragment does', async () => {
      const fragment = vendorFragment();
      const ours = (await http().get('/docs-json').expect(200)).body as OpenApiDoc;
      const [[vendorPath, vendorMethods]] = Object.entries(fragment.paths);
      const [[method, vendorOp]] = Object.entries(vendorMethods);
      const op = ours.paths[`/compat/rocketchat${vendorPath}`]?.[method];
      expect(op).toBeDefined();
      expect((op as unknown as { tags: string[] }).tags).toContain('Rocket.Chat');
      for (const status of Object.keys(vendorOp.responses)) {
        expect(op.responses[status]).toBeDefined();
        const theirs = responseSchema(fragment, vendorOp, status);
        const mine = responseSchema(ours, op, status);
        for (const [name, schema] of Object.entries(theirs.properties ?? {})) {
          expect({ name, type: mine.properties?.[name]?.type }).toEqual({ name, type: schema.type });
        }
      }
      const headers = (vendorOp.parameters ?? []).map((p) => resolve(fragment, p));
      const ourHeaders = (op.parameters ?? []).map((p) => resolve(ours, p)).filter((p) => p.in === 'header');
      for (const header of headers) {
        expect(ourHeaders).toContainEqual(expect.objectContaining({ name: header.name, in: 'header', required: true }));
      }
      const security = (op as unknown as { security: Record<string, string[]>[] }).security;
      expect(security).toContainEqual({ 'rocketchat-token': [], 'rocketchat-user': [] });
    });

    it("a real users.logout answer matches the fragment's 200 schema", async () => {
      const fragment = vendorFragment();
      const [vendorOp] = Object.values(Object.values(fragment.paths)[0]);
      const schema = responseSchema(fragment, vendorOp, '200');
      const user = await createUser(app, world.systemAdminToken);
      const session = await rcLogin(app, user.username, user.password);
      const reply = await settle(clientFor(app, session).post('/v1/users.logout', {}));
      const body = reply.body as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(Object.keys(schema.properties ?? {}).sort());
      for (const [name, property] of Object.entries(schema.properties ?? {})) expect(typeof body[name]).toBe(property.type);
      const unauthorized = responseSchema(fragment, vendorOp, '401');
      const refused = await settle(clientFor(app, session).post('/v1/users.logout', {}));
      for (const [name, property] of Object.entries(unauthorized.properties ?? {})) expect(typeof (refused.body as Record<string, unknown>)[name]).toBe(property.type);
    });
  });
});
