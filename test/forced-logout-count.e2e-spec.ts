import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import request from 'supertest';
import { MAX_LISTED_WATERMARK_SESSION_IDS } from '../src/audit/audit.types.js';
import { bearer, createTestDatabase, createUser, login, loginAdmin, startApp } from './support/test-app.js';

/**
 * A forced logout's `revokedCount` comes from a maintained per-user count (migration 1700000001600),
 * not from counting the sessions: every way a session is born or dies must keep it exact. Each check
 * compares the answer with the definition of a live session counted row by row.
 */
describe('forced logout counts exactly from the maintained count', () => {
  let app: NestFastifyApplication;
  let db: pg.Client;
  let admin: { accessToken: string; userId: string; sessionId: string };
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    const dbUrl = await createTestDatabase();
    app = await startApp(dbUrl);
    admin = await loginAdmin(app);
    db = new pg.Client({ connectionString: dbUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await app.close();
  });

  /** The live sessions of a user, by the definition (session-sql.ts), counted one by one. */
  async function scanned(userId: string): Promise<number> {
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM sessions s JOIN users u ON u.id = s.user_id JOIN accounts a ON a.id = s.account_id
        WHERE s.user_id = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND s.idle_expires_at > now() AND u.status = 'active'
          AND (u.sessions_valid_after IS NULL OR s.created_at > u.sessions_valid_after OR s.id = u.sessions_keep_id)
          AND (a.sessions_valid_after IS NULL OR s.created_at > a.sessions_valid_after OR s.id = a.sessions_keep_id)`,
      [userId],
    );
    return rows[0].n;
  }

  /** The dry-run count of a forced logout, checked against the scan and the maintained count. */
  async function counted(userId: string, expected: number): Promise<void> {
    const res = await http().post(`/v1/users/${userId}/logout?dryRun=true`).set(bearer(admin.accessToken)).send({ reason: 'count' }).expect(200);
    expect(await scanned(userId)).toBe(expected);
    expect(res.body.revokedCount).toBe(expected);
    expect(res.body.sessionIds).toHaveLength(Math.min(expected, MAX_LISTED_WATERMARK_SESSION_IDS));
    // The reading leaves the maintained count current and equal to the scan.
    const { rows } = await db.query(
      `SELECT u.live_sessions AS n, u.live_epoch IS NOT DISTINCT FROM greatest(u.sessions_valid_after, a.sessions_valid_after) AS current
         FROM users u JOIN accounts a ON a.id = u.account_id WHERE u.id = $1 AND u.status = 'active'`,
      [userId],
    );
    if (rows[0]) expect(rows[0]).toEqual({ n: expected, current: true });
  }

  it('sessions ended one by one (by id, own logout, device), then all, then new ones', async () => {
    const user = await createUser(app, admin.accessToken);
    const more = [];
    for (let i = 0; i < 4; i++) more.push(await login(app, user.username, user.password));
    const device = await login(app, user.username, user.password, { deviceToken: 'push-count-1' });
    await login(app, user.username, user.password, { deviceToken: 'push-count-1' });
    await counted(user.userId, 7);

    await http().delete(`/v1/sessions/${more[0].sessionId}`).set(bearer(admin.accessToken)).send({ reason: 'one' }).expect(200);
    await counted(user.userId, 6);
    // Ending one already ended changes nothing.
    await http().delete(`/v1/sessions/${more[0].sessionId}`).set(bearer(admin.accessToken)).send({ reason: 'again' });
    await counted(user.userId, 6);
    await http().post('/v1/auth/logout?scope=local').set(bearer(more[1].accessToken)).expect(200);
    await counted(user.userId, 5);
    // The device's two sessions, through ZAP's device logout.
    const zap = await http()
      .put(`/compat/zap/v1/users/logout/${user.userId}`)
      .set(bearer(device.accessToken))
      .send({ deviceToken: 'push-count-1' });
    expect(zap.status).toBe(200);
    await counted(user.userId, 3);
    // "Everywhere but here" keeps the caller's session.
    const others = await http().post('/v1/auth/logout?scope=others').set(bearer(more[2].accessToken)).expect(200);
    expect(others.body.revokedCount).toBe(2);
    await counted(user.userId, 1);
    const all = await http().post(`/v1/users/${user.userId}/logout`).set(bearer(admin.accessToken)).send({ reason: 'all' }).expect(200);
    expect(all.body.revokedCount).toBe(1);
    await counted(user.userId, 0);
    await login(app, user.username, user.password);
    await login(app, user.username, user.password);
    await counted(user.userId, 2);
  });

  it('sessions that expire (idle or absolute) leave the count, however many readings follow', async () => {
    const user = await createUser(app, admin.accessToken);
    const s = [];
    for (let i = 0; i < 5; i++) s.push(await login(app, user.username, user.password));
    await counted(user.userId, 6);
    // Expiry is time passing: an expiry moved to this instant is, to every later reader, one that just passed.
    await db.query(`UPDATE sessions SET idle_expires_at = now() WHERE id = $1`, [s[0].sessionId]);
    await db.query(`UPDATE sessions SET expires_at = now() WHERE id = $1`, [s[1].sessionId]);
    await counted(user.userId, 4);
    await counted(user.userId, 4);
    await db.query(`UPDATE sessions SET idle_expires_at = now() WHERE id = $1`, [s[2].sessionId]);
    await counted(user.userId, 3);
    // An expired session is not revoked again, and a revocation of a live one still counts once.
    await http().delete(`/v1/sessions/${s[0].sessionId}`).set(bearer(admin.accessToken)).send({ reason: 'expired' });
    await http().delete(`/v1/sessions/${s[3].sessionId}`).set(bearer(admin.accessToken)).send({ reason: 'live' }).expect(200);
    await counted(user.userId, 2);
    const res = await http().post(`/v1/users/${user.userId}/logout`).set(bearer(admin.accessToken)).send({ reason: 'all' }).expect(200);
    expect(res.body.revokedCount).toBe(2);
    await counted(user.userId, 0);
  });

  it('sessions created and ended concurrently, and sessions inserted in bulk, are all counted', async () => {
    const user = await createUser(app, admin.accessToken);
    const first = await Promise.all(Array.from({ length: 10 }, () => login(app, user.username, user.password)));
    await Promise.all([
      ...Array.from({ length: 10 }, () => http().post('/v1/auth/login').send({ username: user.username, password: user.password }).expect(200)),
      ...first.slice(0, 5).map((t) => http().delete(`/v1/sessions/${t.sessionId}`).set(bearer(admin.accessToken)).send({ reason: 'race' }).expect(200)),
    ]);
    await counted(user.userId, 16);
    // Rows written straight into the table (as the bench seeds them) count too: past the ids a
    // receipt lists, only the maintained count knows how many there are.
    await db.query(
      `INSERT INTO sessions (user_id, account_id, token_hash, refresh_hash, surface, access_expires_at, idle_expires_at, expires_at)
       SELECT $1, (SELECT account_id FROM users WHERE id = $1), sha256(convert_to(gen_random_uuid()::text, 'UTF8')), sha256(convert_to(gen_random_uuid()::text, 'UTF8')),
              'native', now() + interval '1 hour', now() + interval '1 day', now() + interval '2 days' FROM generate_series(1, 1500)`,
      [user.userId],
    );
    await counted(user.userId, 1516);
    await http().delete(`/v1/sessions/${first[7].sessionId}`).set(bearer(admin.accessToken)).send({ reason: 'one more' }).expect(200);
    await db.query(`UPDATE sessions SET idle_expires_at = now() WHERE id IN (SELECT id FROM sessions WHERE user_id = $1 AND revoked_at IS NULL AND surface = 'native' AND ip IS NULL LIMIT 10)`, [user.userId]);
    await counted(user.userId, 1505);
    const res = await http().post(`/v1/users/${user.userId}/logout`).set(bearer(admin.accessToken)).send({ reason: 'all' }).expect(200);
    expect(res.body).toMatchObject({ revokedCount: 1505, sessionIdsTruncated: true });
    expect(res.body.sessionIds).toHaveLength(MAX_LISTED_WATERMARK_SESSION_IDS);
    await counted(user.userId, 0);
  });

  it('after an account-wide logout (and a user disabled and enabled again) the count follows', async () => {
    const account = await http().post('/v1/accounts').set(bearer(admin.accessToken)).send({ name: `count-${Date.now()}` }).expect(201);
    const boss = await createUser(app, admin.accessToken, { roles: ['admin'], accountId: account.body.id });
    const user = await createUser(app, admin.accessToken, { accountId: account.body.id });
    await login(app, user.username, user.password);
    await login(app, boss.username, boss.password);
    await counted(user.userId, 2);
    const wide = await http().post(`/v1/accounts/${account.body.id}/logout`).set(bearer(boss.accessToken)).send({ reason: 'wide' }).expect(200);
    expect(wide.body.revokedCount).toBe(3);
    await counted(user.userId, 0);
    await counted(boss.userId, 1); // the caller's session was kept
    await login(app, user.username, user.password);
    await login(app, boss.username, boss.password);
    await counted(user.userId, 1);
    await counted(boss.userId, 2);
    const others = await http().post('/v1/auth/logout?scope=others').set(bearer(boss.accessToken)).expect(200);
    expect(others.body.revokedCount).toBe(1);
    await counted(boss.userId, 1);

    await http().patch(`/v1/users/${user.userId}`).set(bearer(admin.accessToken)).send({ status: 'disabled' }).expect(200);
    await counted(user.userId, 0);
    await http().patch(`/v1/users/${user.userId}`).set(bearer(admin.accessToken)).send({ status: 'active' }).expect(200);
    await counted(user.userId, 0);
    await login(app, user.username, user.password);
    await counted(user.userId, 1);
  });
});
