import request from 'supertest';
import { createDataSource } from '../src/database/data-source.js';
import { CredentialPermissions1700000001410 } from '../src/database/migrations/1700000001410-credential-permissions.js';
import { bearer, createTestDatabase, createUser, loginAdmin, startApp } from './support/test-app.js';

/** Keys made before keys had grants keep, of their kind's set, only what their creator holds when migrating. */
describe('migration 1700000001410 (credential permissions)', () => {
  it("backfills each key from its creator's permissions, and down() removes the column", async () => {
    const url = await createTestDatabase();
    const app = await startApp(url);
    const http = () => request(app.getHttpServer());
    let keys: { admin: string; maker: string; disabled: string };
    try {
      const systemAdmin = (await loginAdmin(app)).accessToken;
      const accountId = (await http().get('/v1/auth/me').set(bearer(systemAdmin)).expect(200)).body.user.accountId as string;
      await http().post('/v1/roles').set(bearer(systemAdmin)).send({ name: 'key-maker', permissions: ['clients.manage'] }).expect(201);
      const admin = await createUser(app, systemAdmin, { roles: ['admin'] });
      const maker = await createUser(app, systemAdmin, { roles: ['key-maker'] });
      const leaver = await createUser(app, systemAdmin, { roles: ['admin'] });
      const accessKey = async (token: string) => (await http().post(`/v1/accounts/${accountId}/access-keys`).set(bearer(token)).expect(201)).body.accessKeyId as string;
      keys = { admin: await accessKey(admin.accessToken), maker: await accessKey(maker.accessToken), disabled: await accessKey(leaver.accessToken) };
      await http().post('/v1/api-keys').set(bearer(admin.accessToken)).send({ name: 'by-admin' }).expect(201);
      await http().post('/v1/api-keys').set(bearer(maker.accessToken)).send({ name: 'by-maker' }).expect(201);
      await http().patch(`/v1/users/${leaver.userId}`).set(bearer(systemAdmin)).send({ status: 'disabled' }).expect(200);
    } finally {
      await app.close();
    }

    const ds = await createDataSource(url, 1).initialize();
    const runner = ds.createQueryRunner();
    try {
      const migration = new CredentialPermissions1700000001410();
      await migration.down(runner);
      const columns = await runner.query(`SELECT table_name FROM information_schema.columns WHERE column_name = 'permissions' AND table_name IN ('api_keys', 'access_keys')`);
      expect(columns).toEqual([]);
      // As every key was before: the kind's whole set, whoever made it.
      await migration.up(runner);
      const access = await runner.query(`SELECT access_key_id AS id, permissions FROM access_keys`);
      const byId = Object.fromEntries(access.map((r: { id: string; permissions: string[] }) => [r.id, r.permissions]));
      expect(byId[keys.admin]).toEqual(['sessions.read-any', 'sessions.revoke-any']);
      expect(byId[keys.maker]).toEqual([]);
      expect(byId[keys.disabled]).toEqual([]);
      const api = await runner.query(`SELECT name, permissions FROM api_keys ORDER BY name`);
      expect(api).toEqual([
        { name: 'by-admin', permissions: ['sessions.revoke-any'] },
        { name: 'by-maker', permissions: [] },
      ]);
    } finally {
      await runner.release();
      await ds.destroy();
    }
  });
});
