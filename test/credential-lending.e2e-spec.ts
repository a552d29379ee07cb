import { ChimeClient, ForbiddenException, GetUserCommand, ListUsersCommand, LogoutUserCommand } from '@aws-sdk/client-chime';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { bearer, createTestDatabase, createUser, loginAdmin, startApp, urlOf } from './support/test-app.js';
import { Credentials, rejection } from './support/chime.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/**
 * No credential lends more power than its creator holds: an access key (Chime), an API key (RFC 7009
 * revocation) and an API key's private key (Uberall sign-in) hold only what their creator held when
 * making them, and lose it the moment their creator does, on every instance.
 */



describe('credentials hold no more than their creator holds', () => {
  let app: NestFastifyApplication;
  let other: NestFastifyApplication;
  let systemAdmin: string;
  let accountId: string;

  const http = (on: NestFastifyApplication = app) => request(on.getHttpServer());
  const chime = (credentials: Credentials, on: NestFastifyApplication = app) =>
    new ChimeClient({ region: 'us-east-1', endpoint: `${urlOf(on)}/compat/chime`, credentials, maxAttempts: 1 });
  const meStatus = async (token: string) => (await http().get('/v1/auth/me').set(bearer(token))).status;
  const setRoles = (userId: string, roles: string[]) => http().put(`/v1/users/${userId}/roles`).set(bearer(systemAdmin)).send({ roles }).expect(200);
  const accessKeyOf = async (token: string) => {
    const res = await http().post(`/v1/accounts/${accountId}/access-keys`).set(bearer(token)).expect(201);
    return { key: { accessKeyId: res.body.accessKeyId, secretAccessKey: res.body.secretAccessKey } as Credentials, permissions: res.body.permissions as string[] };
  };

  beforeAll(async () => {
    const databaseUrl = await createTestDatabase();
    app = await startApp(databaseUrl);
    other = await startApp(databaseUrl);
    systemAdmin = (await loginAdmin(app)).accessToken;
    accountId = (await http().get('/v1/auth/me').set(bearer(systemAdmin)).expect(200)).body.user.accountId;
    await http().post('/v1/roles').set(bearer(systemAdmin)).send({ name: 'key-maker', permissions: ['clients.manage'] }).expect(201);
  });
  afterAll(async () => {
    await app?.close();
    await other?.close();
  });

  describe('access keys (Chime)', () => {
    it('a key made by a user holding only clients.manage can neither list users nor log an admin out', async () => {
      const maker = await createUser(app, systemAdmin, { roles: ['key-maker'] });
      const admin = await createUser(app, systemAdmin, { roles: ['admin'] });
      const { key, permissions } = await accessKeyOf(maker.accessToken);
      expect(permissions).toEqual([]);
      for (const call of [
        chime(key).send(new ListUsersCommand({ AccountId: accountId })),
        chime(key).send(new GetUserCommand({ AccountId: accountId, UserId: admin.userId })),
        chime(key, other).send(new LogoutUserCommand({ AccountId: accountId, UserId: admin.userId })),
      ]) {
        const error = await rejection(call);
        expect(error).toBeInstanceOf(ForbiddenException);
        expect(error.$metadata.httpStatusCode).toBe(403);
      }
      expect(await meStatus(admin.accessToken)).toBe(200);
      // As the native forced logout refuses the same user.
      await http().post(`/v1/users/${admin.userId}/logout`).set(bearer(maker.accessToken)).send({}).expect(403);
    });

    it("an admin's key works, stops the moment its creator loses the permission (on every instance), and again when they are disabled", async () => {
      const keyAdmin = await createUser(app, systemAdmin, { roles: ['admin'] });
      const { key, permissions } = await accessKeyOf(keyAdmin.accessToken);
      expect(permissions).toEqual(['sessions.read-any', 'sessions.revoke-any']);
      const first = await createUser(app, systemAdmin);
      const listed = await chime(key).send(new ListUsersCommand({ AccountId: accountId }));
      expect(listed.Users?.map((u) => u.UserId)).toContain(first.userId);
      await chime(key, other).send(new LogoutUserCommand({ AccountId: accountId, UserId: first.userId }));
      expect(await meStatus(first.accessToken)).toBe(401);

      await setRoles(keyAdmin.userId, ['key-maker']);
      const second = await createUser(app, systemAdmin);
      for (const on of [app, other]) {
        expect(await rejection(chime(key, on).send(new ListUsersCommand({ AccountId: accountId })))).toBeInstanceOf(ForbiddenException);
        expect(await rejection(chime(key, on).send(new LogoutUserCommand({ AccountId: accountId, UserId: second.userId })))).toBeInstanceOf(ForbiddenException);
      }
      expect(await meStatus(second.accessToken)).toBe(200);

      // Given back, within what the key was granted; then the creator is disabled: nothing again.
      await setRoles(keyAdmin.userId, ['admin']);
      await chime(key).send(new GetUserCommand({ AccountId: accountId, UserId: second.userId }));
      await http().patch(`/v1/users/${keyAdmin.userId}`).set(bearer(systemAdmin)).send({ status: 'disabled' }).expect(200);
      expect(await rejection(chime(key, other).send(new LogoutUserCommand({ AccountId: accountId, UserId: second.userId })))).toBeInstanceOf(ForbiddenException);
      expect(await meStatus(second.accessToken)).toBe(200);
    });

    it('a key keeps no more than its creator held when making it, even if the creator gains more later', async () => {
      const maker = await createUser(app, systemAdmin, { roles: ['key-maker'] });
      const { key } = await accessKeyOf(maker.accessToken);
      await setRoles(maker.userId, ['admin']);
      expect(await rejection(chime(key).send(new ListUsersCommand({ AccountId: accountId })))).toBeInstanceOf(ForbiddenException);
      const listed = await http().get(`/v1/accounts/${accountId}/access-keys`).set(bearer(maker.accessToken)).expect(200);
      expect(listed.body.find((k: { accessKeyId: string }) => k.accessKeyId === key.accessKeyId).permissions).toEqual([]);
    });
  });

  describe('API keys (RFC 7009 revocation)', () => {
    const revoke = (apiKey: string, token: string, on: NestFastifyApplication) => http(on).post('/v1/oauth/revoke').set('X-API-Key', apiKey).send({ token });
    const introspect = (apiKey: string, token: string, on: NestFastifyApplication) => http(on).post('/v1/oauth/introspect').set('X-API-Key', apiKey).send({ token });

    it("an admin's key revokes others' tokens until its creator loses sessions.revoke-any or is disabled (cached keys included, on every instance)", async () => {
      const keyAdmin = await createUser(app, systemAdmin, { roles: ['admin'] });
      const created = await http().post('/v1/api-keys').set(bearer(keyAdmin.accessToken)).send({ name: 'revoker' }).expect(201);
      expect(created.body.permissions).toEqual(['sessions.revoke-any']);
      const apiKey = created.body.apiKey as string;
      const first = await createUser(app, systemAdmin);
      await revoke(apiKey, first.accessToken, other).expect(200);
      expect(await meStatus(first.accessToken)).toBe(401);

      // The key is cached on both instances now; the creator's new roles reach both before the answer.
      const second = await createUser(app, systemAdmin);
      await introspect(apiKey, second.accessToken, app).expect(200);
      await setRoles(keyAdmin.userId, ['user']);
      for (const on of [app, other]) {
        const refused = await revoke(apiKey, second.accessToken, on).expect(403);
        expect(refused.body).toMatchObject({ error: 'PERMISSION_DENIED' });
      }
      expect(await meStatus(second.accessToken)).toBe(200);
      // Introspection lends nothing the token's holder lacks (GET /v1/auth/session tells the same): still answered.
      expect((await introspect(apiKey, second.accessToken, other).expect(200)).body).toMatchObject({ active: true, sub: second.userId });

      // Back to admin (the key works again), then disabled while holding no session at all.
      await setRoles(keyAdmin.userId, ['admin']);
      await revoke(apiKey, (await createUser(app, systemAdmin)).accessToken, other).expect(200);
      await http().post('/v1/auth/logout?scope=global').set(bearer(keyAdmin.accessToken)).expect(200);
      await http().patch(`/v1/users/${keyAdmin.userId}`).set(bearer(systemAdmin)).send({ status: 'disabled' }).expect(200);
      await revoke(apiKey, second.accessToken, other).expect(403);
      expect(await meStatus(second.accessToken)).toBe(200);
    });

    it('a key made by a user holding only clients.manage is granted nothing and revokes nothing', async () => {
      const maker = await createUser(app, systemAdmin, { roles: ['key-maker'] });
      const created = await http().post('/v1/api-keys').set(bearer(maker.accessToken)).send({ name: 'powerless' }).expect(201);
      expect(created.body.permissions).toEqual([]);
      const target = await createUser(app, systemAdmin);
      await revoke(created.body.apiKey, target.accessToken, app).expect(403);
      expect(await meStatus(target.accessToken)).toBe(200);
    });
  });

  describe("private-key sign-in (Uberall)", () => {
    it('signs in users only while its creator still holds users.manage', async () => {
      const keyAdmin = await createUser(app, systemAdmin, { roles: ['admin'] });
      const created = await http().post('/v1/api-keys').set(bearer(keyAdmin.accessToken)).send({ name: 'signer', signInUsers: true }).expect(201);
      const plain = await createUser(app, systemAdmin);
      const signIn = () =>
        http(other).post('/compat/uberall/users/login').set('X-API-KEY', created.body.apiKey).send({ userId: plain.userId, private_key: created.body.privateKey });
      await signIn().expect(200);
      // Still holds clients.manage, no longer users.manage: the key may not sign anyone in.
      await setRoles(keyAdmin.userId, ['key-maker']);
      const refused = await signIn().expect(403);
      expect(refused.body).toMatchObject({ status: 'FORBIDDEN' });
    });
  });
});
