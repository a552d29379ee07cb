import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { sha256 } from '../src/common/crypto.js';
import { createDataSource } from '../src/database/data-source.js';
import { SessionDeviceTokenHash1700000000400 } from '../src/database/migrations/1700000000400-session-device-token-hash.js';
import { bearer, closeTestApp, createTestDatabase, createUser, loginAdmin, openTestApp, type TestApp } from './support/test-app.js';
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

  it('stores no token, password, push token, API key, private key or SigV4 secret in plain text anywhere', async () => {
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
    // Push tokens, bound at login (both surfaces) and presented again to log a device out.
    const nativeDevice = `fcm-native-${randomUUID()}`;
    const zapDevice = `fcm-zap-${randomUUID()}`;
    const onDevice = await http().post('/v1/auth/login').send({ username: user.username, password: user.password, deviceToken: nativeDevice }).expect(200);
    const zap = await http().post('/compat/zap/v1/login').send({ identity: user.username, password: user.password, deviceToken: zapDevice }).expect(200);
    await http().put(`/compat/zap/v1/users/logout/${user.userId}`).set(bearer(zap.body.data.token)).send({ deviceToken: nativeDevice }).expect(200);
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
      onDevice.body.accessToken,
      zap.body.data.token,
      nativeDevice,
      zapDevice,
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

  it('keeps a push token stored in plain text before the migration only as its SHA-256 (and down() restores the schema)', async () => {
    // A database of its own, without an app: its schema goes back to before the migration.
    const ds = await createDataSource(await createTestDatabase(), 1).initialize();
    const runner = ds.createQueryRunner();
    const migration = new SessionDeviceTokenHash1700000000400();
    try {
      await migration.down(runner);
      const device = `fcm-ünïcode-${randomUUID()}`;
      const [{ id: accountId }] = await runner.query(`INSERT INTO accounts (name) VALUES ('before') RETURNING id`);
      const [{ id: userId }] = await runner.query(
        `INSERT INTO users (account_id, username, email, password_hash) VALUES ($1, 'before', 'before@example.test', 'x') RETURNING id`,
        [accountId],
      );
      const session = (token: string, deviceToken: string | null) =>
        runner.query(
          `INSERT INTO sessions (user_id, account_id, token_hash, refresh_hash, surface, device_token, access_expires_at, idle_expires_at, expires_at)
           VALUES ($1, $2, $3, $4, 'zap', $5, now(), now(), now()) RETURNING id`,
          [userId, accountId, sha256(`a-${token}`), sha256(`r-${token}`), deviceToken],
        );
      const [{ id: bound }] = await session('bound', device);
      const [{ id: unbound }] = await session('unbound', null);

      await migration.up(runner);
      const rows: { id: string; device_token_hash: Buffer | null }[] = await runner.query(`SELECT id, device_token_hash FROM sessions WHERE user_id = $1`, [userId]);
      expect(new Map(rows.map((r) => [r.id, r.device_token_hash]))).toEqual(new Map([[bound, sha256(device)], [unbound, null]]));
      const columns: { column_name: string }[] = await runner.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'sessions' AND column_name LIKE 'device_token%'`);
      expect(columns.map((c) => c.column_name)).toEqual(['device_token_hash']);
      const [{ dump }] = await runner.query(`SELECT string_agg(row_to_json(s)::text, E'\\n') AS dump FROM sessions s`);
      expect(dump).not.toContain(device);
    } finally {
      await runner.release();
      await ds.destroy();
    }
  });
});
