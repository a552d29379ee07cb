import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearer, createTestDatabase, createUser, login, loginAdmin, startApp } from './support/test-app.js';

interface SchemaObject {
  $ref?: string;
  type?: string;
  format?: string;
  nullable?: boolean;
  enum?: unknown[];
  allOf?: SchemaObject[];
  anyOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  properties?: Record<string, SchemaObject>;
}
interface Operation {
  security?: unknown[];
  tags?: string[];
  parameters?: { in: string; name: string; description?: string; schema?: SchemaObject }[];
  requestBody?: unknown;
  responses: Record<string, { description?: string; content?: Record<string, { schema: SchemaObject }> }>;
}
interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, unknown>; schemas: Record<string, SchemaObject> };
}

const ERROR_RESPONSE = '#/components/schemas/ErrorResponseDto';

/** Each surface's error body and media type; everything else is the native API. */
const SURFACE_ERRORS: [prefix: string, schema: string, mediaType: string][] = [
  ['/compat/rocketchat/', 'RocketChatErrorDto', 'application/json'],
  ['/compat/uberall/', 'UberallErrorDto', 'application/json'],
  ['/compat/zap/', 'ZapErrorDto', 'application/json'],
  ['/compat/ras/', 'ProblemDetails', 'application/json; api-version=1.0'],
  ['/compat/chime/', 'ChimeErrorDto', 'application/json'],
];

/**
 * Does the schema admit null, read as OpenAPI 3.0.3 says: `nullable` widens only a `type` beside it,
 * and every other keyword (allOf, enum, a $ref) still applies to null.
 */
function acceptsNull(schema: SchemaObject, schemas: Record<string, SchemaObject>): boolean {
  if (schema.$ref) return acceptsNull(schemas[schema.$ref.split('/').pop() as string], schemas);
  if (schema.type !== undefined && schema.nullable !== true) return false;
  if (schema.enum && !schema.enum.includes(null)) return false;
  if (schema.allOf && !schema.allOf.every((s) => acceptsNull(s, schemas))) return false;
  if (schema.anyOf && !schema.anyOf.some((s) => acceptsNull(s, schemas))) return false;
  if (schema.oneOf && schema.oneOf.filter((s) => acceptsNull(s, schemas)).length !== 1) return false;
  return true;
}

describe('users, roles, accounts, clients, OAuth, health, OpenAPI (native /v1)', () => {
  let app: NestFastifyApplication;
  let adminToken: string;
  const http = () => request(app.getHttpServer());
  const openApi = async () => (await http().get('/docs-json').expect(200)).body as OpenApiDoc;

  beforeAll(async () => {
    app = await startApp(await createTestDatabase());
    adminToken = (await loginAdmin(app)).accessToken;
  });
  afterAll(() => app.close());

  it('answers a NUL character (which Postgres cannot store) in any body, query or path value with 400, changing nothing', async () => {
    const user = await createUser(app, adminToken);
    const nul = 'before\u0000after';
    for (const [method, path, body] of [
      ['post', `/v1/users/${user.userId}/logout`, { reason: nul }],
      ['post', `/v1/users/${user.userId}/logout`, { reason: 'ok', ticket: nul }],
      ['post', '/v1/accounts', { name: nul }],
      ['post', '/v1/api-keys', { name: nul }],
      ['post', '/v1/users', { username: 'nul-user', email: 'nul@example.test', password: nul }],
    ] as const) {
      const res = await http()[method](path).set(bearer(adminToken)).send(body).expect(400);
      expect(res.body).toMatchObject({ error: 'VALIDATION_FAILED', message: expect.stringContaining('NUL') });
    }
    const query = await http().get('/v1/audit/events?reason=%00').set(bearer(adminToken)).expect(400);
    expect(query.body.error).toBe('VALIDATION_FAILED');
    // Nothing changed: the user is still signed in; no account, key or user was created.
    await http().get('/v1/auth/me').set(bearer(user.accessToken)).expect(200);
    const list = async <T>(path: string): Promise<T> => (await http().get(path).set(bearer(adminToken)).expect(200)).body as T;
    const keys = await list<{ name: string }[]>('/v1/api-keys');
    const accounts = await list<{ name: string }[]>('/v1/accounts');
    const users = await list<{ items: { username: string }[] }>('/v1/users?limit=200');
    expect(accounts.length).toBeGreaterThan(0);
    expect([...keys, ...accounts].some((k) => k.name.includes('after'))).toBe(false);
    expect(users.items.map((u) => u.username)).toEqual(expect.arrayContaining([user.username]));
    expect(users.items.some((u) => u.username === 'nul-user')).toBe(false);
  });

  it('creates, lists, reads and updates users; duplicates are 409 and case-insensitive', async () => {
    const created = await http()
      .post('/v1/users')
      .set(bearer(adminToken))
      .send({ username: 'Alice.Example', email: 'Alice@Example.test', password: 'alice-password-123', roles: ['auditor'] })
      .expect(201);
    expect(created.body).toMatchObject({ username: 'Alice.Example', status: 'active', roles: ['auditor'] });
    expect(created.body).not.toHaveProperty('passwordHash');
    const dup = await http().post('/v1/users').set(bearer(adminToken)).send({ username: 'alice.example', email: 'x@example.test', password: 'another-password-1' }).expect(409);
    expect(dup.body.error).toBe('CONFLICT');
    await http().post('/v1/users').set(bearer(adminToken)).send({ username: 'bob', email: 'ALICE@example.test', password: 'another-password-1' }).expect(409);
    await http().post('/v1/users').set(bearer(adminToken)).send({ username: 'b', email: 'not-an-email', password: 'short' }).expect(400);
    await http().post('/v1/users').set(bearer(adminToken)).send({ username: 'carol', email: 'carol@example.test', password: 'carol-password-1', roles: ['no-such-role'] }).expect(400);

    const page1 = await http().get('/v1/users?limit=1').set(bearer(adminToken)).expect(200);
    expect(page1.body.items).toHaveLength(1);
    const page2 = await http().get(`/v1/users?limit=1&cursor=${page1.body.nextCursor}`).set(bearer(adminToken)).expect(200);
    expect(page2.body.items[0].id).not.toBe(page1.body.items[0].id);
    await http().get('/v1/users?cursor=garbage').set(bearer(adminToken)).expect(400);
    // A cursor decoding to an instant Postgres cannot store, an impossible date or an id that is no UUID: 400, not 500.
    const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const [at, id] of [
      ['+275760-09-13T00:00:00Z', '00000000-0000-0000-0000-000000000000'],
      ['-005000-01-01T00:00:00.000000Z', '00000000-0000-0000-0000-000000000000'],
      ['2026-02-30T10:00:00.000000Z', '00000000-0000-0000-0000-000000000000'],
      ['2026-01-05T10:00:00.123456Z', 'not-a-uuid'],
    ]) {
      const res = await http().get('/v1/users').query({ cursor: cursorOf([at, id]) }).set(bearer(adminToken));
      expect({ at, id, status: res.status, error: res.body.error }).toEqual({ at, id, status: 400, error: 'VALIDATION_FAILED' });
    }
    await http().get('/v1/users?limit=100000').set(bearer(adminToken)).expect(400);

    await http().get(`/v1/users/${created.body.id}`).set(bearer(adminToken)).expect(200);
    await http().get('/v1/users/00000000-0000-4000-8000-000000000000').set(bearer(adminToken)).expect(404);
    const patched = await http().patch(`/v1/users/${created.body.id}`).set(bearer(adminToken)).send({ email: 'alice2@example.test' }).expect(200);
    expect(patched.body.email).toBe('alice2@example.test');
    await http().patch(`/v1/users/${created.body.id}`).set(bearer(adminToken)).send({ status: 'gone' }).expect(400);
  });

  it('a plain user cannot manage users or change their own status, but can change their own email', async () => {
    const user = await createUser(app, adminToken);
    await http().get('/v1/users').set(bearer(user.accessToken)).expect(403);
    await http().post('/v1/users').set(bearer(user.accessToken)).send({ username: 'eve123', email: 'eve@example.test', password: 'eve-password-1234' }).expect(403);
    await http().patch(`/v1/users/${user.userId}`).set(bearer(user.accessToken)).send({ status: 'disabled' }).expect(403);
    await http().patch(`/v1/users/${user.userId}`).set(bearer(user.accessToken)).send({ email: `new-${user.username}@example.test` }).expect(200);
    await http().get(`/v1/users/${user.userId}`).set(bearer(user.accessToken)).expect(200);
  });

  it('roles: custom roles with the logout-other-user alias; role changes apply to live tokens at once', async () => {
    const role = await http().post('/v1/roles').set(bearer(adminToken)).send({ name: 'helpdesk', permissions: ['logout-other-user'] }).expect(201);
    expect(role.body.permissions).toEqual(['sessions.revoke-any']);
    await http().post('/v1/roles').set(bearer(adminToken)).send({ name: 'bad', permissions: ['fly'] }).expect(400);
    await http().post('/v1/roles').set(bearer(adminToken)).send({ name: 'helpdesk', permissions: [] }).expect(409);
    const roles = await http().get('/v1/roles').set(bearer(adminToken)).expect(200);
    expect(roles.body.map((r: { name: string }) => r.name)).toEqual(expect.arrayContaining(['admin', 'auditor', 'user', 'helpdesk']));

    const helper = await createUser(app, adminToken);
    const victim = await createUser(app, adminToken);
    await http().post(`/v1/users/${victim.userId}/logout`).set(bearer(helper.accessToken)).send({}).expect(403);
    await http().put(`/v1/users/${helper.userId}/roles`).set(bearer(adminToken)).send({ roles: ['user', 'helpdesk'] }).expect(200);
    await http().post(`/v1/users/${victim.userId}/logout`).set(bearer(helper.accessToken)).send({}).expect(200);
    // only the system admin may hand out system-admin
    const accountAdmin = await createUser(app, adminToken, { roles: ['admin'] });
    await http().put(`/v1/users/${helper.userId}/roles`).set(bearer(accountAdmin.accessToken)).send({ roles: ['system-admin'] }).expect(403);
  });

  it('nobody manages a user more powerful than themselves, nor hands out a permission they lack; a refusal changes nothing', async () => {
    const dataSource = app.get(DataSource);
    const systemAdmin = await createUser(app, adminToken, { roles: ['system-admin'] });
    const accountAdmin = await createUser(app, adminToken, { roles: ['admin'] });
    const denials = async () => Number((await dataSource.query(`SELECT count(*) AS n FROM audit_events WHERE action = 'auth.permission_denied' AND actor_user_id = $1`, [accountAdmin.userId]))[0].n);
    const stateOf = async (id: string) => (await dataSource.query('SELECT status, password_hash FROM users WHERE id = $1', [id]))[0];
    const before = await stateOf(systemAdmin.userId);
    const deniedBefore = await denials();
    // The account admin lacks accounts.manage: the system admin's password, status and roles are not theirs to change.
    for (const body of [{ password: 'taken-over-password-1' }, { status: 'disabled' }, { email: 'taken@example.test' }]) {
      const res = await http().patch(`/v1/users/${systemAdmin.userId}`).set(bearer(accountAdmin.accessToken)).send(body).expect(403);
      expect(res.body).toMatchObject({ error: 'PERMISSION_DENIED', message: 'Missing permission accounts.manage' });
    }
    await http().put(`/v1/users/${systemAdmin.userId}/roles`).set(bearer(accountAdmin.accessToken)).send({ roles: ['user'] }).expect(403);
    expect(await stateOf(systemAdmin.userId)).toEqual(before);
    await http().get('/v1/auth/session').set(bearer(systemAdmin.accessToken)).expect(200);
    expect(await denials()).toBe(deniedBefore + 4);

    // users.manage alone: no role, and no custom role, carrying a permission its holder lacks.
    await http().post('/v1/roles').set(bearer(adminToken)).send({ name: 'user-managers', permissions: ['users.manage'] }).expect(201);
    const manager = await createUser(app, adminToken, { roles: ['user-managers'] });
    await http().put(`/v1/users/${manager.userId}/roles`).set(bearer(manager.accessToken)).send({ roles: ['admin'] }).expect(403);
    await http().post('/v1/users').set(bearer(manager.accessToken)).send({ username: 'mgr-made', email: 'mgr-made@example.test', password: 'mgr-made-password-1', roles: ['auditor'] }).expect(403);
    await http().post('/v1/roles').set(bearer(manager.accessToken)).send({ name: 'everything', permissions: ['audit.read'] }).expect(403);
    expect((await http().get('/v1/auth/session').set(bearer(manager.accessToken)).expect(200)).body.permissions).toEqual(['users.manage']);
    // Within their own powers they act: a plain user's password and status, a role of their own permissions.
    const plain = await createUser(app, adminToken);
    await http().patch(`/v1/users/${plain.userId}`).set(bearer(manager.accessToken)).send({ email: 'plain-new@example.test' }).expect(200);
    await http().post('/v1/roles').set(bearer(manager.accessToken)).send({ name: 'junior-managers', permissions: ['users.manage'] }).expect(201);

    // A manager lacking sessions.revoke-any cannot disable a user (which ends their sessions): refused before anything is written.
    const res = await http().patch(`/v1/users/${plain.userId}`).set(bearer(manager.accessToken)).send({ status: 'disabled', email: 'plain-disabled@example.test' }).expect(403);
    expect(res.body.message).toBe('Missing permission sessions.revoke-any');
    expect((await dataSource.query('SELECT status, email FROM users WHERE id = $1', [plain.userId]))[0]).toEqual({ status: 'active', email: 'plain-new@example.test' });
    await http().get('/v1/auth/session').set(bearer(plain.accessToken)).expect(200);
  });

  it('a custom role may not take a built-in role\'s name; a refused forced logout is audited with its target', async () => {
    const dataSource = app.get(DataSource);
    const clash = await http().post('/v1/roles').set(bearer(adminToken)).send({ name: 'User', permissions: ['audit.read'] }).expect(409);
    expect(clash.body.error).toBe('CONFLICT');
    const fresh = await createUser(app, adminToken);
    expect((await http().get('/v1/auth/session').set(bearer(fresh.accessToken)).expect(200)).body.permissions).toEqual([]);
    const victim = await createUser(app, adminToken);
    await http().post(`/v1/users/${victim.userId}/logout`).set(bearer(fresh.accessToken)).send({ reason: 'no' }).expect(403);
    const [denied] = await dataSource.query(
      `SELECT target_user_id AS "targetUserId", reason FROM audit_events WHERE action = 'session.forced_logout' AND outcome = 'denied' AND actor_user_id = $1`,
      [fresh.userId],
    );
    expect(denied).toEqual({ targetUserId: victim.userId, reason: 'missing_permission' });
  });

  it('accounts are for the system admin', async () => {
    const acct = await http().post('/v1/accounts').set(bearer(adminToken)).send({ name: 'Globex' }).expect(201);
    await http().post('/v1/accounts').set(bearer(adminToken)).send({ name: 'globex' }).expect(409);
    const list = await http().get('/v1/accounts').set(bearer(adminToken)).expect(200);
    expect(list.body.map((a: { id: string }) => a.id)).toContain(acct.body.id);
    expect(list.body.filter((a: { isDefault: boolean }) => a.isDefault)).toHaveLength(1);
    const user = await createUser(app, adminToken);
    await http().post('/v1/accounts').set(bearer(user.accessToken)).send({ name: 'Nope' }).expect(403);
  });

  it('API keys: shown once, stored hashed, used for RFC 7662 introspection and RFC 7009 revocation', async () => {
    const created = await http().post('/v1/api-keys').set(bearer(adminToken)).send({ name: 'orders-service', redirectUrl: 'https://app.example.test/bye' }).expect(201);
    const apiKey: string = created.body.apiKey;
    expect(apiKey).toMatch(/^sk_/);
    const listed = await http().get('/v1/api-keys').set(bearer(adminToken)).expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(apiKey);

    const user = await createUser(app, adminToken);
    const active = await http().post('/v1/oauth/introspect').set('X-API-Key', apiKey).type('form').send({ token: user.accessToken }).expect(200);
    expect(active.body).toMatchObject({ active: true, sub: user.userId, sid: user.sessionId, username: user.username, token_type: 'Bearer', client_id: created.body.id });
    expect(active.headers['content-type']).toBe('application/json; charset=utf-8');
    // Answers are kept per session and client: another client asking about the same session gets its own.
    const billing = await http().post('/v1/api-keys').set(bearer(adminToken)).send({ name: 'billing-service' }).expect(201);
    const asBilling = await http().post('/v1/oauth/introspect').set('X-API-Key', billing.body.apiKey).send({ token: user.accessToken }).expect(200);
    expect(asBilling.body).toEqual({ ...active.body, client_id: billing.body.id });
    expect((await http().post('/v1/oauth/introspect').set('X-API-Key', apiKey).send({ token: user.accessToken }).expect(200)).body).toEqual(active.body);
    const basic = Buffer.from(`orders-service:${apiKey}`).toString('base64');
    await http().post('/v1/oauth/introspect').set('Authorization', `Basic ${basic}`).send({ token: user.accessToken }).expect(200);
    expect((await http().post('/v1/oauth/introspect').set('X-API-Key', apiKey).send({ token: 'sat_nope' })).body).toEqual({ active: false });
    await http().post('/v1/oauth/introspect').send({ token: user.accessToken }).expect(401);
    await http().post('/v1/oauth/introspect').set('X-API-Key', 'sk_wrong').send({ token: user.accessToken }).expect(401);
    await http().post('/v1/oauth/introspect').set('X-API-Key', apiKey).send({}).expect(400);

    await http().post('/v1/oauth/revoke').set('X-API-Key', apiKey).type('form').send({ token: user.refreshToken, token_type_hint: 'refresh_token' }).expect(200);
    await http().get('/v1/auth/me').set(bearer(user.accessToken)).expect(401);
    expect((await http().post('/v1/oauth/introspect').set('X-API-Key', apiKey).send({ token: user.accessToken })).body).toEqual({ active: false });
    await http().post('/v1/oauth/revoke').set('X-API-Key', apiKey).send({ token: 'unknown-token' }).expect(200);

    const revoked = await http().delete(`/v1/api-keys/${created.body.id}`).set(bearer(adminToken)).expect(200);
    expect(revoked.body).toMatchObject({ id: created.body.id, name: 'orders-service', revokedAt: expect.any(String) });
    await http().post('/v1/oauth/introspect').set('X-API-Key', apiKey).send({ token: user.accessToken }).expect(401);
  });

  it('a client of another account sees that account\'s tokens as inactive', async () => {
    const acct = await http().post('/v1/accounts').set(bearer(adminToken)).send({ name: `initech-${Date.now()}` }).expect(201);
    const otherAdmin = await createUser(app, adminToken, { roles: ['admin'], accountId: acct.body.id });
    const key = await http().post('/v1/api-keys').set(bearer(otherAdmin.accessToken)).send({ name: 'other' }).expect(201);
    const user = await createUser(app, adminToken);
    expect((await http().post('/v1/oauth/introspect').set('X-API-Key', key.body.apiKey).send({ token: user.accessToken })).body).toEqual({ active: false });
    await http().post('/v1/oauth/revoke').set('X-API-Key', key.body.apiKey).send({ token: user.accessToken }).expect(200);
    await http().get('/v1/auth/me').set(bearer(user.accessToken)).expect(200);
  });

  it('SigV4 access keys: secret shown once, never listed', async () => {
    const me = await http().get('/v1/auth/me').set(bearer(adminToken)).expect(200);
    const created = await http().post(`/v1/accounts/${me.body.user.accountId}/access-keys`).set(bearer(adminToken)).expect(201);
    expect(created.body.accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(created.body.secretAccessKey.length).toBeGreaterThanOrEqual(40);
    const list = await http().get(`/v1/accounts/${me.body.user.accountId}/access-keys`).set(bearer(adminToken)).expect(200);
    expect(JSON.stringify(list.body)).not.toContain(created.body.secretAccessKey);
    const revoked = await http().delete(`/v1/accounts/${me.body.user.accountId}/access-keys/${created.body.accessKeyId}`).set(bearer(adminToken)).expect(200);
    expect(revoked.body).toMatchObject({ accessKeyId: created.body.accessKeyId, revokedAt: expect.any(String) });
    await http().delete(`/v1/accounts/${me.body.user.accountId}/access-keys/AKIANOSUCHKEY0000000`).set(bearer(adminToken)).expect(404);
    await http().post('/v1/accounts/00000000-0000-4000-8000-000000000000/access-keys').set(bearer(adminToken)).expect(404);
  });

  it('my sessions: list own, end own by id', async () => {
    const user = await createUser(app, adminToken);
    const other = await login(app, user.username, user.password);
    const mine = await http().get('/v1/sessions').set(bearer(user.accessToken)).expect(200);
    expect(mine.body).toHaveLength(2);
    await http().delete(`/v1/sessions/${other.sessionId}`).set(bearer(user.accessToken)).expect(200);
    const after = await http().get('/v1/sessions').set(bearer(user.accessToken)).expect(200);
    expect(after.body.map((s: { id: string }) => s.id)).toEqual([user.sessionId]);
  });

  it('serves the audit page at /admin/ (and redirects /admin there)', async () => {
    const redirect = await http().get('/admin').expect(302);
    expect(redirect.headers.location).toBe('/admin/');
    const page = await http().get('/admin/').expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('id="login-form"');
    await http().get('/admin/app.js').expect(200).expect('content-type', /javascript/);
  });

  it('health: live and ready', async () => {
    expect((await http().get('/health/live').expect(200)).body).toEqual({ status: 'ok' });
    expect((await http().get('/health/ready').expect(200)).body.status).toBe('ok');
  });

  it('unknown routes and oversized bodies answer clean 4xx with a request id', async () => {
    const notFound = await http().get('/v1/nothing-here').expect(404);
    expect(notFound.body).toMatchObject({ error: 'ROUTE_NOT_FOUND', requestId: expect.any(String) });
    expect(notFound.headers['x-request-id']).toBe(notFound.body.requestId);
    const big = await http().post('/v1/auth/login').send({ username: 'x', password: 'y'.repeat(100_000) }).expect(413);
    expect(big.body.error).toBe('PAYLOAD_TOO_LARGE');
  });

  it('publishes an OpenAPI document with security and error responses for every native endpoint', async () => {
    const doc = await openApi();
    const expected = [
      ['post', '/v1/auth/login'], ['post', '/v1/auth/refresh'], ['post', '/v1/auth/logout'], ['get', '/v1/auth/me'],
      ['get', '/v1/sessions'], ['delete', '/v1/sessions/{id}'], ['get', '/v1/users/{id}/sessions'], ['post', '/v1/users/{id}/logout'],
      ['post', '/v1/users'], ['get', '/v1/users'], ['get', '/v1/users/{id}'], ['patch', '/v1/users/{id}'], ['put', '/v1/users/{id}/roles'],
      ['get', '/v1/roles'], ['post', '/v1/roles'], ['post', '/v1/accounts'], ['get', '/v1/accounts'], ['post', '/v1/accounts/{id}/logout'],
      ['post', '/v1/api-keys'], ['get', '/v1/api-keys'], ['delete', '/v1/api-keys/{id}'],
      ['post', '/v1/oauth/introspect'], ['post', '/v1/oauth/revoke'], ['get', '/v1/audit/events'], ['get', '/health/live'], ['get', '/health/ready'],
    ];
    for (const [method, path] of expected) {
      const op = doc.paths[path]?.[method];
      expect({ path, method, present: Boolean(op) }).toEqual({ path, method, present: true });
    }
    expect(doc.paths['/v1/auth/me'].get.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(doc.paths['/v1/auth/me'].get.responses)).toEqual(expect.arrayContaining(['200', '401', '403']));
    expect(Object.keys(doc.paths['/v1/auth/login'].post.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '429']));
    expect(doc.components.securitySchemes).toHaveProperty('bearer');
    // the Swagger plugin read the DTOs: request and response schemas have their fields
    expect(Object.keys(doc.components.schemas.LoginDto.properties ?? {})).toEqual(expect.arrayContaining(['username', 'email', 'password', 'deviceToken']));
    expect(Object.keys(doc.components.schemas.RevocationReceiptDto.properties ?? {})).toEqual(expect.arrayContaining(['revokedCount', 'sessionIds', 'auditEventId', 'effectiveAt']));
  });

  it('documents the audit export\'s errors as the JSON they are (only the 200 is CSV or NDJSON)', async () => {
    const exported = (await openApi()).paths['/v1/audit/events/export'].get.responses;
    expect(Object.keys(exported['200'].content ?? {})).toEqual(['text/csv', 'application/x-ndjson']);
    for (const status of ['400', '401', '403', '404']) {
      expect({ status, content: exported[status].content }).toEqual({
        status,
        content: { 'application/json': { schema: { $ref: ERROR_RESPONSE }, example: expect.objectContaining({ statusCode: Number(status) }) } },
      });
    }
    const failed = await http().get('/v1/audit/events/export?format=xml').set(bearer(adminToken)).expect(400);
    expect(failed.headers['content-type']).toMatch(/^application\/json/);
  });

  it('documents 400, in the surface\'s own error shape, on every operation that takes a body, a query or a path parameter', async () => {
    const doc = await openApi();
    const wrong: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      const [, schema, mediaType] = SURFACE_ERRORS.find(([prefix]) => path.startsWith(prefix)) ?? ['', 'ErrorResponseDto', 'application/json'];
      for (const [method, op] of Object.entries(operations)) {
        const takesInput = Boolean(op.requestBody) || (op.parameters ?? []).some((p) => p.in === 'path' || p.in === 'query');
        // A native operation refuses unknown query parameters, so even one that takes no input can answer 400.
        if (!takesInput && !path.startsWith('/v1/')) continue;
        const content = op.responses['400']?.content ?? {};
        const documented = Object.entries(content).map(([type, c]) => `${type} ${c.schema.$ref}`);
        if (documented.join() !== `${mediaType} #/components/schemas/${schema}`) wrong.push(`${method.toUpperCase()} ${path}: ${documented.join(', ') || 'no 400'}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('PATCH /v1/users/{id}: an email another user has (in any case) is 409 CONFLICT, and documented so', async () => {
    const owner = await createUser(app, adminToken);
    const other = await createUser(app, adminToken);
    const res = await http().patch(`/v1/users/${other.userId}`).set(bearer(adminToken)).send({ email: `${owner.username}@example.test`.toUpperCase() }).expect(409);
    expect(res.body).toMatchObject({ error: 'CONFLICT', requestId: expect.any(String) });
    // the owner still has it; the other user kept theirs
    expect((await http().get(`/v1/users/${other.userId}`).set(bearer(adminToken)).expect(200)).body.email).toBe(`${other.username}@example.test`);
    const doc = await openApi();
    expect(doc.paths['/v1/users/{id}'].patch.responses['409']?.content?.['application/json'].schema.$ref).toBe(ERROR_RESPONSE);
  });

  it('an accountId no account has is not a 404 for a system admin (empty answers), and the 404s say what they are for', async () => {
    const nowhere = '00000000-0000-4000-8000-000000000000';
    const get = async (path: string) => (await http().get(path).set(bearer(adminToken)).expect(200)).body;
    expect(await get(`/v1/users?accountId=${nowhere}`)).toEqual({ items: [], nextCursor: null });
    expect(await get(`/v1/audit/events?accountId=${nowhere}`)).toEqual({ items: [], nextCursor: null, prevCursor: null, limit: 50, total: 0, totalExact: true });
    expect(await get(`/v1/audit/summary?accountId=${nowhere}`)).toMatchObject({ perActor: [], perSurface: [] });
    expect(await get(`/v1/audit/verify?accountId=${nowhere}`)).toMatchObject({ ok: true, checked: 0, firstBroken: null });
    expect(await get(`/v1/audit/verify?account=${nowhere}`)).toMatchObject({ ok: true, checked: 0, firstBroken: null });
    await http().get(`/v1/audit/events/export?format=ndjson&accountId=${nowhere}`).set(bearer(adminToken)).expect(200);
    // Without accounts.manage, another account is answered like a missing one.
    const accountAdmin = await createUser(app, adminToken, { roles: ['admin'] });
    const acct = await http().post('/v1/accounts').set(bearer(adminToken)).send({ name: `elsewhere-${Date.now()}` }).expect(201);
    await http().get(`/v1/users?accountId=${acct.body.id}`).set(bearer(accountAdmin.accessToken)).expect(404);
    await http().get(`/v1/audit/events?accountId=${acct.body.id}`).set(bearer(accountAdmin.accessToken)).expect(404);
    // Creating a user is different: the account must exist.
    const orphan = { username: `orphan${Date.now()}`, email: `orphan${Date.now()}@example.test`, password: 'orphan-password-1', accountId: nowhere };
    expect((await http().post('/v1/users').set(bearer(adminToken)).send(orphan).expect(404)).body.message).toBe('Account not found');

    const doc = await openApi();
    const notFound = (path: string) => doc.paths[path].get.responses['404']?.description ?? '';
    for (const path of ['/v1/users', '/v1/audit/events', '/v1/audit/events/export', '/v1/audit/summary', '/v1/audit/verify']) {
      expect({ path, description: notFound(path) }).toEqual({ path, description: expect.stringMatching(/another account/i) });
      expect(notFound(path)).not.toMatch(/^(unknown|no such) (account|user)/i);
    }
    expect(notFound('/v1/audit/events/{id}')).toMatch(/event/i);
    expect(doc.paths['/v1/users'].post.responses['404']?.description).toMatch(/no account/i);
  });

  it('documents `none` (the events of no account) on every audit reading\'s account filter, and its 403', async () => {
    const doc = await openApi();
    for (const [path, name] of [['/v1/audit/events', 'accountId'], ['/v1/audit/events/export', 'accountId'], ['/v1/audit/summary', 'accountId'], ['/v1/audit/verify', 'accountId'], ['/v1/audit/verify', 'account']]) {
      const op = doc.paths[path].get;
      const param = op.parameters?.find((p) => p.name === name);
      expect({ path, oneOf: param?.schema?.oneOf }).toEqual({ path, oneOf: [{ type: 'string', format: 'uuid' }, { type: 'string', enum: ['none'] }] });
      expect(param?.description).toMatch(/`none`[\s\S]*no account/);
      expect(op.responses['403'].description).toMatch(/none.*accounts\.manage/);
    }
  });

  it('documents the verify result\'s firstBroken as null or the break (the null it answers when ok validates)', async () => {
    const { schemas } = (await openApi()).components;
    const firstBroken = schemas.AuditVerifyResultDto.properties?.firstBroken as SchemaObject;
    expect(acceptsNull(firstBroken, schemas)).toBe(true);
    expect(firstBroken.oneOf).toEqual(expect.arrayContaining([{ $ref: '#/components/schemas/AuditChainBreakDto' }]));
    expect(Object.keys(schemas.AuditChainBreakDto.properties ?? {})).toEqual(expect.arrayContaining(['id', 'chainSeq', 'occurredAt', 'reason']));
  });

  it('every property documented as nullable accepts null (OpenAPI 3.0.3 reading)', async () => {
    const { schemas } = (await openApi()).components;
    const refusing: string[] = [];
    for (const [name, schema] of Object.entries(schemas)) {
      for (const [property, propertySchema] of Object.entries(schema.properties ?? {})) {
        if (propertySchema.nullable && !acceptsNull(propertySchema, schemas)) refusing.push(`${name}.${property}`);
      }
    }
    expect(refusing).toEqual([]);
  });
});
