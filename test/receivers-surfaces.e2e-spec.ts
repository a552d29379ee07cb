import { ChimeClient, LogoutUserCommand } from '@aws-sdk/client-chime';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { LocalReceiver, Received, verifyWithJwks } from './support/local-receiver.js';
import { bearer, createTestDatabase, createUser, login, startApp, urlOf } from './support/test-app.js';
import { TEST_ADMIN } from './test-env.js';

const ISSUER = 'https://sessions.test';
const SESSION_REVOKED = 'https://schemas.openid.net/secevent/caep/event-type/session-revoked';
const BACKCHANNEL = 'http://schemas.openid.net/event/backchannel-logout';

interface Case {
  surface: string;
  /** Logs the user out through the surface; answers the session ids ended one by one (none: all of the user's). */
  logout: (user: { username: string; password: string; userId: string }) => Promise<string[]>;
  entity: 'user' | 'admin' | 'policy';
  reason: string;
}

/**
 * A revocation through each of the six surfaces (and by policy: refresh-token reuse; and an admin
 * disabling a user) reaches a subscribed SSF stream as exactly one verified session-revoked SET per
 * ended session (or one for the user), and a back-channel client as a verified logout token.
 */
describe('revocations from every surface reach the receivers', () => {
  let app: NestFastifyApplication;
  let adminToken: string;
  let accountId: string;
  let streamId: string;
  const receiver = new LocalReceiver();
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    const dbUrl = await createTestDatabase();
    app = await startApp(dbUrl, { ISSUER_URL: ISSUER, RECEIVERS_ALLOW_INSECURE: 'true', RECEIVERS_ALLOW_PRIVATE: 'true', DELIVERY_POLL_INTERVAL_MS: '50' });
    adminToken = (await login(app, TEST_ADMIN.username, TEST_ADMIN.password)).accessToken;
    accountId = (await http().get('/v1/auth/me').set(bearer(adminToken)).expect(200)).body.user.accountId;
    await receiver.start();
    streamId = (await http().post('/ssf/streams').set(bearer(adminToken)).send({ delivery: { method: 'urn:ietf:rfc:8935', endpoint_url: receiver.url } }).expect(201)).body.stream_id;
    await http().post('/v1/backchannel-receivers').set(bearer(adminToken)).send({ clientId: 'rp-client', backchannelLogoutUri: receiver.backchannelUrl }).expect(201);
  });
  afterAll(async () => {
    await receiver.stop();
    await app?.close();
  });

  const nativeSession = async (username: string, password: string) => (await http().post('/v1/auth/login').send({ username, password }).expect(200)).body.sessionId as string;

  const cases: Case[] = [
    {
      surface: 'native',
      entity: 'user',
      reason: 'session.logout',
      logout: async (u) => {
        const s = await login(app, u.username, u.password);
        await http().post('/v1/auth/logout').set(bearer(s.accessToken)).expect(200);
        return [s.sessionId];
      },
    },
    {
      surface: 'rocketchat',
      entity: 'user',
      reason: 'rocketchat logout',
      logout: async (u) => {
        const res = await http().post('/compat/rocketchat/api/v1/login').send({ user: u.username, password: u.password }).expect(200);
        const me = await http().get('/v1/auth/me').set(bearer(res.body.data.authToken)).expect(200);
        await http().post('/compat/rocketchat/api/v1/logout').set({ 'X-Auth-Token': res.body.data.authToken, 'X-User-Id': res.body.data.userId }).expect(200);
        return [me.body.session.id];
      },
    },
    {
      surface: 'uberall',
      entity: 'user',
      reason: 'uberall logout',
      logout: async (u) => {
        const key = (await http().post('/v1/api-keys').set(bearer(adminToken)).send({ name: `ub-${randomUUID()}`, redirectUrl: 'https://app.example/bye' }).expect(201)).body.apiKey;
        const res = await http().post('/compat/uberall/users/login').set('X-API-KEY', key).send({ email: `${u.username}@example.test`, password: u.password }).expect(200);
        const token = res.body.response.access_token;
        const me = await http().get('/v1/auth/me').set(bearer(token)).expect(200);
        await http().post('/compat/uberall/users/logout').set({ 'X-API-KEY': key, Authorization: token }).expect(200);
        return [me.body.session.id];
      },
    },
    {
      surface: 'zap',
      entity: 'user',
      reason: 'zap logout',
      logout: async (u) => {
        const deviceToken = `fcm-${randomUUID()}`;
        const res = await http().post('/compat/zap/v1/login').send({ identity: u.username, password: u.password, deviceToken }).expect(200);
        const me = await http().get('/v1/auth/me').set(bearer(res.body.data.token)).expect(200);
        await http().put(`/compat/zap/v1/users/logout/${u.userId}`).set(bearer(res.body.data.token)).send({ deviceToken }).expect(200);
        return [me.body.session.id];
      },
    },
    {
      surface: 'ras',
      entity: 'user',
      reason: 'ras logout',
      logout: async (u) => {
        const res = await http().post('/compat/ras/api/Session/logon').send({ username: u.username, password: u.password }).expect(200);
        const me = await http().get('/v1/auth/me').set(bearer(res.body.authToken)).expect(200);
        await http().post('/compat/ras/api/Session/logoff').set('auth_token', res.body.authToken).expect(200);
        return [me.body.session.id];
      },
    },
    {
      surface: 'chime',
      entity: 'admin',
      reason: 'chime logout',
      logout: async (u) => {
        await nativeSession(u.username, u.password);
        const key = (await http().post(`/v1/accounts/${accountId}/access-keys`).set(bearer(adminToken)).expect(201)).body;
        const chime = new ChimeClient({ region: 'us-east-1', endpoint: `${urlOf(app)}/compat/chime`, credentials: { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey }, maxAttempts: 1 });
        await chime.send(new LogoutUserCommand({ AccountId: accountId, UserId: u.userId }));
        return [];
      },
    },
    {
      surface: 'refresh-token reuse',
      entity: 'policy',
      reason: 'a rotated refresh token was presented again',
      logout: async (u) => {
        const s = await login(app, u.username, u.password);
        await http().post('/v1/auth/refresh').send({ refreshToken: s.refreshToken }).expect(200);
        await http().post('/v1/auth/refresh').send({ refreshToken: s.refreshToken }).expect(401);
        return [s.sessionId];
      },
    },
    {
      surface: 'an admin disabling the user',
      entity: 'admin',
      reason: 'user disabled',
      logout: async (u) => {
        await nativeSession(u.username, u.password);
        await http().patch(`/v1/users/${u.userId}`).set(bearer(adminToken)).send({ status: 'disabled' }).expect(200);
        return [];
      },
    },
  ];

  it.each(cases)('$surface: one SET per ended session (or one for the user) and one logout token, verified against the JWKS', async ({ logout, entity, reason }) => {
    const user = await createUser(app, adminToken);
    const before = receiver.accepted().length;
    const ended = await logout(user);
    const expected = 2 * Math.max(ended.length, 1);
    const got = (await receiver.waitFor(before + expected)).slice(before);
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.accepted().length).toBe(before + expected);
    const sets = got.filter((g: Received) => g.contentType === 'application/secevent+jwt');
    const tokens = got.filter((g: Received) => g.contentType === 'application/x-www-form-urlencoded');
    expect(sets).toHaveLength(expected / 2);
    expect(tokens).toHaveLength(expected / 2);
    for (const set of sets) {
      const { payload } = await verifyWithJwks(app, set.token, { issuer: ISSUER, audience: streamId, typ: 'secevent+jwt' });
      const subId = payload.sub_id as Record<string, Record<string, unknown>>;
      expect(subId.user).toEqual({ format: 'iss_sub', iss: ISSUER, sub: user.userId });
      expect(subId.tenant).toEqual({ format: 'opaque', id: accountId });
      if (ended.length) expect(ended).toContain(subId.session.id);
      else expect(subId.session).toBeUndefined();
      expect((payload.events as Record<string, unknown>)[SESSION_REVOKED]).toMatchObject({ initiating_entity: entity, reason_admin: { en: expect.stringContaining(reason) } });
    }
    for (const token of tokens) {
      const { payload } = await verifyWithJwks(app, token.token, { issuer: ISSUER, audience: 'rp-client', typ: 'logout+jwt' });
      expect(payload).toMatchObject({ sub: user.userId, jti: expect.any(String), iat: expect.any(Number), exp: expect.any(Number), events: { [BACKCHANNEL]: {} } });
      if (ended.length) expect(ended).toContain(payload.sid);
      else expect(payload.sid).toBeUndefined();
    }
  });
});
