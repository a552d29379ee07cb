import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import request from 'supertest';
import { bearer, closeTestApp, createUser, loginAdmin, openTestApp, type TestApp } from './support/test-app.js';
import { TEST_ADMIN } from './test-env.js';

/** Every secret the service hands out or receives must be absent, in plain text, from the whole database. */
describe('secrets at rest', () => {
  let app: NestFastifyApplication;
  let db: pg.Client;
  let world: TestApp;

  beforeAll(async () => {
    ({ app, db } = world = await openTestApp());
  });
  afterAll(() => closeTestApp(world));

  it('stores no token, password, API key, private key or SigV4 secret in plain text anywhere', async () => {
    const http = () => request(app.getHttpServer());
    const admin = await loginAdmin(app);
    const user = await createUser(app, admin.accessToken);
    const refreshed = await http().post('/v1/auth/refresh').send({ refreshToken: user.refreshToken }).expect(200);
    const key = await http().post('/v1/api-keys').set(bearer(admin.accessToken)).send({ name: 'scan', signInUsers: true }).expect(201);
    const signedIn = await http()
      .post('/compat/uberall/users/login')
      .set('X-API-KEY', key.body.apiKey)
      .send({ userId: user.userId, private_key: key.body.privateKey })
      .expect(200);
    const me = await http().get('/v1/auth/me').set(bearer(admin.accessToken)).expect(200);
    const access = await http().post(`/v1/accounts/${me.body.user.accountId}/access-keys`).set(bearer(admin.accessToken)).expect(201);
    await http().post('/v1/auth/login').send({ username: user.username, password: 'a-wrong-password-typed' }).expect(401);
    await http().post(`/v1/users/${user.userId}/logout`).set(bearer(admin.accessToken)).send({ reason: 'scan' }).expect(200);

    const secrets = [
      admin.accessToken,
      admin.refreshToken,
      user.accessToken,
      user.refreshToken,
      refreshed.body.accessToken,
      refreshed.body.refreshToken,
      key.body.apiKey,
      key.body.privateKey,
      signedIn.body.response.access_token,
      access.body.secretAccessKey,
      TEST_ADMIN.password,
      user.password,
      'a-wrong-password-typed',
    ];
    const { rows: tables } = await db.query<{ name: string }>(
      `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables WHERE schemaname = 'public'`,
    );
    expect(tables.length).toBeGreaterThan(8);
    let scanned = 0;
    for (const { name } of tables) {
      const { rows } = await db.query<{ t: string }>(`SELECT coalesce(string_agg(row_to_json(x)::text, E'\\n'), '') AS t FROM ${name} x`);
      const dump = rows[0].t;
      scanned += dump.length;
      for (const secret of secrets) expect({ table: name, leaked: dump.includes(secret) }).toEqual({ table: name, leaked: false });
    }
    expect(scanned).toBeGreaterThan(1000);
  });
});
