import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import request from 'supertest';
import { bearer, createTestDatabase, createUser, login, loginAdmin, startApp } from './support/test-app.js';

describe('forced logout, permissions and tenancy (native /v1)', () => {
  let app: NestFastifyApplication;
  let dbUrl: string;
  let admin: { accessToken: string; userId: string; sessionId: string };
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    dbUrl = await createTestDatabase();
    app = await startApp(dbUrl);
    admin = await loginAdmin(app);
  });
  afterAll(() => app.close());

  it('a forced logout ends every token of the user at once and leaves exactly one audit row', async () => {
    const user = await createUser(app, admin.accessToken);
    const phone = await login(app, user.username, user.password, { deviceName: 'phone' });
    await http().get('/v1/auth/me').set(bearer(phone.accessToken)).expect(200); // cached on this instance

    const res = await http()
      .post(`/v1/users/${user.userId}/logout`)
      .set(bearer(admin.accessToken))
      .send({ reason: 'laptop stolen', ticket: 'SEC-42' })
      .expect(200);
    expect(res.body).toMatchObject({ revokedCount: 2, action: 'session.forced_logout', targetUserId: user.userId, dryRun: false });
    expect(res.body.sessionIds.sort()).toEqual([user.sessionId, phone.sessionId].sort());

    await http().get('/v1/auth/me').set(bearer(user.accessToken)).expect(401);
    await http().get('/v1/auth/me').set(bearer(phone.accessToken)).expect(401);
    expect(Math.abs(Date.parse(res.body.effectiveAt) - Date.now())).toBeLessThan(60_000);
    await http().post('/v1/auth/refresh').send({ refreshToken: phone.refreshToken }).expect(401);

    const events = await http().get(`/v1/audit/events?action=session.forced_logout&targetUserId=${user.userId}`).set(bearer(admin.accessToken)).expect(200);
    expect(events.body.items).toHaveLength(1);
    expect(events.body.items[0]).toMatchObject({
      id: res.body.auditEventId,
      actor: { userId: admin.userId, sessionId: admin.sessionId, label: 'admin' },
      targetUserId: user.userId,
      targetLabel: user.username,
      sessionCount: 2,
      reason: 'laptop stolen',
      ticket: 'SEC-42',
      surface: 'native',
      outcome: 'success',
      ip: expect.any(String),
    });
  });

  it('a user id in upper case names the same user: cached tokens are refused at once, and it is still the caller\'s own logout', async () => {
    const user = await createUser(app, admin.accessToken);
    await http().get('/v1/auth/me').set(bearer(user.accessToken)).expect(200); // cached on this instance
    const forced = await http().post(`/v1/users/${user.userId.toUpperCase()}/logout`).set(bearer(admin.accessToken)).send({ reason: 'case check' }).expect(200);
    expect(forced.body).toMatchObject({ revokedCount: 1, targetUserId: user.userId });
    await http().get('/v1/auth/me').set(bearer(user.accessToken)).expect(401);

    // Without sessions.revoke-any: allowed only because the id is the caller's own, whatever its case.
    const again = await login(app, user.username, user.password);
    const own = await http().post(`/v1/users/${user.userId.toUpperCase()}/logout`).set(bearer(again.accessToken)).send({ reason: 'mine' }).expect(200);
    expect(own.body).toMatchObject({ revokedCount: 1, action: 'session.revoked_all' });
    await http().get('/v1/auth/me').set(bearer(again.accessToken)).expect(401);
  });

  it('counts exactly the sessions validation deems live: watermarks to the microsecond, the kept session, expiry, revocation', async () => {
    const user = await createUser(app, admin.accessToken); // its login session is live
    const db = new pg.Client({ connectionString: dbUrl });
    await db.connect();
    try {
      // Sessions 100 µs apart, all within one millisecond an hour ago, around watermarks set between them.
      const base = (await db.query(`SELECT date_trunc('milliseconds', now() - interval '1 hour')::text AS t`)).rows[0].t as string;
      const { rows } = await db.query(
        `WITH base AS (SELECT $2::timestamptz AS t)
         INSERT INTO sessions (user_id, account_id, token_hash, refresh_hash, surface, access_expires_at, idle_expires_at, expires_at, created_at, revoked_at)
         SELECT $1, (SELECT account_id FROM users WHERE id = $1), sha256(convert_to(gen_random_uuid()::text, 'UTF8')), sha256(convert_to(gen_random_uuid()::text, 'UTF8')),
                'native', now() + interval '1 hour', now() + v.idle, now() + v.expires, base.t + v.at, v.revoked
           FROM base, (VALUES ('g-before-account', interval '20 microseconds', interval '1 day', interval '2 days', NULL::timestamptz),
                              ('a-before-user',    interval '100 microseconds', interval '1 day', interval '2 days', NULL),
                              ('c-kept',           interval '150 microseconds', interval '1 day', interval '2 days', NULL),
                              ('b-after',          interval '300 microseconds', interval '1 day', interval '2 days', NULL),
                              ('d-expired',        interval '400 microseconds', interval '1 day', interval '-1 second', NULL),
                              ('f-idle-expired',   interval '500 microseconds', interval '-1 second', interval '2 days', NULL),
                              ('e-revoked',        interval '600 microseconds', interval '1 day', interval '2 days', now()))
                AS v(name, at, idle, expires, revoked)
         RETURNING id, created_at::text AS at`,
        [user.userId, base],
      );
      // Named by their creation offsets, in the order of the VALUES list.
      const byOffset = rows.sort((x, y) => (x.at < y.at ? -1 : 1)).map((r) => r.id as string);
      const [beforeAccount, , kept, after] = byOffset;
      await db.query(
        `UPDATE users SET sessions_valid_after = $3::timestamptz + interval '200 microseconds', sessions_keep_id = $2 WHERE id = $1`,
        [user.userId, kept, base],
      );
      await db.query(
        `UPDATE accounts SET sessions_valid_after = $2::timestamptz + interval '50 microseconds' WHERE id = (SELECT account_id FROM users WHERE id = $1)`,
        [user.userId, base],
      );
      const live = await db.query(
        `SELECT s.id FROM sessions s JOIN users u ON u.id = s.user_id JOIN accounts a ON a.id = s.account_id
          WHERE s.user_id = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND s.idle_expires_at > now() AND u.status = 'active'
            AND (u.sessions_valid_after IS NULL OR s.created_at > u.sessions_valid_after OR s.id = u.sessions_keep_id)
            AND (a.sessions_valid_after IS NULL OR s.created_at > a.sessions_valid_after OR s.id = a.sessions_keep_id)`,
        [user.userId],
      );
      expect(live.rows.map((r) => r.id).sort()).toEqual([user.sessionId, kept, after].sort());
      expect(live.rows.map((r) => r.id)).not.toContain(beforeAccount);

      const dry = await http().post(`/v1/users/${user.userId}/logout?dryRun=true`).set(bearer(admin.accessToken)).send({ reason: 'count check' }).expect(200);
      expect(dry.body.revokedCount).toBe(3);
      expect(dry.body.sessionIds.sort()).toEqual(live.rows.map((r) => r.id).sort());
      const real = await http().post(`/v1/users/${user.userId}/logout`).set(bearer(admin.accessToken)).send({ reason: 'count check' }).expect(200);
      expect(real.body.revokedCount).toBe(3);
    } finally {
      await db.query(`UPDATE accounts SET sessions_valid_after = NULL WHERE id = (SELECT account_id FROM users WHERE id = $1)`, [user.userId]);
      await db.end();
    }
  });

  it('a forced logout waiting for the user row sees an account-wide logout that committed meanwhile', async () => {
    const account = await http().post('/v1/accounts').set(bearer(admin.accessToken)).send({ name: `waiting-${Date.now()}` }).expect(201);
    const user = await createUser(app, admin.accessToken, { accountId: account.body.id });
    await login(app, user.username, user.password); // two live sessions
    const holder = new pg.Client({ connectionString: dbUrl });
    const other = new pg.Client({ connectionString: dbUrl });
    await Promise.all([holder.connect(), other.connect()]);
    try {
      // A login in flight holds the user row FOR SHARE: the forced logout waits for it.
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM users WHERE id = $1 FOR SHARE', [user.userId]);
      const pending = http().post(`/v1/users/${user.userId}/logout?dryRun=true`).set(bearer(admin.accessToken)).send({ reason: 'race' }).then((r) => r);
      for (let i = 0; i < 100; i++) {
        const waiting = await other.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`);
        if (waiting.rows[0].n > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // Meanwhile an account-wide logout commits: every session of the account is dead.
      await other.query('UPDATE accounts SET sessions_valid_after = clock_timestamp() WHERE id = $1', [account.body.id]);
      await holder.query('COMMIT');
      const res = await pending;
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ revokedCount: 0, sessionIds: [] });
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      await Promise.all([holder.end(), other.end()]);
    }
  });

  it('listings show the first 20 session ids of an event; the event itself lists them all', async () => {
    const user = await createUser(app, admin.accessToken);
    const sessions = await Promise.all(Array.from({ length: 24 }, () => login(app, user.username, user.password)));
    const res = await http().post(`/v1/users/${user.userId}/logout`).set(bearer(admin.accessToken)).send({ reason: 'many devices' }).expect(200);
    expect(res.body.revokedCount).toBe(25);
    const listed = await http().get(`/v1/audit/events?action=session.forced_logout&targetUserId=${user.userId}`).set(bearer(admin.accessToken)).expect(200);
    expect(listed.body.items[0]).toMatchObject({ sessionCount: 25, sessionIdsTruncated: true });
    expect(listed.body.items[0].sessionIds).toHaveLength(20);
    const full = await http().get(`/v1/audit/events/${res.body.auditEventId}`).set(bearer(admin.accessToken)).expect(200);
    expect(full.body).toMatchObject({ id: res.body.auditEventId, sessionCount: 25, sessionIdsTruncated: false, reason: 'many devices' });
    expect([...full.body.sessionIds].sort()).toEqual([user.sessionId, ...sessions.map((s) => s.sessionId)].sort());
    await http().get('/v1/audit/events/not-an-id').set(bearer(admin.accessToken)).expect(400);
    await http().get('/v1/audit/events/999999999').set(bearer(admin.accessToken)).expect(404);
    await http().get(`/v1/audit/events/${res.body.auditEventId}`).set(bearer(user.accessToken)).expect(401);
    const other = await createUser(app, admin.accessToken);
    await http().get(`/v1/audit/events/${res.body.auditEventId}`).set(bearer(other.accessToken)).expect(403);
  });

  it('reports 0 when nothing was live, and a dry run changes nothing but is audited', async () => {
    const user = await createUser(app, admin.accessToken);
    const dry = await http().post(`/v1/users/${user.userId}/logout?dryRun=true`).set(bearer(admin.accessToken)).send({}).expect(200);
    expect(dry.body).toMatchObject({ revokedCount: 1, dryRun: true, sessionIds: [user.sessionId] });
    await http().get('/v1/auth/me').set(bearer(user.accessToken)).expect(200);
    const real = await http().post(`/v1/users/${user.userId}/logout`).set(bearer(admin.accessToken)).send({}).expect(200);
    expect(real.body.revokedCount).toBe(1);
    const again = await http().post(`/v1/users/${user.userId}/logout`).set(bearer(admin.accessToken)).send({}).expect(200);
    expect(again.body.revokedCount).toBe(0);
    const events = await http().get(`/v1/audit/events?targetUserId=${user.userId}&action=session.forced_logout`).set(bearer(admin.accessToken)).expect(200);
    expect(events.body.items.map((e: { dryRun: boolean; sessionCount: number }) => [e.dryRun, e.sessionCount])).toEqual([
      [false, 0],
      [false, 1],
      [true, 1],
    ]);
  });

  it('a user without sessions.revoke-any gets 403, audited, and nothing changes', async () => {
    const victim = await createUser(app, admin.accessToken);
    const mallory = await createUser(app, admin.accessToken);
    const res = await http().post(`/v1/users/${victim.userId}/logout`).set(bearer(mallory.accessToken)).send({}).expect(403);
    expect(res.body.error).toBe('PERMISSION_DENIED');
    await http().delete(`/v1/sessions/${victim.sessionId}`).set(bearer(mallory.accessToken)).expect(403);
    await http().get('/v1/auth/me').set(bearer(victim.accessToken)).expect(200);
    const denied = await http().get(`/v1/audit/events?action=session.forced_logout&outcome=denied&actorUserId=${mallory.userId}`).set(bearer(admin.accessToken)).expect(200);
    expect(denied.body.items.length).toBeGreaterThanOrEqual(2);
    expect(denied.body.items[0]).toMatchObject({ outcome: 'denied', actor: { userId: mallory.userId } });
  });

  it('an account admin cannot reach another account: refused like an unknown id, and audited', async () => {
    const other = await http().post('/v1/accounts').set(bearer(admin.accessToken)).send({ name: `acme-${Date.now()}` }).expect(201);
    const otherAdmin = await createUser(app, admin.accessToken, { roles: ['admin'], accountId: other.body.id });
    const home = await createUser(app, admin.accessToken);

    const cross = await http().post(`/v1/users/${home.userId}/logout`).set(bearer(otherAdmin.accessToken)).send({ reason: 'probe' }).expect(404);
    const unknown = await http().post('/v1/users/00000000-0000-4000-8000-000000000000/logout').set(bearer(otherAdmin.accessToken)).send({}).expect(404);
    expect(cross.body.message).toBe(unknown.body.message);
    await http().delete(`/v1/sessions/${home.sessionId}`).set(bearer(otherAdmin.accessToken)).expect(404);
    await http().get(`/v1/users/${home.userId}/sessions`).set(bearer(otherAdmin.accessToken)).expect(404);
    await http().get('/v1/auth/me').set(bearer(home.accessToken)).expect(200);
    // the other account's admin cannot list accounts or create users elsewhere either
    await http().get('/v1/accounts').set(bearer(otherAdmin.accessToken)).expect(403);

    const denied = await http()
      .get(`/v1/audit/events?action=session.forced_logout&outcome=denied&accountId=${other.body.id}`)
      .set(bearer(admin.accessToken))
      .expect(200);
    expect(denied.body.items.some((e: { reason: string; targetUserId: string }) => e.reason === 'cross_account' && e.targetUserId === home.userId)).toBe(true);
    // The other account's auditors see the id their admin gave, nothing more: no name, no account.
    const seenThere = (await http().get('/v1/audit/events?action=session.forced_logout&outcome=denied').set(bearer(otherAdmin.accessToken)).expect(200)).body.items as Record<string, unknown>[];
    const probe = seenThere.find((e) => e.targetUserId === home.userId);
    expect(probe).toMatchObject({ reason: 'cross_account', targetLabel: null });
    expect(JSON.stringify(seenThere)).not.toContain(home.username);
    const homeAccount = (await http().get('/v1/auth/me').set(bearer(home.accessToken)).expect(200)).body.user.accountId as string;
    expect(JSON.stringify(seenThere)).not.toContain(homeAccount);
  });

  it('an admin can end one session of a user; the user keeps the others', async () => {
    const user = await createUser(app, admin.accessToken);
    const second = await login(app, user.username, user.password);
    const list = await http().get(`/v1/users/${user.userId}/sessions`).set(bearer(admin.accessToken)).expect(200);
    expect(list.body.map((s: { id: string }) => s.id).sort()).toEqual([user.sessionId, second.sessionId].sort());
    expect(list.body[0]).toMatchObject({ number: expect.any(Number), surface: 'native', hasDeviceToken: false });
    const res = await http().delete(`/v1/sessions/${user.sessionId}`).set(bearer(admin.accessToken)).send({ reason: 'suspicious ip' }).expect(200);
    expect(res.body).toMatchObject({ revokedCount: 1, action: 'session.forced_logout' });
    await http().get('/v1/auth/me').set(bearer(user.accessToken)).expect(401);
    await http().get('/v1/auth/me').set(bearer(second.accessToken)).expect(200);
    await http().delete('/v1/sessions/not-a-uuid').set(bearer(admin.accessToken)).expect(400);
    await http().delete('/v1/sessions/00000000-0000-4000-8000-000000000000').set(bearer(admin.accessToken)).expect(404);
  });

  it('concurrent logins and a forced logout of the same user leave a consistent state', async () => {
    const user = await createUser(app, admin.accessToken);
    const attempts = Array.from({ length: 12 }, () =>
      http().post('/v1/auth/login').send({ username: user.username, password: user.password }),
    );
    const [revoke, ...logins] = await Promise.all([
      http().post(`/v1/users/${user.userId}/logout`).set(bearer(admin.accessToken)).send({ reason: 'race' }),
      ...attempts,
    ]);
    expect(revoke.status).toBe(200);
    const tokens = logins.map((r) => {
      expect(r.status).toBe(200);
      return r.body as { accessToken: string; sessionId: string };
    });
    const alive = await Promise.all(tokens.map((t) => http().get('/v1/auth/me').set(bearer(t.accessToken)).then((r) => r.status)));
    const live = await http().get(`/v1/users/${user.userId}/sessions`).set(bearer(admin.accessToken)).expect(200);
    const liveIds = new Set(live.body.map((s: { id: string }) => s.id));
    // Every session is either revoked by the logout (and counted in its receipt) or alive; never both, never neither.
    tokens.forEach((t, i) => {
      const revoked = (revoke.body.sessionIds as string[]).includes(t.sessionId);
      expect(revoked).toBe(!liveIds.has(t.sessionId));
      expect(alive[i]).toBe(revoked ? 401 : 200);
    });
    expect(revoke.body.revokedCount).toBe(13 - liveIds.size);
  });

  it('account-wide logout needs a reason and ends every session but the caller\'s', async () => {
    const account = await http().post('/v1/accounts').set(bearer(admin.accessToken)).send({ name: `wide-${Date.now()}` }).expect(201);
    const boss = await createUser(app, admin.accessToken, { roles: ['admin'], accountId: account.body.id });
    const a = await createUser(app, admin.accessToken, { accountId: account.body.id });
    const b = await createUser(app, admin.accessToken, { accountId: account.body.id });
    await http().post(`/v1/accounts/${account.body.id}/logout`).set(bearer(boss.accessToken)).send({}).expect(400);
    const res = await http().post(`/v1/accounts/${account.body.id}/logout`).set(bearer(boss.accessToken)).send({ reason: 'breach drill' }).expect(200);
    expect(res.body).toMatchObject({ revokedCount: 2, action: 'session.forced_logout' });
    await http().get('/v1/auth/me').set(bearer(a.accessToken)).expect(401);
    await http().get('/v1/auth/me').set(bearer(b.accessToken)).expect(401);
    await http().get('/v1/auth/me').set(bearer(boss.accessToken)).expect(200);
    // new logins after the logout work
    await login(app, a.username, a.password);
    // the revocation is copied onto the session rows (after the answer) for listings and forensics
    const pool = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await pool.connect();
    try {
      for (let i = 0; i < 50; i++) {
        const { rows } = await pool.query('SELECT count(*)::int AS n FROM sessions WHERE id = ANY($1) AND revoked_at IS NOT NULL', [[a.sessionId, b.sessionId]]);
        if (rows[0].n === 2) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      const { rows } = await pool.query('SELECT revoke_reason, revoked_surface FROM sessions WHERE id = ANY($1) AND revoked_at IS NOT NULL', [[a.sessionId, b.sessionId]]);
      expect(rows).toEqual([
        { revoke_reason: 'breach drill', revoked_surface: 'native' },
        { revoke_reason: 'breach drill', revoked_surface: 'native' },
      ]);
    } finally {
      await pool.end();
    }
  });
});
