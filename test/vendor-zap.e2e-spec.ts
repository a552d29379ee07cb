import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes, randomUUID } from 'node:crypto';
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

const ZAP = '/compat/zap/v1';

interface ZapLogoutContract {
  endpoint: { method: string; path: string };
  request: { headers: Record<string, string>; body: { deviceToken: string } };
  response: { status: number; contentType: string; body: { success: boolean; data: string } };
}
/** The vendor page's sample request and answer (test/fixtures/vendor-contracts/zap-users-logout.json). */
const CONTRACT = vendorContract<ZapLogoutContract>('zap-users-logout.json');
const LOGGED_OUT = CONTRACT.response.body;

describe('ZAP dialect (/compat/zap/v1)', () => {
  let app: NestFastifyApplication;
  let world: ScenarioWorld;
  let dbUrl: string;
  /** The push token each ZAP login registered, by access token. */
  const devices = new Map<string, string>();

  beforeAll(async () => {
    dbUrl = await createTestDatabase();
    app = await startApp(dbUrl);
    world = await buildWorld(app);
  });
  afterAll(() => app.close());

  const http = () => request(app.getHttpServer());
  const reply = (res: request.Response): Reply => ({ status: res.status, body: res.body });

  async function zapLogin(identity: string, password: string, deviceToken = `fcm-${randomUUID()}`): Promise<DialectSession> {
    const res = await http().post(`${ZAP}/login`).send({ identity, password, deviceToken });
    if (res.status !== 200) throw new Error(`zap login failed: ${res.status} ${JSON.stringify(res.body)}`);
    devices.set(res.body.data.token, deviceToken);
    return { token: res.body.data.token, userId: res.body.data.data.id };
  }

  const driver: VendorDriver = {
    surface: 'zap',
    login: (_world, username, password) => zapLogin(username, password),
    logoutSelf: async (_world, session) =>
      reply(await http().put(`${ZAP}/users/logout/${session.userId}`).set(bearer(session.token)).send({ deviceToken: devices.get(session.token) ?? 'unknown-device' })),
    logoutUser: async (_world, session, userId) => reply(await http().get(`${ZAP}/users/logout/${userId}`).set(bearer(session.token))),
    logoutBadBody: async (_world, session, userId) =>
      reply(await http().put(`${ZAP}/users/logout/${userId}`).set(bearer(session.token)).send({ deviceToken: devices.get(session.token), platform: 'ios' })),
    expectLoggedOutSelf: (r) => expect(r).toEqual({ status: 200, body: LOGGED_OUT }),
    expectLoggedOutUser: (r) => expect(r).toEqual({ status: 200, body: LOGGED_OUT }),
    expectUnauthenticated: (r) => expect(r).toEqual({ status: 401, body: { success: false, message: expect.any(String) } }),
    expectForbidden: (r) => expect(r).toEqual({ status: 403, body: { success: false, message: expect.any(String) } }),
    expectUnknownUser: (r) => expect(r).toEqual({ status: 404, body: { success: false, message: 'User not found' } }),
    expectBadRequest: (r) => expect(r).toEqual({ status: 400, body: { success: false, message: expect.stringContaining('platform') } }),
  };

  describeVendorScenarios(() => world, driver);

  it('logs in with identity (username or email) and answers in the ZAP shape; the session is zap, bound to the device', async () => {
    const user = await createUser(app, world.systemAdminToken);
    const res = await http().post(`${ZAP}/login`).send({ identity: `${user.username}@example.test`, password: user.password, deviceToken: 'fcm-abc' }).expect(200);
    expect(res.body).toEqual({
      success: true,
      data: {
        success: true,
        data: { _id: user.userId, id: user.userId, username: user.username, email: `${user.username}@example.test`, roles: ['user'] },
        token: expect.stringMatching(/^sat_/),
        refreshToken: expect.any(String),
      },
    });
    const me = await http().get('/v1/auth/me').set(bearer(res.body.data.token)).expect(200);
    expect(me.body.session).toMatchObject({ surface: 'zap', hasDeviceToken: true });
    await http().post(`${ZAP}/login`).send({ identity: user.username, password: user.password }).expect(200);
  });

  it('PUT /v1/users/logout/:id ends only the sessions on that device, unregisters it, and is idempotent', async () => {
    const user = await createUser(app, world.systemAdminToken);
    const phone = await zapLogin(user.username, user.password, 'fcm-phone');
    const phoneAgain = await zapLogin(user.username, user.password, 'fcm-phone');
    const tablet = await zapLogin(user.username, user.password, 'fcm-tablet');
    const res = await http().put(`${ZAP}/users/logout/${user.userId}`).set(bearer(tablet.token)).send({ deviceToken: 'fcm-phone' }).expect(200);
    expect(res.body).toEqual(LOGGED_OUT);
    expect(await nativeMeStatus(app, phone.token)).toBe(401);
    expect(await nativeMeStatus(app, phoneAgain.token)).toBe(401);
    expect(await nativeMeStatus(app, tablet.token)).toBe(200);
    expect(await nativeMeStatus(app, user.accessToken)).toBe(200);
    const [row] = await auditEvents(world, { surface: 'zap', action: 'session.logout', targetUserId: user.userId });
    expect(row).toMatchObject({ action: 'session.logout', surface: 'zap', actor: { userId: user.userId }, targetUserId: user.userId, sessionCount: 2, reason: 'zap logout', details: { scope: 'device' } });
    const again = await http().put(`${ZAP}/users/logout/${user.userId}`).set(bearer(tablet.token)).send({ deviceToken: 'fcm-phone' }).expect(200);
    expect(again.body).toEqual(LOGGED_OUT);
  });

  it("the vendor page's sample request logs that device out with the page's sample answer", async () => {
    const user = await createUser(app, world.systemAdminToken);
    const device = await zapLogin(user.username, user.password, CONTRACT.request.body.deviceToken);
    const res = await http()
      .put(`/compat/zap${CONTRACT.endpoint.path.replace(':id', user.userId)}`)
      .set('Content-Type', CONTRACT.request.headers['Content-Type'])
      .set(bearer(device.token))
      .send(JSON.stringify(CONTRACT.request.body));
    expect(res.status).toBe(CONTRACT.response.status);
    expect(res.headers['content-type']).toBe(CONTRACT.response.contentType);
    expect(res.body).toEqual(CONTRACT.response.body);
    expect(await nativeMeStatus(app, device.token)).toBe(401);
    expect(await nativeMeStatus(app, user.accessToken)).toBe(200);
  });

  it('logs in and out by a push token of any length the DTO allows (4096); a longer one is a ZAP-shaped 400', async () => {
    const user = await createUser(app, world.systemAdminToken);
    // Random, so incompressible: a 2.7 KB token used to overflow the btree index row (a 500).
    const longest = randomBytes(3072).toString('base64');
    const phone = await zapLogin(user.username, user.password, longest);
    const other = await zapLogin(user.username, user.password, `${longest.slice(0, -1)}_`);
    expect(await nativeMeStatus(app, phone.token)).toBe(200);
    await http().put(`${ZAP}/users/logout/${user.userId}`).set(bearer(other.token)).send({ deviceToken: longest }).expect(200, LOGGED_OUT);
    expect(await nativeMeStatus(app, phone.token)).toBe(401);
    expect(await nativeMeStatus(app, other.token)).toBe(200);
    const tooLong = await http().post(`${ZAP}/login`).send({ identity: user.username, password: user.password, deviceToken: `${longest}x` });
    expect(reply(tooLong)).toEqual({ status: 400, body: { success: false, message: expect.stringContaining('deviceToken') } });
    const tooLongOut = await http().put(`${ZAP}/users/logout/${user.userId}`).set(bearer(other.token)).send({ deviceToken: `${longest}x` });
    expect(reply(tooLongOut)).toEqual({ status: 400, body: { success: false, message: expect.stringContaining('deviceToken') } });
    expect(await nativeMeStatus(app, other.token)).toBe(200);
  });

  it('GET /v1/users/logout/:id on oneself ends every session; the token then fails on every surface', async () => {
    const user = await createUser(app, world.systemAdminToken);
    const session = await zapLogin(user.username, user.password);
    expect((await http().get(`${ZAP}/users/logout/${user.userId}`).set(bearer(session.token)).expect(200)).body).toEqual(LOGGED_OUT);
    expect(await nativeMeStatus(app, user.accessToken)).toBe(401);
    expect(await nativeMeStatus(app, session.token)).toBe(401);
    driver.expectUnauthenticated(await driver.logoutSelf(world, session));
    const rc = await http().post('/compat/rocketchat/api/v1/users.logout').set({ 'X-Auth-Token': session.token, 'X-User-Id': user.userId }).send({}).expect(401);
    expect(rc.body.success).toBe(false);
    const [row] = await auditEvents(world, { surface: 'zap', action: 'session.revoked_all', targetUserId: user.userId });
    expect(row).toMatchObject({ surface: 'zap', sessionCount: 2, reason: 'zap logout' });
  });

  it('a native /v1/auth/login token works as the ZAP Bearer token', async () => {
    const user = await createUser(app, world.systemAdminToken);
    const native = await login(app, user.username, user.password, { deviceToken: 'fcm-native' });
    const res = await http().put(`${ZAP}/users/logout/${user.userId}`).set(bearer(native.accessToken)).send({ deviceToken: 'fcm-native' }).expect(200);
    expect(res.body).toEqual(LOGGED_OUT);
    expect(await nativeMeStatus(app, native.accessToken)).toBe(401);
    expect(await nativeMeStatus(app, user.accessToken)).toBe(200);
  });

  it('answers client mistakes in the ZAP shape: no token, bad credentials, bad id, missing deviceToken, bad JSON', async () => {
    const user = await createUser(app, world.systemAdminToken);
    const shape = { success: false, message: expect.any(String) };
    expect(reply(await http().get(`${ZAP}/users/logout/${user.userId}`))).toEqual({ status: 401, body: shape });
    expect(reply(await http().get(`${ZAP}/users/logout/${user.userId}`).set('Authorization', user.accessToken))).toEqual({ status: 401, body: shape });
    const wrong = await http().post(`${ZAP}/login`).send({ identity: user.username, password: 'wrong-password-1' });
    const unknown = await http().post(`${ZAP}/login`).send({ identity: 'nobody-here', password: 'wrong-password-1' });
    expect(reply(wrong)).toEqual({ status: 401, body: shape });
    expect(unknown.body).toEqual(wrong.body);
    const badId = await http().get(`${ZAP}/users/logout/12345`).set(bearer(user.accessToken));
    expect(reply(badId)).toEqual({ status: 400, body: { success: false, message: expect.stringContaining('id') } });
    const noDevice = await http().put(`${ZAP}/users/logout/${user.userId}`).set(bearer(user.accessToken)).send({});
    expect(reply(noDevice)).toEqual({ status: 400, body: { success: false, message: expect.stringContaining('deviceToken') } });
    const badJson = await http().post(`${ZAP}/login`).set('content-type', 'application/json').send('{"identity":');
    expect(reply(badJson)).toEqual({ status: 400, body: shape });
    const extra = await http().post(`${ZAP}/login`).send({ identity: user.username, password: user.password, phone: '+1' });
    expect(reply(extra)).toEqual({ status: 400, body: { success: false, message: expect.stringContaining('phone') } });
    // A NUL character Postgres cannot store: refused before any work, in the ZAP shape.
    const nul = await http().put(`${ZAP}/users/logout/${user.userId}`).set(bearer(user.accessToken)).send({ deviceToken: 'fcm-\u0000' });
    expect(reply(nul)).toEqual({ status: 400, body: { success: false, message: expect.stringContaining('deviceToken') } });
    expect(await nativeMeStatus(app, user.accessToken)).toBe(200);
  });

  it('throttles repeated logins with 429 in the ZAP shape (audited)', async () => {
    const throttled = await startThrottledApp(dbUrl, 2);
    try {
      const attempt = () => request(throttled.getHttpServer()).post(`${ZAP}/login`).send({ identity: 'throttle-me', password: 'wrong-password-1' });
      expect((await attempt()).status).toBe(401);
      expect((await attempt()).status).toBe(401);
      const third = await attempt();
      expect(reply(third)).toEqual({ status: 429, body: { success: false, message: expect.any(String) } });
      expect(await countThrottledLogins(dbUrl, 'zap')).toBe(1);
    } finally {
      await throttled.close();
    }
  });

  it('mounted at the root (COMPAT_ZAP_PREFIX=""), ZAP routes speak ZAP and the native /v1 stays native', async () => {
    const root = await startApp(dbUrl, { COMPAT_ZAP_PREFIX: '' });
    try {
      const server = root.getHttpServer();
      const user = await createUser(root, (await login(root, world.admin.username, world.admin.password)).accessToken);
      const zapLoginRes = await request(server).post('/v1/login').send({ identity: user.username, password: user.password }).expect(200);
      expect(zapLoginRes.body.success).toBe(true);
      expect((await request(server).get(`/V1/Users/Logout/${user.userId}`)).body).toEqual({ success: false, message: expect.any(String) });
      expect((await request(server).post('/v1/login').send({})).body).toEqual({ success: false, message: expect.any(String) });
      const native = await request(server).get('/v1/auth/me').expect(401);
      expect(native.body).toMatchObject({ statusCode: 401, error: 'UNAUTHENTICATED' });
      const nativeUser = await request(server).get('/v1/users/logout').set(bearer(user.accessToken));
      expect(nativeUser.body).toMatchObject({ statusCode: nativeUser.status, requestId: expect.any(String) });
      const out = await request(server).get(`/v1/users/logout/${user.userId}`).set(bearer(zapLoginRes.body.data.token)).expect(200);
      expect(out.body).toEqual(LOGGED_OUT);
    } finally {
      await root.close();
    }
  });

  it('documents the ZAP routes under the ZAP tag with zap-bearer', async () => {
    const doc = (await http().get('/docs-json').expect(200)).body as { paths: Record<string, Record<string, { tags: string[]; security?: unknown[] }>> };
    const put = doc.paths[`${ZAP}/users/logout/{id}`].put;
    expect(put.tags).toContain('ZAP');
    expect(put.security).toContainEqual({ 'zap-bearer': [] });
    expect(doc.paths[`${ZAP}/users/logout/{id}`].get.tags).toContain('ZAP');
    expect(doc.paths[`${ZAP}/login`].post.tags).toContain('ZAP');
  });
});
