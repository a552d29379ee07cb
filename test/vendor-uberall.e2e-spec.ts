import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { bearer, createTestDatabase, createUser, login, startApp } from './support/test-app.js';
import { vendorContract } from './support/vendor-contracts.js';
import {
  auditEvents,
  buildWorld,
  countThrottledLogins,
  describeVendorScenarios,
  DialectSession,
  nativeMeStatus,
  Reply,
  ScenarioWorld,
  startThrottledApp,
  VendorDriver,
} from './support/vendor-scenarios.js';

const UB = '/compat/uberall';
const REDIRECT = 'https://app.example.test/after-logout';

interface Field {
  type: string;
  required?: boolean;
  fields?: Record<string, Field>;
}
/** What the vendor's page documents for POST /users/logout (test/fixtures/vendor-contracts/uberall-users-logout.json). */
const CONTRACT = vendorContract<{ statusEnum: string[]; errorCodeEnum: string[]; responses: Record<string, { fields: Record<string, Field> }> }>(
  'uberall-users-logout.json',
);

/** Every key of the body is a documented field of its type, every required field is there, enums hold. */
function expectDocumented(body: Record<string, unknown>, fields: Record<string, Field>): void {
  for (const [name, value] of Object.entries(body)) {
    const field = fields[name];
    expect({ name, documented: field !== undefined }).toEqual({ name, documented: true });
    expect({ name, type: Array.isArray(value) ? 'array' : typeof value }).toEqual({ name, type: field.type });
    if (field.fields) expectDocumented(value as Record<string, unknown>, field.fields);
  }
  for (const [name, field] of Object.entries(fields)) if (field.required) expect(body).toHaveProperty(name);
  if ('status' in fields) expect(CONTRACT.statusEnum).toContain(body.status);
  if (body.errorCode !== undefined) expect(CONTRACT.errorCodeEnum).toContain(body.errorCode);
}

describe('Uberall dialect (/compat/uberall)', () => {
  let app: NestFastifyApplication;
  let world: ScenarioWorld;
  let dbUrl: string;
  let apiKey: string;

  beforeAll(async () => {
    dbUrl = await createTestDatabase();
    app = await startApp(dbUrl);
    world = await buildWorld(app);
    const key = await request(app.getHttpServer()).post('/v1/api-keys').set(bearer(world.systemAdminToken)).send({ name: 'uberall-app', redirectUrl: REDIRECT }).expect(201);
    apiKey = key.body.apiKey;
  });
  afterAll(() => app.close());

  const http = () => request(app.getHttpServer());
  const reply = (res: request.Response): Reply => ({ status: res.status, body: res.body });

  async function ubLogin(username: string, password: string, key = apiKey): Promise<DialectSession> {
    const res = await http().post(`${UB}/users/login`).set('X-API-KEY', key).send({ email: username, password });
    if (res.status !== 200) throw new Error(`uberall login failed: ${res.status} ${JSON.stringify(res.body)}`);
    const me = await http().get('/v1/auth/me').set(bearer(res.body.response.access_token)).expect(200);
    return { token: res.body.response.access_token, userId: me.body.user.id };
  }

  const driver: VendorDriver = {
    surface: 'uberall',
    login: (_world, username, password) => ubLogin(username, password),
    // Bare token in Authorization, as Uberall's own examples send it.
    logoutSelf: async (_world, session) => reply(await http().post(`${UB}/users/logout`).set({ 'X-API-KEY': apiKey, Authorization: session.token })),
    logoutUser: async (_world, session, userId) =>
      reply(await http().delete(`${UB}/users/${userId}/all-sessions`).set({ 'X-API-KEY': apiKey, Authorization: `Bearer ${session.token}` })),
    // Uberall's logout calls carry no body; the malformed part of the request is the user id.
    logoutBadBody: async (_world, session) =>
      reply(await http().delete(`${UB}/users/not-a-user-id/all-sessions`).set({ 'X-API-KEY': apiKey, Authorization: `Bearer ${session.token}` })),
    expectLoggedOutSelf: (r) => expect(r).toEqual({ status: 200, body: { status: 'SUCCESS', response: { success: true, redirectUrl: REDIRECT } } }),
    expectLoggedOutUser: (r) => expect(r).toEqual({ status: 200, body: { status: 'SUCCESS', response: { success: true, revokedCount: expect.any(Number) } } }),
    expectUnauthenticated: (r) => expect(r).toEqual({ status: 401, body: { status: 'BAD_ACCESS_TOKEN', message: expect.any(String) } }),
    expectForbidden: (r) => expect(r).toEqual({ status: 403, body: { status: 'FORBIDDEN', message: expect.any(String) } }),
    expectUnknownUser: (r) => expect(r).toEqual({ status: 404, body: { status: 'NOT_FOUND', message: 'User not found' } }),
    expectBadRequest: (r) => expect(r).toEqual({ status: 400, body: { status: 'INVALID_PARAMETER', message: expect.stringContaining('id'), errorCode: 'INVALID_INPUT' } }),
  };

  describeVendorScenarios(() => world, driver);

  it('logs in with X-API-KEY and email/password, answering in the envelope; the session is recorded as uberall', async () => {
    const user = await createUser(app, world.systemAdminToken);
    const res = await http().post(`${UB}/users/login`).set('X-API-KEY', apiKey).send({ email: `${user.username}@example.test`, password: user.password }).expect(200);
    expect(res.body).toEqual({ status: 'SUCCESS', response: { access_token: expect.stringMatching(/^sat_/) } });
    const me = await http().get('/v1/auth/me').set(bearer(res.body.response.access_token)).expect(200);
    expect(me.body.session.surface).toBe('uberall');
  });

  it('requires X-API-KEY on every call: missing or unknown key → 401 BAD_PUBLIC_KEY', async () => {
    const user = await createUser(app, world.systemAdminToken);
    const noKey = await http().post(`${UB}/users/login`).send({ email: user.username, password: user.password }).expect(401);
    expect(noKey.body).toEqual({ status: 'BAD_PUBLIC_KEY', message: expect.any(String) });
    const badKey = await http().post(`${UB}/users/login`).set('X-API-KEY', 'sk_unknown').send({ email: user.username, password: user.password }).expect(401);
    expect(badKey.body.status).toBe('BAD_PUBLIC_KEY');
    const logout = await http().post(`${UB}/users/logout`).set('Authorization', user.accessToken).expect(401);
    expect(logout.body.status).toBe('BAD_PUBLIC_KEY');
    expect(await nativeMeStatus(app, user.accessToken)).toBe(200);
  });

  it('answers wrong credentials 401 NOT_AUTHORIZED, the same for an unknown user', async () => {
    const wrong = await http().post(`${UB}/users/login`).set('X-API-KEY', apiKey).send({ email: world.admin.username, password: 'wrong-password-1' }).expect(401);
    const unknown = await http().post(`${UB}/users/login`).set('X-API-KEY', apiKey).send({ email: 'nobody@example.test', password: 'wrong-password-1' }).expect(401);
    expect(wrong.body).toEqual({ status: 'NOT_AUTHORIZED', message: expect.any(String) });
    expect(unknown.body).toEqual(wrong.body);
  });

  it('rejects malformed login bodies and unknown fields with 400 INVALID_PARAMETER', async () => {
    const missing = await http().post(`${UB}/users/login`).set('X-API-KEY', apiKey).send({ email: 'a@example.test' }).expect(400);
    expect(missing.body).toEqual({ status: 'INVALID_PARAMETER', message: expect.stringContaining('password'), errorCode: 'INVALID_INPUT' });
    const extra = await http().post(`${UB}/users/login`).set('X-API-KEY', apiKey).send({ email: 'a@example.test', password: 'x', private_key: 'k' }).expect(400);
    expect(extra.body.message).toContain('private_key');
    const json = await http().post(`${UB}/users/login`).set('X-API-KEY', apiKey).set('content-type', 'application/json').send('{"email":').expect(400);
    expect(json.body.status).toBe('INVALID_PARAMETER');
  });

  it('accepts the user token as Bearer, bare, or in the legacy accessToken header; native tokens too', async () => {
    const user = await createUser(app, world.systemAdminToken);
    const a = await ubLogin(user.username, user.password);
    const b = await ubLogin(user.username, user.password);
    const native = await login(app, user.username, user.password);
    const ok = { status: 'SUCCESS', response: { success: true, redirectUrl: REDIRECT } };
    expect((await http().post(`${UB}/users/logout`).set({ 'X-API-KEY': apiKey, Authorization: `Bearer ${a.token}` }).expect(200)).body).toEqual(ok);
    expect((await http().post(`${UB}/users/logout`).set({ 'X-API-KEY': apiKey, accessToken: b.token }).expect(200)).body).toEqual(ok);
    expect((await http().post(`${UB}/users/logout`).set({ 'X-API-KEY': apiKey, Authorization: native.accessToken }).expect(200)).body).toEqual(ok);
    for (const token of [a.token, b.token, native.accessToken]) expect(await nativeMeStatus(app, token)).toBe(401);
    expect(await nativeMeStatus(app, user.accessToken)).toBe(200);
    const rows = await auditEvents(world, { surface: 'uberall', action: 'session.logout', targetUserId: user.userId });
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ action: 'session.logout', surface: 'uberall', actor: { userId: user.userId }, targetUserId: user.userId, sessionCount: 1, reason: 'uberall logout' });
  });

  it('after an Uberall logout the token is refused everywhere: native, Uberall, ZAP and Rocket.Chat', async () => {
    const user = await createUser(app, world.systemAdminToken);
    const session = await ubLogin(user.username, user.password);
    await http().post(`${UB}/users/logout`).set({ 'X-API-KEY': apiKey, Authorization: session.token }).expect(200);
    expect(await nativeMeStatus(app, session.token)).toBe(401);
    driver.expectUnauthenticated(await driver.logoutUser(world, session, user.userId));
    const zap = await http().get(`/compat/zap/v1/users/logout/${user.userId}`).set(bearer(session.token)).expect(401);
    expect(zap.body).toEqual({ success: false, message: expect.any(String) });
    const rc = await http().get('/compat/rocketchat/api/v1/logout').set({ 'X-Auth-Token': session.token, 'X-User-Id': user.userId }).expect(401);
    expect(rc.body.message).toBe('You must be logged in to do this.');
  });

  it('a user token of another account with this key is refused like a bad token (401 BAD_ACCESS_TOKEN)', async () => {
    const other = await request(app.getHttpServer()).post('/v1/accounts').set(bearer(world.systemAdminToken)).send({ name: 'uberall-other' }).expect(201);
    const foreign = await createUser(app, world.systemAdminToken, { accountId: other.body.id });
    const res = await http().post(`${UB}/users/logout`).set({ 'X-API-KEY': apiKey, Authorization: foreign.accessToken });
    driver.expectUnauthenticated(reply(res));
    expect(await nativeMeStatus(app, foreign.accessToken)).toBe(200);
    // Nor may this key log that user in: same answer as wrong credentials, and no session survives.
    const loginRes = await http().post(`${UB}/users/login`).set('X-API-KEY', apiKey).send({ email: foreign.username, password: foreign.password }).expect(401);
    expect(loginRes.body).toEqual({ status: 'NOT_AUTHORIZED', message: expect.any(String) });
    const sessions = await http().get(`/v1/users/${foreign.userId}/sessions`).set(bearer(world.systemAdminToken)).expect(200);
    // The listing holds live sessions only: the native one createUser opened, no Uberall one.
    expect((sessions.body as { surface: string }[]).map((s) => s.surface)).toEqual(['native']);
    const failed = await request(app.getHttpServer())
      .get(`/v1/audit/events?accountId=${other.body.id}&action=auth.login_failed&surface=uberall`)
      .set(bearer(world.systemAdminToken))
      .expect(200);
    expect(failed.body.items[0]).toMatchObject({ targetUserId: foreign.userId, reason: 'other_account', outcome: 'failure' });
  });

  it('omits redirectUrl when the API key has none', async () => {
    const key = await http().post('/v1/api-keys').set(bearer(world.systemAdminToken)).send({ name: 'no-redirect' }).expect(201);
    const user = await createUser(app, world.systemAdminToken);
    const session = await ubLogin(user.username, user.password, key.body.apiKey);
    const res = await http().post(`${UB}/users/logout`).set({ 'X-API-KEY': key.body.apiKey, Authorization: session.token }).expect(200);
    expect(res.body).toEqual({ status: 'SUCCESS', response: { success: true } });
  });

  it('DELETE /users/{id}/all-sessions on oneself needs no admin permission and reports the count', async () => {
    const user = await createUser(app, world.systemAdminToken);
    const session = await ubLogin(user.username, user.password);
    const res = await http().delete(`${UB}/users/${user.userId}/all-sessions`).set({ 'X-API-KEY': apiKey, Authorization: session.token }).expect(200);
    expect(res.body).toEqual({ status: 'SUCCESS', response: { success: true, revokedCount: 2 } });
    expect(await nativeMeStatus(app, user.accessToken)).toBe(401);
  });

  it('unknown routes under the prefix answer 404 NOT_FOUND in the envelope', async () => {
    const res = await http().get(`${UB}/users/me`).expect(404);
    expect(res.body).toEqual({ status: 'NOT_FOUND', message: expect.any(String) });
  });

  it('throttles repeated logins with 429 QUOTA_LIMIT_EXCEED (audited)', async () => {
    const throttled = await startThrottledApp(dbUrl, 2);
    try {
      const attempt = () => request(throttled.getHttpServer()).post(`${UB}/users/login`).set('X-API-KEY', apiKey).send({ email: 'throttle@example.test', password: 'wrong-password-1' });
      expect((await attempt()).status).toBe(401);
      expect((await attempt()).status).toBe(401);
      const third = await attempt();
      expect(third.status).toBe(429);
      expect(third.body).toEqual({ status: 'QUOTA_LIMIT_EXCEED', message: expect.any(String) });
      expect(third.headers['retry-after']).toBeDefined();
      expect(await countThrottledLogins(dbUrl, 'uberall')).toBe(1);
    } finally {
      await throttled.close();
    }
  });

  describe('login with a private key (an API key created with signInUsers)', () => {
    let signer: { id: string; apiKey: string; privateKey: string };
    let keyAccountId: string;

    beforeAll(async () => {
      keyAccountId = (await http().get('/v1/auth/me').set(bearer(world.systemAdminToken)).expect(200)).body.user.accountId;
      const created = await http().post('/v1/api-keys').set(bearer(world.systemAdminToken)).send({ name: 'uberall-signer', signInUsers: true }).expect(201);
      expect(created.body).toMatchObject({ signsInUsers: true, apiKey: expect.stringMatching(/^sk_/), privateKey: expect.stringMatching(/^spk_/) });
      signer = { id: created.body.id, apiKey: created.body.apiKey, privateKey: created.body.privateKey };
    });

    const signIn = (body: Record<string, unknown>, key = signer.apiKey) => http().post(`${UB}/users/login`).set('X-API-KEY', key).send(body);
    const liveSurfaces = async (userId: string) =>
      ((await http().get(`/v1/users/${userId}/sessions`).set(bearer(world.systemAdminToken)).expect(200)).body as { surface: string }[]).map((s) => s.surface);

    it('is off by default: a key shows signsInUsers false and no private key, now or in the listing', async () => {
      const plain = await http().post('/v1/api-keys').set(bearer(world.systemAdminToken)).send({ name: 'plain' }).expect(201);
      expect(plain.body.signsInUsers).toBe(false);
      expect(plain.body).not.toHaveProperty('privateKey');
      const listed = (await http().get('/v1/api-keys').set(bearer(world.systemAdminToken)).expect(200)).body as Record<string, unknown>[];
      expect(listed.find((k) => k.id === signer.id)).toMatchObject({ signsInUsers: true });
      for (const key of listed) expect(key).not.toHaveProperty('privateKey');
    });

    it('signs in a user of its account by email or by userId, without the password; audited with the key as actor', async () => {
      const user = await createUser(app, world.systemAdminToken);
      const byEmail = await signIn({ email: `${user.username}@example.test`, private_key: signer.privateKey }).expect(200);
      expect(byEmail.body).toEqual({ status: 'SUCCESS', response: { access_token: expect.stringMatching(/^sat_/) } });
      const byId = await signIn({ userId: user.userId, private_key: signer.privateKey }).expect(200);
      for (const token of [byEmail.body.response.access_token, byId.body.response.access_token]) {
        const me = await http().get('/v1/auth/me').set(bearer(token)).expect(200);
        expect({ id: me.body.user.id, surface: me.body.session.surface }).toEqual({ id: user.userId, surface: 'uberall' });
      }
      const rows = await auditEvents(world, { surface: 'uberall', action: 'session.login', targetUserId: user.userId });
      expect(rows).toHaveLength(2);
      for (const row of rows) {
        expect(row).toMatchObject({ outcome: 'success', actor: { userId: null, label: 'api-key:uberall-signer' }, details: { via: 'private_key', actorKind: 'client', credentialId: signer.id } });
      }
    });

    it('under a session limit of 2 with end-oldest, a key\'s sign-ins end the oldest; a revoked key signs in no one and ends nothing', async () => {
      const policy = (body: Record<string, unknown>) => http().put(`/v1/accounts/${keyAccountId}/session-policy`).set(bearer(world.systemAdminToken)).send(body).expect(200);
      const user = await createUser(app, world.systemAdminToken);
      await policy({ maxSessions: 2, atLimit: 'end-oldest' });
      try {
        const tokens: string[] = [];
        for (let i = 0; i < 3; i++) tokens.push((await signIn({ userId: user.userId, private_key: signer.privateKey }).expect(200)).body.response.access_token);
        // createUser's own session and the first key session were the oldest: two are left, the newest.
        expect(await liveSurfaces(user.userId)).toEqual(['uberall', 'uberall']);
        await http().get('/v1/auth/me').set(bearer(tokens[0])).expect(401);
        for (const token of tokens.slice(1)) await http().get('/v1/auth/me').set(bearer(token)).expect(200);
        const ended = await auditEvents(world, { action: 'session.policy_logout', targetUserId: user.userId });
        expect(ended.reduce((n, e) => n + (e.sessionCount as number), 0)).toBe(2);

        const doomed = await http().post('/v1/api-keys').set(bearer(world.systemAdminToken)).send({ name: 'uberall-doomed', signInUsers: true }).expect(201);
        await http().delete(`/v1/api-keys/${doomed.body.id}`).set(bearer(world.systemAdminToken)).expect((res) => expect([200, 204]).toContain(res.status));
        await signIn({ userId: user.userId, private_key: doomed.body.privateKey }, doomed.body.apiKey).expect(401);
        expect(await liveSurfaces(user.userId)).toEqual(['uberall', 'uberall']);
      } finally {
        await policy({});
      }
    });

    it('refuses a wrong private key, and any private key with a key created without one: 401 BAD_PRIVATE_KEY, audited, no session', async () => {
      const user = await createUser(app, world.systemAdminToken);
      const wrong = await signIn({ userId: user.userId, private_key: 'spk_not-the-key' }).expect(401);
      expect(wrong.body).toEqual({ status: 'BAD_PRIVATE_KEY', message: expect.any(String) });
      // A private key belongs to its own API key: the signer's, presented with another key, is refused too.
      const otherKey = await signIn({ userId: user.userId, private_key: signer.privateKey }, apiKey).expect(401);
      expect(otherKey.body.status).toBe('BAD_PRIVATE_KEY');
      expect(await liveSurfaces(user.userId)).toEqual(['native']);
      const failed = await auditEvents(world, { surface: 'uberall', action: 'auth.login_failed', targetUserId: user.userId });
      expect(failed.map((row) => row.reason)).toEqual(['bad_private_key', 'bad_private_key']);
    });

    it('signs in only active users of its own account: others answer 401 NOT_AUTHORIZED and get no session', async () => {
      const other = await http().post('/v1/accounts').set(bearer(world.systemAdminToken)).send({ name: 'uberall-signer-other' }).expect(201);
      const foreign = await createUser(app, world.systemAdminToken, { accountId: other.body.id });
      const disabled = await createUser(app, world.systemAdminToken);
      await http().patch(`/v1/users/${disabled.userId}`).set(bearer(world.systemAdminToken)).send({ status: 'disabled' }).expect(200);
      const unknownId = '00000000-0000-4000-8000-000000000000';
      for (const body of [{ userId: foreign.userId }, { email: foreign.username }, { userId: disabled.userId }, { userId: unknownId }, { email: 'nobody@example.test' }]) {
        const res = await signIn({ ...body, private_key: signer.privateKey }).expect(401);
        expect(res.body).toEqual({ status: 'NOT_AUTHORIZED', message: expect.any(String) });
      }
      expect(await liveSurfaces(foreign.userId)).toEqual(['native']);
      expect(await liveSurfaces(disabled.userId)).toEqual([]);
      // An attempt on another account's user is recorded in that account, as a password login's is.
      const foreignRows = await auditEvents(world, { accountId: other.body.id, surface: 'uberall', action: 'auth.login_failed', targetUserId: foreign.userId });
      expect(foreignRows.map((row) => row.reason)).toEqual(['other_account', 'other_account']);
      expect(foreignRows[0]).toMatchObject({ actor: { label: 'api-key:uberall-signer' }, details: { via: 'private_key', clientAccountId: keyAccountId } });
      const own = await auditEvents(world, { surface: 'uberall', action: 'auth.login_failed', targetUserId: disabled.userId });
      expect(own[0]).toMatchObject({ reason: 'user_disabled', actor: { label: 'api-key:uberall-signer' }, details: { via: 'private_key' } });
      const unknown = (await auditEvents(world, { surface: 'uberall', action: 'auth.login_failed', accountId: keyAccountId })).filter(
        (row) => row.reason === 'unknown_user' && row.details.via === 'private_key',
      );
      expect(unknown.length).toBeGreaterThanOrEqual(2);
    });

    it('lends no more power than its creator has: creating one needs users.manage, and it signs in no one its creator could not be', async () => {
      await http().post('/v1/roles').set(bearer(world.systemAdminToken)).send({ name: 'key-maker', permissions: ['clients.manage'] }).expect(201);
      await http().post('/v1/roles').set(bearer(world.systemAdminToken)).send({ name: 'user-key-maker', permissions: ['clients.manage', 'users.manage'] }).expect(201);
      const clientsOnly = await createUser(app, world.systemAdminToken, { roles: ['key-maker'] });
      const refused = await http().post('/v1/api-keys').set(bearer(clientsOnly.accessToken)).send({ name: 'no', signInUsers: true }).expect(403);
      expect(refused.body.error).toBe('PERMISSION_DENIED');
      await http().post('/v1/api-keys').set(bearer(clientsOnly.accessToken)).send({ name: 'plain-ok' }).expect(201);

      const maker = await createUser(app, world.systemAdminToken, { roles: ['user-key-maker'] });
      const key = (await http().post('/v1/api-keys').set(bearer(maker.accessToken)).send({ name: 'limited', signInUsers: true }).expect(201)).body;
      const plain = await createUser(app, world.systemAdminToken);
      const admin = await createUser(app, world.systemAdminToken, { roles: ['admin'] });
      await signIn({ userId: plain.userId, private_key: key.privateKey }, key.apiKey).expect(200);
      // The admin holds audit.read and more, which the key's creator lacks.
      const tooStrong = await signIn({ userId: admin.userId, private_key: key.privateKey }, key.apiKey).expect(403);
      expect(tooStrong.body).toEqual({ status: 'FORBIDDEN', message: expect.any(String) });
      expect(await liveSurfaces(admin.userId)).toEqual(['native']);
      const denied = await auditEvents(world, { surface: 'uberall', action: 'auth.login_failed', targetUserId: admin.userId });
      expect(denied[0]).toMatchObject({ outcome: 'denied', reason: 'exceeds_key_creator', actor: { label: 'api-key:limited' } });

      // Once its creator is disabled, the key signs in no one.
      await http().patch(`/v1/users/${maker.userId}`).set(bearer(world.systemAdminToken)).send({ status: 'disabled' }).expect(200);
      expect((await signIn({ userId: plain.userId, private_key: key.privateKey }, key.apiKey).expect(403)).body.status).toBe('FORBIDDEN');
    });

    it("a system admin's key signs in any user of its account, as the system admin may act for anyone", async () => {
      // The system admin (accounts.manage) holds every power even without audit.read, which the admin holds.
      await http().post('/v1/roles').set(bearer(world.systemAdminToken)).send({ name: 'sysadmin-key-maker', permissions: ['clients.manage', 'users.manage'] }).expect(201);
      const sysAdmin = await createUser(app, world.systemAdminToken, { roles: ['system-admin', 'sysadmin-key-maker'] });
      const key = (await http().post('/v1/api-keys').set(bearer(sysAdmin.accessToken)).send({ name: 'sysadmin-signer', signInUsers: true }).expect(201)).body;
      const admin = await createUser(app, world.systemAdminToken, { roles: ['admin'] });
      const signedIn = await signIn({ userId: admin.userId, private_key: key.privateKey }, key.apiKey).expect(200);
      expect(signedIn.body.status).toBe('SUCCESS');
      expect(await liveSurfaces(admin.userId)).toEqual(expect.arrayContaining(['native', 'uberall']));

      // Without accounts.manage, the same permissions lend no more than they are.
      const manager = await createUser(app, world.systemAdminToken, { roles: ['sysadmin-key-maker'] });
      const limited = (await http().post('/v1/api-keys').set(bearer(manager.accessToken)).send({ name: 'manager-signer', signInUsers: true }).expect(201)).body;
      expect((await signIn({ userId: admin.userId, private_key: limited.privateKey }, limited.apiKey).expect(403)).body.status).toBe('FORBIDDEN');
    });

    it('revoking the key ends every session its private key signed in, everywhere, as an audited forced logout', async () => {
      const created = (await http().post('/v1/api-keys').set(bearer(world.systemAdminToken)).send({ name: 'short-lived-signer', signInUsers: true }).expect(201)).body;
      const [one, two] = [await createUser(app, world.systemAdminToken), await createUser(app, world.systemAdminToken)];
      const signedIn: string[] = [];
      for (const user of [one, two, one]) {
        signedIn.push((await signIn({ userId: user.userId, private_key: created.privateKey }, created.apiKey).expect(200)).body.response.access_token);
      }
      // A password login through the same key is the user's own: it survives the key.
      const byPassword = await ubLogin(one.username, one.password, created.apiKey);
      for (const token of signedIn) expect(await nativeMeStatus(app, token)).toBe(200); // now cached as valid

      await http().delete(`/v1/api-keys/${created.id}`).set(bearer(world.systemAdminToken)).expect(200);
      for (const token of signedIn) expect(await nativeMeStatus(app, token)).toBe(401);
      const zap = await http().get(`/compat/zap/v1/users/logout/${one.userId}`).set(bearer(signedIn[0])).expect(401);
      expect(zap.body.success).toBe(false);
      expect(await nativeMeStatus(app, byPassword.token)).toBe(200);
      expect(await nativeMeStatus(app, one.accessToken)).toBe(200);

      // One forced logout per user, so each user's own audit trail shows it.
      const forcedOf = async (userId: string) =>
        (await auditEvents(world, { action: 'session.forced_logout', targetUserId: userId })).filter((row) => row.details.apiKeyId === created.id);
      const [forcedOne, forcedTwo] = [await forcedOf(one.userId), await forcedOf(two.userId)];
      expect(forcedOne).toHaveLength(1);
      expect(forcedTwo).toHaveLength(1);
      expect(forcedOne[0]).toMatchObject({ sessionCount: 2, reason: 'API key revoked', details: { scope: 'client' } });
      expect(forcedTwo[0]).toMatchObject({ sessionCount: 1, reason: 'API key revoked', details: { scope: 'client' } });
      const ids = [forcedOne[0], forcedTwo[0]].flatMap((row) => (row as unknown as { sessionIds: string[] }).sessionIds);
      expect(new Set(ids).size).toBe(3);
      // The listings agree: only the password session and the native one remain.
      const surfaces = (userId: string) => liveSurfaces(userId).then((list) => list.sort());
      expect(await surfaces(one.userId)).toEqual(['native', 'uberall']);
      expect(await surfaces(two.userId)).toEqual(['native']);
      // Revoking it again ends nothing more and records no second forced logout.
      await http().delete(`/v1/api-keys/${created.id}`).set(bearer(world.systemAdminToken)).expect(200);
      expect([...(await forcedOf(one.userId)), ...(await forcedOf(two.userId))]).toHaveLength(2);
    });

    it('throttles private-key attempts per API key, recording the throttled attempt against the user named', async () => {
      const user = await createUser(app, world.systemAdminToken);
      // A key of its own: the counters are shared by every instance, and other tests guess with the signer's.
      const own = await http().post('/v1/api-keys').set(bearer(world.systemAdminToken)).send({ name: 'uberall-throttled', signInUsers: true }).expect(201);
      const throttled = await startThrottledApp(dbUrl, 2);
      try {
        const attempt = () =>
          request(throttled.getHttpServer()).post(`${UB}/users/login`).set('X-API-KEY', own.body.apiKey).send({ userId: user.userId, private_key: 'spk_wrong' });
        expect((await attempt()).status).toBe(401);
        expect((await attempt()).status).toBe(401);
        const third = await attempt();
        expect(third.body).toEqual({ status: 'QUOTA_LIMIT_EXCEED', message: expect.any(String) });
        expect(await countThrottledLogins(dbUrl, 'uberall', user.userId)).toBe(1);
        // The user's own password logins are not held up by guesses at a key's private key.
        expect((await request(throttled.getHttpServer()).post(`${UB}/users/login`).set('X-API-KEY', own.body.apiKey).send({ email: `${user.username}@example.test`, password: user.password })).status).toBe(200);
      } finally {
        await throttled.close();
      }
    });

    it('rejects an ambiguous or incomplete body with 400 INVALID_PARAMETER before anything else', async () => {
      const user = await createUser(app, world.systemAdminToken);
      const bodies = [
        { email: user.username, userId: user.userId, private_key: signer.privateKey },
        { userId: user.userId, password: user.password },
        { private_key: signer.privateKey },
        { userId: 'not-a-uuid', private_key: signer.privateKey },
        { email: user.username, private_key: 42 },
        { email: user.username, private_key: null },
        { email: null, password: user.password },
        { email: user.username, password: null },
        { userId: null, private_key: signer.privateKey },
      ];
      for (const body of bodies) {
        const res = await signIn(body).expect(400);
        expect(res.body).toEqual({ status: 'INVALID_PARAMETER', message: expect.any(String), errorCode: 'INVALID_INPUT' });
      }
      expect(await liveSurfaces(user.userId)).toEqual(['native']);
    });
  });

  it("a real logout and its refusals carry only the fields the vendor's page documents", async () => {
    const user = await createUser(app, world.systemAdminToken);
    const session = await ubLogin(user.username, user.password);
    const out = await http().post(`${UB}/users/logout`).set('X-API-KEY', apiKey).set(bearer(session.token)).expect(200);
    expectDocumented(out.body, CONTRACT.responses['200'].fields);
    expect(out.body.response).toEqual({ success: true, redirectUrl: REDIRECT });
    const refusals = [
      await http().post(`${UB}/users/logout`).set('X-API-KEY', apiKey).set(bearer(session.token)),
      await http().delete(`${UB}/users/${world.admin.userId}/all-sessions`).set('X-API-KEY', apiKey).set(bearer(user.accessToken)),
      await http().delete(`${UB}/users/not-a-uuid/all-sessions`).set('X-API-KEY', apiKey).set(bearer(user.accessToken)),
    ];
    expect(refusals.map((res) => res.status)).toEqual([401, 403, 400]);
    for (const res of refusals) expectDocumented(res.body, CONTRACT.responses[String(res.status)].fields);
  });

  it('documents the Uberall routes under the Uberall tag with both credentials', async () => {
    const doc = (await http().get('/docs-json').expect(200)).body as { paths: Record<string, Record<string, { tags: string[]; security: unknown[] }>> };
    const logout = doc.paths[`${UB}/users/logout`].post;
    expect(logout.tags).toContain('Uberall');
    expect(logout.security).toContainEqual({ 'uberall-api-key': [], 'uberall-token': [] });
    expect(doc.paths[`${UB}/users/{id}/all-sessions`].delete.tags).toContain('Uberall');
    expect(doc.paths[`${UB}/users/login`].post.security).toContainEqual({ 'uberall-api-key': [] });
  });
});
