import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import request from 'supertest';
import { MAX_LISTED_WATERMARK_SESSION_IDS } from '../src/audit/audit.types.js';
import { REVOKED_BY_ACCOUNT_WATERMARK_SQL, REVOKED_BY_USER_WATERMARK_SQL } from '../src/sessions/session-sql.js';
import { bearer, createTestDatabase, createUser, login, loginAdmin, startApp } from './support/test-app.js';
import { until } from './support/until.js';

/**
 * Forced logout of a user and account-wide logout at several sizes, on two instances: the receipt's
 * `revokedCount` is the live sessions counted row by row by the definition, the audit event says the
 * same, the whole revoked set is found again from the event (it lists only the newest ids), and every
 * revoked token is refused on both instances.
 */
describe('forced and account-wide logout at scale: exact counts, accountable sets, refused everywhere', () => {
  let a: NestFastifyApplication;
  let b: NestFastifyApplication;
  let db: pg.Client;
  let adminToken: string;
  const on = (app: NestFastifyApplication) => request(app.getHttpServer());

  beforeAll(async () => {
    const url = await createTestDatabase();
    a = await startApp(url);
    b = await startApp(url);
    db = new pg.Client({ connectionString: url });
    await db.connect();
    adminToken = (await loginAdmin(a)).accessToken;
    // Two instances to boot on a shared, loaded machine.
  }, 120_000);
  afterAll(async () => {
    await db.end();
    await b.close();
    await a.close();
  });

  /** The live sessions by the definition (session-sql.ts), row by row, of a user or an account. */
  async function liveIds(column: 'user_id' | 'account_id', id: string): Promise<string[]> {
    const { rows } = await db.query(
      `SELECT s.id FROM sessions s JOIN users u ON u.id = s.user_id JOIN accounts a ON a.id = s.account_id
        WHERE s.${column} = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND s.idle_expires_at > now() AND u.status = 'active'
          AND (u.sessions_valid_after IS NULL OR s.created_at > u.sessions_valid_after OR s.id = u.sessions_keep_id)
          AND (a.sessions_valid_after IS NULL OR s.created_at > a.sessions_valid_after OR s.id = a.sessions_keep_id)`,
      [id],
    );
    return rows.map((r) => r.id as string).sort();
  }

  /** Sessions written straight into the table (as the bench seeds them): live, one expired, one revoked. */
  async function bulk(userId: string, count: number): Promise<void> {
    await db.query(
      `INSERT INTO sessions (user_id, account_id, token_hash, refresh_hash, surface, access_expires_at, idle_expires_at, expires_at)
       SELECT $1, (SELECT account_id FROM users WHERE id = $1), sha256(convert_to(gen_random_uuid()::text, 'UTF8')), sha256(convert_to(gen_random_uuid()::text, 'UTF8')),
              'native', now() + interval '1 hour', now() + interval '1 day', now() + interval '2 days' FROM generate_series(1, $2::int)`,
      [userId, count],
    );
  }

  /** Two validations on each instance, so that the second is a cache hit. */
  async function warm(tokens: string[]): Promise<void> {
    for (const app of [a, b]) for (const token of tokens) for (let i = 0; i < 2; i++) await on(app).get('/v1/auth/session').set(bearer(token)).expect(200);
  }

  async function refusedEverywhere(tokens: string[]): Promise<void> {
    for (const app of [a, b]) for (const token of tokens) expect((await on(app).get('/v1/auth/session').set(bearer(token))).status).toBe(401);
  }

  async function auditEvent(id: string): Promise<Record<string, unknown> & { details: Record<string, unknown> }> {
    return (await on(a).get(`/v1/audit/events/${id}`).set(bearer(adminToken)).expect(200)).body;
  }

  it.each([1, 150, 1200])('forced logout of a user with %i bulk sessions (and some dead ones)', async (size) => {
    const user = await createUser(a, adminToken);
    const second = await login(b, user.username, user.password);
    await bulk(user.userId, size);
    // Dead before the logout, so neither counted nor in the set: one ended one by one, one expired.
    const ended = await login(a, user.username, user.password);
    await on(a).delete(`/v1/sessions/${ended.sessionId}`).set(bearer(adminToken)).send({ reason: 'one' }).expect(200);
    const expired = await login(a, user.username, user.password);
    await db.query(`UPDATE sessions SET idle_expires_at = now() WHERE id = $1`, [expired.sessionId]);
    const live = await liveIds('user_id', user.userId);
    expect(live).toHaveLength(size + 2);
    await warm([user.accessToken, second.accessToken]);

    const dry = await on(a).post(`/v1/users/${user.userId}/logout?dryRun=true`).set(bearer(adminToken)).send({ reason: 'scale dry' }).expect(200);
    expect(dry.body.revokedCount).toBe(size + 2);
    const res = await on(a).post(`/v1/users/${user.userId}/logout`).set(bearer(adminToken)).send({ reason: 'scale', ticket: 'SCALE-1' }).expect(200);
    expect(res.body).toMatchObject({ revokedCount: size + 2, sessionIdsTruncated: size + 2 > MAX_LISTED_WATERMARK_SESSION_IDS, dryRun: false });
    expect(res.body.sessionIds).toHaveLength(Math.min(size + 2, MAX_LISTED_WATERMARK_SESSION_IDS));
    expect(live).toEqual(expect.arrayContaining(res.body.sessionIds));
    await refusedEverywhere([user.accessToken, second.accessToken]);

    // The audit event and the receipt agree, and the event finds the whole set again.
    const event = await auditEvent(res.body.auditEventId);
    expect(event).toMatchObject({ action: 'session.forced_logout', targetUserId: user.userId, sessionCount: size + 2, sessionIds: res.body.sessionIds, reason: 'scale', ticket: 'SCALE-1' });
    const set = event.details.revokedSet as { watermark: string; at: string; keep: string | null; before: Record<string, string | null> };
    expect(set.watermark).toBe('user');
    const again = await db.query(REVOKED_BY_USER_WATERMARK_SQL, [user.userId, set.at, set.keep, set.before.userAfter, set.before.userKeep, set.before.accountAfter, set.before.accountKeep]);
    expect(again.rows.map((r) => r.id as string).sort()).toEqual(live);
    // Once the rows are marked, the same query still finds exactly the set; a later logout finds its own.
    await until('rows marked', async () => (await db.query(`SELECT count(*)::int AS n FROM sessions WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now() AND idle_expires_at > now()`, [user.userId])).rows[0].n === 0);
    const marked = await db.query(REVOKED_BY_USER_WATERMARK_SQL, [user.userId, set.at, set.keep, set.before.userAfter, set.before.userKeep, set.before.accountAfter, set.before.accountKeep]);
    expect(marked.rows.map((r) => r.id as string).sort()).toEqual(live);
    const next = await login(a, user.username, user.password);
    const later = await on(a).post(`/v1/users/${user.userId}/logout`).set(bearer(adminToken)).send({ reason: 'scale again' }).expect(200);
    expect(later.body.revokedCount).toBe(1);
    const laterSet = (await auditEvent(later.body.auditEventId)).details.revokedSet as typeof set;
    const laterRows = await db.query(REVOKED_BY_USER_WATERMARK_SQL, [user.userId, laterSet.at, laterSet.keep, laterSet.before.userAfter, laterSet.before.userKeep, laterSet.before.accountAfter, laterSet.before.accountKeep]);
    expect(laterRows.rows.map((r) => r.id)).toEqual([next.sessionId]);
  });

  it.each([
    [3, 0],
    [4, 400],
  ])('account-wide logout of %i users with %i bulk sessions each: the count from the users’ counts is the scan', async (users, perUser) => {
    const account = await on(a).post('/v1/accounts').set(bearer(adminToken)).send({ name: `scale-${users}-${perUser}-${Date.now()}` }).expect(201);
    const accountId = account.body.id as string;
    const boss = await createUser(a, adminToken, { roles: ['admin'], accountId });
    const members = [];
    for (let i = 0; i < users; i++) members.push(await createUser(a, adminToken, { accountId }));
    let tokens: string[] = [];
    for (const m of members) {
      tokens.push(m.accessToken, (await login(b, m.username, m.password)).accessToken);
      await bulk(m.userId, perUser);
    }
    // Dead or stale in every way a count can be: a user logged out everywhere (then a new session), one
    // whose session expired, a disabled user, a session ended one by one.
    await on(a).post(`/v1/users/${members[0].userId}/logout`).set(bearer(adminToken)).send({ reason: 'before' }).expect(200);
    const fresh = await login(a, members[0].username, members[0].password);
    tokens = [...tokens.slice(2), fresh.accessToken];
    const expired = await login(a, members[1].username, members[1].password);
    await db.query(`UPDATE sessions SET expires_at = now() WHERE id = $1`, [expired.sessionId]);
    const disabled = await createUser(a, adminToken, { accountId });
    await bulk(disabled.userId, 5);
    await on(a).patch(`/v1/users/${disabled.userId}`).set(bearer(adminToken)).send({ status: 'disabled' }).expect(200);
    const one = await login(a, members[2].username, members[2].password);
    await on(a).delete(`/v1/sessions/${one.sessionId}`).set(bearer(adminToken)).send({ reason: 'one' }).expect(200);

    const live = await liveIds('account_id', accountId);
    const expected = live.filter((id) => id !== boss.sessionId);
    await warm(tokens);
    const dry = await on(a).post(`/v1/accounts/${accountId}/logout?dryRun=true`).set(bearer(boss.accessToken)).send({ reason: 'drill' }).expect(200);
    expect(dry.body.revokedCount).toBe(expected.length);
    const res = await on(a).post(`/v1/accounts/${accountId}/logout`).set(bearer(boss.accessToken)).send({ reason: 'breach' }).expect(200);
    expect(res.body.revokedCount).toBe(expected.length);
    expect(res.body.sessionIds).toHaveLength(Math.min(expected.length, MAX_LISTED_WATERMARK_SESSION_IDS));
    expect(expected).toEqual(expect.arrayContaining(res.body.sessionIds));
    await refusedEverywhere(tokens);
    await on(b).get('/v1/auth/session').set(bearer(boss.accessToken)).expect(200);

    const event = await auditEvent(res.body.auditEventId);
    expect(event).toMatchObject({ action: 'session.forced_logout', sessionCount: expected.length, sessionIds: res.body.sessionIds, reason: 'breach' });
    const set = event.details.revokedSet as { watermark: string; at: string; keep: string | null; before: Record<string, string | null> };
    expect(set).toMatchObject({ watermark: 'account', keep: boss.sessionId });
    await until('rows marked', async () => (await db.query(`SELECT count(*)::int AS n FROM sessions WHERE account_id = $1 AND revoked_at IS NULL AND created_at <= $2`, [accountId, set.at])).rows[0].n <= 1);
    const again = await db.query(REVOKED_BY_ACCOUNT_WATERMARK_SQL, [accountId, set.at, set.keep, set.before.accountAfter, set.before.accountKeep]);
    expect(again.rows.map((r) => r.id as string).sort()).toEqual(expected);

    // The users' counts are stale now, and are recounted: a second logout counts only what came after.
    await login(a, members[users - 1].username, members[users - 1].password);
    const second = await on(a).post(`/v1/accounts/${accountId}/logout`).set(bearer(boss.accessToken)).send({ reason: 'again' }).expect(200);
    expect(second.body.revokedCount).toBe(1);
  });
});
