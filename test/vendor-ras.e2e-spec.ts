import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import request from 'supertest';
import { bearer, createTestDatabase, createUser, loginAdmin, startApp } from './support/test-app.js';
import { vendorContract } from './support/vendor-contracts.js';
import { TEST_ADMIN } from './test-env.js';

const PREFIX = '/compat/ras';
const RAS_JSON = /^application\/json; api-version=1\.0\b/;

interface VendorOperation {
  parameters?: { name: string; in: string; required: boolean; schema: unknown }[];
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}
interface VendorFragment {
  paths: Record<string, { post: VendorOperation }>;
  components: { schemas: { ProblemDetails: { properties: Record<string, unknown> } } };
}

// The two OpenAPI blocks of the vendor's page, verbatim (test/fixtures/vendor-contracts/, see its README).
const VENDOR_FRAGMENTS = ['parallels-ras-session-logoff.openapi.json', 'parallels-ras-session-logoff-other-admin.openapi.json'].map((file) =>
  vendorContract<VendorFragment>(file),
);

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
}

function expectProblem(res: request.Response, status: number, instance: string): Problem {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(RAS_JSON);
  expect(res.body).toMatchObject({ type: expect.stringMatching(/^https:\/\//), title: expect.any(String), status, detail: expect.any(String), instance });
  return res.body as Problem;
}

describe('Parallels RAS dialect (/compat/ras)', () => {
  let app: NestFastifyApplication;
  let adminToken: string;

  beforeAll(async () => {
    app = await startApp(await createTestDatabase());
    adminToken = (await loginAdmin(app)).accessToken;
  });
  afterAll(() => app?.close());

  const http = () => request(app.getHttpServer());
  const logon = async (username: string, password: string) => {
    const res = await http().post(`${PREFIX}/api/Session/logon`).send({ username, password }).expect(200);
    return res.body as { authToken: string; sessionId: number; userId: string; username: string };
  };
  const auditEvents = async (query: string) =>
    (await http().get(`/v1/audit/events?${query}`).set(bearer(adminToken)).expect(200)).body.items as Record<string, unknown>[];

  it('logs on (paths case-insensitive) with a Session object whose token works on every surface', async () => {
    const user = await createUser(app, adminToken);
    const res = await http().post(`${PREFIX}/api/session/LOGON`).send({ username: user.username, password: user.password }).expect(200);
    expect(res.headers['content-type']).toMatch(RAS_JSON);
    expect(res.body).toEqual({ authToken: expect.stringMatching(/^sat_/), sessionId: expect.any(Number), userId: user.userId, username: user.username });
    expect(Number.isInteger(res.body.sessionId)).toBe(true);
    const me = await http().get('/v1/auth/me').set(bearer(res.body.authToken)).expect(200);
    expect(me.body.session).toMatchObject({ number: res.body.sessionId, surface: 'ras' });
  });

  it('logoff ends the caller\'s session: 200 JSON string, token refused at once on RAS and native', async () => {
    const user = await createUser(app, adminToken);
    const ras = await logon(user.username, user.password);
    const res = await http().post(`${PREFIX}/api/Session/logoff`).set('auth_token', ras.authToken).expect(200);
    expect(res.headers['content-type']).toMatch(RAS_JSON);
    expect(res.text).toBe('"Logged off"');
    expect(res.body).toBe('Logged off');

    await http().get('/v1/auth/me').set(bearer(ras.authToken)).expect(401);
    expectProblem(await http().post(`${PREFIX}/api/Session/logoff`).set('auth_token', ras.authToken), 401, `${PREFIX}/api/Session/logoff`);
    // Only that session ended: the user's native session lives on.
    await http().get('/v1/auth/me').set(bearer(user.accessToken)).expect(200);

    const [event] = await auditEvents(`action=session.logout&surface=ras&targetUserId=${user.userId}`);
    expect(event).toMatchObject({ action: 'session.logout', surface: 'ras', reason: 'ras logout', sessionCount: 1 });
  });

  it('an admin logs off another session by its int32 id: 204, refused on native at once, audited', async () => {
    const admin = await logon(TEST_ADMIN.username, TEST_ADMIN.password);
    const victim = await createUser(app, adminToken);
    const victimRas = await logon(victim.username, victim.password);

    const listed = await http().get(`${PREFIX}/api/Session`).set('auth_token', admin.authToken).expect(200);
    expect(listed.headers['content-type']).toMatch(RAS_JSON);
    expect(listed.body).toEqual(expect.arrayContaining([expect.objectContaining({ sessionId: victimRas.sessionId, userId: victim.userId, surface: 'ras' })]));

    const res = await http().post(`${PREFIX}/api/Session/${victimRas.sessionId}/logoff`).set('auth_token', admin.authToken).expect(204);
    expect(res.text).toBe('');
    await http().get('/v1/auth/me').set(bearer(victimRas.authToken)).expect(401);
    // Only that session: the victim's native session is untouched.
    await http().get('/v1/auth/me').set(bearer(victim.accessToken)).expect(200);

    const events = await auditEvents(`action=session.forced_logout&surface=ras&targetUserId=${victim.userId}`);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ reason: 'ras logout', sessionCount: 1, actor: expect.objectContaining({ userId: admin.userId }) });

    // Idempotent: the ended session answers 204 again and ends nothing more.
    await http().post(`${PREFIX}/api/session/${victimRas.sessionId}/LOGOFF`).set('auth_token', admin.authToken).expect(204);
  });

  it('a user may log off their own session by id without any permission', async () => {
    const user = await createUser(app, adminToken);
    const first = await logon(user.username, user.password);
    const second = await logon(user.username, user.password);
    await http().post(`${PREFIX}/api/Session/${first.sessionId}/logoff`).set('auth_token', second.authToken).expect(204);
    await http().get('/v1/auth/me').set(bearer(first.authToken)).expect(401);
    await http().get('/v1/auth/me').set(bearer(second.authToken)).expect(200);
  });

  it('refuses a missing or bad token with 401 ProblemDetails', async () => {
    const missing = expectProblem(await http().post(`${PREFIX}/api/Session/logoff`), 401, `${PREFIX}/api/Session/logoff`);
    expect(missing.title).toBe('Unauthorized');
    expectProblem(await http().post(`${PREFIX}/api/Session/logoff`).set('auth_token', 'sat_not-a-token'), 401, `${PREFIX}/api/Session/logoff`);
    expectProblem(await http().post(`${PREFIX}/api/Session/7/logoff`).set('auth_token', 'sat_not-a-token'), 401, `${PREFIX}/api/Session/7/logoff`);
    expectProblem(await http().get(`${PREFIX}/api/Session`), 401, `${PREFIX}/api/Session`);
    // The native bearer header is not a RAS credential.
    expectProblem(await http().post(`${PREFIX}/api/Session/logoff`).set(bearer(adminToken)), 401, `${PREFIX}/api/Session/logoff`);
  });

  it('refuses another user\'s session without sessions.revoke-any (403, audited) and changes nothing', async () => {
    const plain = await createUser(app, adminToken);
    const plainRas = await logon(plain.username, plain.password);
    const victim = await createUser(app, adminToken);
    const victimRas = await logon(victim.username, victim.password);

    const path = `${PREFIX}/api/Session/${victimRas.sessionId}/logoff`;
    const res = expectProblem(await http().post(path).set('auth_token', plainRas.authToken), 403, path);
    expect(res.title).toBe('Forbidden');
    await http().get('/v1/auth/me').set(bearer(victimRas.authToken)).expect(200);
    expectProblem(await http().get(`${PREFIX}/api/Session`).set('auth_token', plainRas.authToken), 403, `${PREFIX}/api/Session`);

    const denied = await auditEvents(`action=session.forced_logout&outcome=denied&surface=ras&actorUserId=${plain.userId}`);
    expect(denied.length).toBeGreaterThanOrEqual(1);
    expect(denied.find((e) => e.targetUserId === victim.userId)).toMatchObject({ outcome: 'denied', reason: 'missing_permission' });
  });

  it('answers an unknown session id and another account\'s session identically (404)', async () => {
    // An admin of the default account only (the bootstrap admin is also system admin and reaches every account).
    const admin = await createUser(app, adminToken, { roles: ['admin'] });
    const adminRas = await logon(admin.username, admin.password);
    const account = await http().post('/v1/accounts').set(bearer(adminToken)).send({ name: `ras-other-${Date.now()}` }).expect(201);
    const stranger = await createUser(app, adminToken, { accountId: account.body.id });
    const strangerRas = await logon(stranger.username, stranger.password);

    const crossPath = `${PREFIX}/api/Session/${strangerRas.sessionId}/logoff`;
    const cross = expectProblem(await http().post(crossPath).set('auth_token', adminRas.authToken), 404, crossPath);
    const unknownPath = `${PREFIX}/api/Session/2147483647/logoff`;
    const unknown = expectProblem(await http().post(unknownPath).set('auth_token', adminRas.authToken), 404, unknownPath);
    expect({ ...cross, instance: undefined, traceId: undefined }).toEqual({ ...unknown, instance: undefined, traceId: undefined });
    await http().get('/v1/auth/me').set(bearer(strangerRas.authToken)).expect(200);

    // The account listing never shows the other account's sessions.
    const listed = await http().get(`${PREFIX}/api/Session`).set('auth_token', adminRas.authToken).expect(200);
    expect(listed.body.map((s: { sessionId: number }) => s.sessionId)).not.toContain(strangerRas.sessionId);
    const [denied] = await auditEvents(`action=session.forced_logout&outcome=denied&surface=ras&actorUserId=${admin.userId}`);
    expect(denied).toMatchObject({ reason: 'cross_account', targetUserId: stranger.userId });
  });

  it('answers bad input with 400 ProblemDetails, never a 500', async () => {
    for (const id of ['abc', '1.5', '2147483648', '-2147483649', '0x10', '1e1']) {
      const path = `${PREFIX}/api/Session/${id}/logoff`;
      const res = expectProblem(await http().post(path).set('auth_token', adminToken), 400, path);
      expect(res).toMatchObject({ detail: 'SessionId: SessionId must be a 32-bit integer', errors: { SessionId: ['SessionId must be a 32-bit integer'] } });
    }
    const logonPath = `${PREFIX}/api/Session/logon`;
    expectProblem(await http().post(logonPath).set('content-type', 'application/json').send('{"username":'), 400, logonPath);
    const unknownField = expectProblem(await http().post(logonPath).send({ username: 'admin', password: 'x', domain: 'corp' }), 400, logonPath);
    expect(unknownField.detail).toContain('domain');
    expect(unknownField).toMatchObject({ errors: { domain: expect.any(Array) } });
    expectProblem(await http().post(logonPath).send({ username: 'admin' }), 400, logonPath);
    const wrong = expectProblem(await http().post(logonPath).send({ username: 'admin', password: 'wrong-password' }), 401, logonPath);
    expect(wrong.title).toBe('Unauthorized');
    expectProblem(await http().get(`${PREFIX}/api/Session/nothing/here`), 404, `${PREFIX}/api/Session/nothing/here`);
    expectProblem(await http().get(`${PREFIX}/api/Farm`), 404, `${PREFIX}/api/Farm`);
  });

  it('throttles repeated logons (429 ProblemDetails with Retry-After)', async () => {
    const before = process.env.LOGIN_THROTTLE_LIMIT;
    const throttledDb = await createTestDatabase();
    const throttled = await startApp(throttledDb, { LOGIN_THROTTLE_LIMIT: '2' });
    try {
      const path = `${PREFIX}/api/Session/logon`;
      const attempt = () => request(throttled.getHttpServer()).post(path).send({ username: 'someone', password: 'wrong-password' });
      expect((await attempt()).status).toBe(401);
      expect((await attempt()).status).toBe(401);
      const third = await attempt();
      expect(expectProblem(third, 429, path).title).toBe('Too Many Requests');
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
      // Throttled attempts have no account, so /v1/audit/events (scoped to one) cannot list them: read the table.
      const db = new pg.Client({ connectionString: throttledDb });
      await db.connect();
      try {
        const { rows } = await db.query(`SELECT reason FROM audit_events WHERE action = 'auth.login_throttled' AND surface = 'ras'`);
        expect(rows).toEqual(expect.arrayContaining([{ reason: 'too many login attempts' }]));
      } finally {
        await db.end();
      }
    } finally {
      await throttled.close();
      if (before === undefined) delete process.env.LOGIN_THROTTLE_LIMIT;
      else process.env.LOGIN_THROTTLE_LIMIT = before;
    }
  });

  it('documents both logoff operations as the vendor does (Swagger vs the vendor OpenAPI)', async () => {
    // What the page says, so a wrong or truncated fixture fails here rather than passing vacuously.
    expect(VENDOR_FRAGMENTS.flatMap((fragment) => Object.keys(fragment.paths))).toEqual(['/api/Session/logoff', '/api/Session/{SessionId}/logoff']);
    const [problemDetails] = VENDOR_FRAGMENTS.map((fragment) => fragment.components.schemas.ProblemDetails);
    for (const fragment of VENDOR_FRAGMENTS) expect(fragment.components.schemas.ProblemDetails).toEqual(problemDetails);
    const vendorPaths = Object.assign({}, ...VENDOR_FRAGMENTS.map((fragment) => fragment.paths)) as VendorFragment['paths'];
    const doc = (await http().get('/docs-json').expect(200)).body;
    for (const [path, vendor] of Object.entries(vendorPaths)) {
      const ours = doc.paths[`${PREFIX}${path}`];
      expect(Object.keys(ours)).toEqual(Object.keys(vendor));
      expect(ours.post.tags).toEqual(['Parallels RAS']);
      expect(ours.post.security).toEqual([{ 'ras-token': [] }]);
      // Every status the vendor documents, with the same content type and schema (ours documents more errors).
      for (const [status, response] of Object.entries(vendor.post.responses)) {
        expect(ours.post.responses[status]).toBeDefined();
        expect(ours.post.responses[status].content).toEqual(response.content);
      }
      if (vendor.post.parameters) {
        // The parameter itself, not the vendor's wording of its description.
        const { name, in: where, required, schema } = vendor.post.parameters[0];
        expect(ours.post.parameters).toEqual([expect.objectContaining({ name, in: where, required, schema })]);
      }
    }
    const schema = doc.components.schemas.ProblemDetails;
    expect(Object.keys(problemDetails.properties).sort()).toEqual(['detail', 'instance', 'status', 'title', 'type']);
    for (const [name, property] of Object.entries(problemDetails.properties)) expect(schema.properties[name]).toMatchObject(property as object);
  });
});
