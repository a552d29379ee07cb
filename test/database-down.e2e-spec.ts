import { ChimeClient, LogoutUserCommand, ServiceFailureException, ServiceUnavailableException } from '@aws-sdk/client-chime';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import request from 'supertest';
import { bearer, createTestDatabase, createUser, loginAdmin, startApp, urlOf } from './support/test-app.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = '1';

/**
 * With the database gone, every surface answers 503 in its own dialect (never a 500 or Nest's body),
 * and the service recovers when the database is back.
 */
describe('database down', () => {
  let app: NestFastifyApplication;
  let admin: pg.Client;
  let dbName: string;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    const url = await createTestDatabase();
    dbName = new URL(url).pathname.slice(1);
    app = await startApp(url);
    admin = new pg.Client({ connectionString: process.env.SST_SERVER_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.query(`ALTER DATABASE ${dbName} WITH ALLOW_CONNECTIONS true`).catch(() => undefined);
    await admin.end();
    await app.close();
  });

  it('answers 503 in every dialect while the database is unreachable, then recovers', async () => {
    const root = await loginAdmin(app);
    const user = await createUser(app, root.accessToken);
    const me = await http().get('/v1/auth/me').set(bearer(root.accessToken)).expect(200);
    const key = await http().post(`/v1/accounts/${me.body.user.accountId}/access-keys`).set(bearer(root.accessToken)).expect(201);
    const apiKey = (await http().post('/v1/api-keys').set(bearer(root.accessToken)).send({ name: 'down' }).expect(201)).body.apiKey as string;

    await admin.query(`ALTER DATABASE ${dbName} WITH ALLOW_CONNECTIONS false`);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [dbName]);

    const native = await http().post(`/v1/users/${user.userId}/logout`).set(bearer(root.accessToken)).send({ reason: 'down' });
    expect(native.status).toBe(503);
    expect(native.body).toMatchObject({ statusCode: 503, error: 'SERVICE_UNAVAILABLE' });
    await http().get('/health/ready').expect(503);

    const rc = await http().post('/compat/rocketchat/api/v1/users.logout').set({ 'X-Auth-Token': user.accessToken, 'X-User-Id': user.userId }).send({});
    expect(rc.status).toBe(503);
    expect(rc.body).toMatchObject({ success: false, error: expect.any(String) });

    const ub = await http().post('/compat/uberall/users/logout').set({ 'X-API-KEY': apiKey, Authorization: user.accessToken });
    expect(ub.status).toBe(503);
    expect(ub.body).toMatchObject({ status: expect.any(String) });

    const zap = await http().get(`/compat/zap/v1/users/logout/${user.userId}`).set(bearer(user.accessToken));
    expect(zap.status).toBe(503);
    expect(zap.body).toMatchObject({ success: false, message: expect.any(String) });

    const ras = await http().post('/compat/ras/api/Session/logoff').set('auth_token', user.accessToken);
    expect(ras.status).toBe(503);
    expect(ras.headers['content-type']).toMatch(/^application\/json; api-version=1\.0/);
    expect(ras.body).toMatchObject({ status: 503, title: expect.any(String) });

    const chime = new ChimeClient({
      region: 'us-east-1',
      endpoint: `${urlOf(app)}/compat/chime`,
      credentials: { accessKeyId: key.body.accessKeyId, secretAccessKey: key.body.secretAccessKey },
      maxAttempts: 1,
    });
    const failure = await chime.send(new LogoutUserCommand({ AccountId: me.body.user.accountId, UserId: user.userId })).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ServiceUnavailableException);
    expect(failure).not.toBeInstanceOf(ServiceFailureException);

    await admin.query(`ALTER DATABASE ${dbName} WITH ALLOW_CONNECTIONS true`);
    let ready = 0;
    for (let i = 0; i < 50 && ready !== 200; i++) {
      ready = (await http().get('/health/ready')).status;
      if (ready !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(ready).toBe(200);
    const after = await http().post(`/v1/users/${user.userId}/logout`).set(bearer(root.accessToken)).send({ reason: 'back' }).expect(200);
    expect(after.body.revokedCount).toBe(1);
  });
});
