import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import request from 'supertest';
import { bearer, closeTestApp, createUser, login, openTestApp, type TestApp, withoutTriggers } from './support/test-app.js';

interface Ev {
  id: string;
  action: string;
  actor: { userId: string | null; label: string | null };
  targetUserId: string | null;
  surface: string;
  outcome: string;
  reason: string | null;
  accountId: string;
  occurredAt: string;
  dryRun: boolean;
}

/** GET /v1/audit/events filters and keyset paging; GET /v1/audit/summary. */
describe('audit list filters, paging and summary', () => {
  let app: NestFastifyApplication;
  let db: pg.Client;
  let systemAdmin: string;
  let accountId: string;
  let admin: Awaited<ReturnType<typeof createUser>>;
  let auditor: Awaited<ReturnType<typeof createUser>>;
  let alice: Awaited<ReturnType<typeof createUser>>;
  let bob: Awaited<ReturnType<typeof createUser>>;

  const http = () => request(app.getHttpServer());
  const list = async (token: string, query: Record<string, string | number>): Promise<Ev[]> =>
    (await http().get('/v1/audit/events').query({ limit: 500, ...query }).set(bearer(token)).expect(200)).body.items;
  let world: TestApp;

  beforeAll(async () => {
    ({ app, db, systemAdmin } = world = await openTestApp());
    accountId = (await http().post('/v1/accounts').set(bearer(systemAdmin)).send({ name: `q-${Date.now()}` }).expect(201)).body.id;
    admin = await createUser(app, systemAdmin, { roles: ['admin'], accountId, prefix: 'qadmin' });
    auditor = await createUser(app, systemAdmin, { roles: ['auditor'], accountId, prefix: 'qaud' });
    alice = await createUser(app, systemAdmin, { roles: ['user'], accountId, prefix: 'alice' });
    bob = await createUser(app, systemAdmin, { roles: ['user'], accountId, prefix: 'bob' });
    const logout = (userId: string, body: object, dry = false) =>
      http().post(`/v1/users/${userId}/logout${dry ? '?dryRun=true' : ''}`).set(bearer(admin.accessToken)).send(body).expect(200);
    // a denied attempt: alice may not log bob out
    await http().post(`/v1/users/${bob.userId}/logout`).set(bearer(alice.accessToken)).send({ reason: 'nope' }).expect(403);
    await logout(alice.userId, { reason: 'Laptop stolen', ticket: 'SEC-1' });
    await logout(bob.userId, { reason: 'left the company' });
    await logout(bob.userId, { reason: 'rehearsal 100%_sure' }, true);
    alice = { ...alice, ...(await login(app, alice.username, alice.password)) };
  });
  afterAll(() => closeTestApp(world));

  it('filters by action set, actor, target, surface, outcome, reason text and range', async () => {
    // Alice's refused attempt is a forced logout too, outcome denied (its reason: why it was refused).
    const forced = await list(auditor.accessToken, { action: 'session.forced_logout' });
    expect(forced.map((e) => e.reason)).toEqual(['rehearsal 100%_sure', 'left the company', 'Laptop stolen', 'missing_permission']);
    expect(await list(auditor.accessToken, { action: 'session.forced_logout', outcome: 'denied' })).toEqual([
      expect.objectContaining({ actor: expect.objectContaining({ userId: alice.userId }), targetUserId: bob.userId, outcome: 'denied' }),
    ]);
    const several = await list(auditor.accessToken, { action: 'session.forced_logout,session.login' });
    expect(new Set(several.map((e) => e.action))).toEqual(new Set(['session.forced_logout', 'session.login']));

    expect((await list(auditor.accessToken, { actorUserId: alice.userId, action: 'session.forced_logout' })).map((e) => e.outcome)).toEqual(['denied']);
    const aboutBob = await list(auditor.accessToken, { targetUserId: bob.userId, action: 'session.forced_logout', outcome: 'success' });
    expect(aboutBob.map((e) => e.reason)).toEqual(['rehearsal 100%_sure', 'left the company']);
    const denied = await list(auditor.accessToken, { outcome: 'denied' });
    expect(denied.length).toBeGreaterThan(0);
    expect(denied.every((e) => e.outcome === 'denied')).toBe(true);
    expect((await list(auditor.accessToken, { surface: 'native', action: 'session.forced_logout' })).length).toBe(4);
    expect(await list(auditor.accessToken, { surface: 'zap' })).toEqual([]);
    // case-insensitive substring; % and _ are literal
    expect((await list(auditor.accessToken, { reason: 'laptop' })).map((e) => e.reason)).toEqual(['Laptop stolen']);
    expect((await list(auditor.accessToken, { reason: '100%_' })).map((e) => e.reason)).toEqual(['rehearsal 100%_sure']);
    expect(await list(auditor.accessToken, { reason: 'l%d' })).toEqual([]);

    const all = await list(auditor.accessToken, { action: 'session.forced_logout' });
    const middle = all[1].occurredAt;
    const from = await list(auditor.accessToken, { action: 'session.forced_logout', from: middle });
    expect(from.every((e) => e.occurredAt >= middle)).toBe(true);
    expect(from.length).toBeGreaterThanOrEqual(2);
    const to = await list(auditor.accessToken, { action: 'session.forced_logout', to: middle });
    expect(to.every((e) => e.occurredAt < middle)).toBe(true);
    expect(from.length + to.length).toBe(4);

    // People by name: username or email, exact and case-insensitive, within the account read.
    const byId = await list(auditor.accessToken, { targetUserId: bob.userId });
    expect(await list(auditor.accessToken, { targetName: bob.username.toUpperCase() })).toEqual(byId);
    expect(await list(auditor.accessToken, { targetName: `${bob.username}@EXAMPLE.test` })).toEqual(byId);
    expect(await list(auditor.accessToken, { actorName: alice.username })).toEqual(await list(auditor.accessToken, { actorUserId: alice.userId }));
    expect(await list(auditor.accessToken, { targetName: bob.username.slice(0, 3) })).toEqual([]); // not a prefix search
    expect(await list(auditor.accessToken, { targetName: 'admin' })).toEqual([]); // the default account's admin: another account
    const named = (await http().get('/v1/audit/summary').query({ targetName: bob.username }).set(bearer(auditor.accessToken)).expect(200)).body;
    expect(named.total).toBe(byId.length);
    await http().get('/v1/audit/events').query({ targetName: '' }).set(bearer(auditor.accessToken)).expect(400);
    await http().get('/v1/audit/events?action=nope').set(bearer(auditor.accessToken)).expect(400);
    await http().get('/v1/audit/events?actorUserId=x').set(bearer(auditor.accessToken)).expect(400);
    await http().get('/v1/audit/events?cursor=garbage').set(bearer(auditor.accessToken)).expect(400);
  });

  const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const refused = async (path: string, query: Record<string, string>) => {
    const res = await http().get(path).query(query).set(bearer(auditor.accessToken));
    const body = expect.objectContaining({ statusCode: 400, error: 'VALIDATION_FAILED', requestId: expect.any(String) });
    expect({ path, query, status: res.status, body: res.body }).toEqual({ path, query, status: 400, body });
  };

  it('answers a from/to Postgres cannot store with 400 VALIDATION_FAILED (never 500); the years 0001-9999 are taken', async () => {
    // Outside Postgres' range (22008, 22009), and the years outside 0001-9999 the API does not take.
    for (const instant of ['-005000-01-01T00:00:00Z', '+275760-09-13T00:00:00Z', '0000-12-31T00:00:00Z', '+010000-01-01T00:00:00Z']) {
      for (const path of ['/v1/audit/events', '/v1/audit/summary', '/v1/audit/verify']) {
        await refused(path, { from: instant });
        await refused(path, { to: instant });
      }
    }
    const edges = { from: '0001-01-01T00:00:00Z', to: '9999-12-31T23:59:59.999Z' };
    expect((await http().get('/v1/audit/events').query(edges).set(bearer(auditor.accessToken)).expect(200)).body.items.length).toBeGreaterThan(0);
    expect((await http().get('/v1/audit/verify').query(edges).set(bearer(auditor.accessToken)).expect(200)).body.ok).toBe(true);
    await http().get('/v1/audit/summary').query({ to: '0001-01-02T00:00:00Z' }).set(bearer(auditor.accessToken)).expect(200);
  });

  it('answers a cursor that is not one the service rendered with 400 VALIDATION_FAILED (never 500)', async () => {
    // A cursor is what the service rendered: microseconds, UTC, a real calendar date in the years 0001-9999.
    for (const at of ['+275760-09-13T00:00:00Z', '-005000-01-01T00:00:00.000000Z', '0000-01-01T00:00:00.000000Z', '2026-02-30T10:00:00.000000Z', '2026-01-05T10:00:00.123456+14:00']) {
      await refused('/v1/audit/events', { cursor: cursorOf([at, '1']) });
    }
    await refused('/v1/audit/events', { cursor: cursorOf(['2026-01-05T10:00:00.123456Z', '-1']) });
    await refused('/v1/audit/events', { cursor: cursorOf({ at: '2026-01-05T10:00:00.123456Z', id: '1' }) });
    const last = await http()
      .get('/v1/audit/events')
      .query({ cursor: cursorOf(['9999-12-31T23:59:59.999999Z', '9223372036854775807']) })
      .set(bearer(auditor.accessToken))
      .expect(200);
    expect(last.body.items.length).toBeGreaterThan(0);
  });

  it('stays inside the account: account filter for the system admin, 404 for anyone else', async () => {
    const mine = await list(auditor.accessToken, {});
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((e) => e.accountId === accountId)).toBe(true);
    const viaSystem = await list(systemAdmin, { accountId, action: 'session.forced_logout' });
    expect(viaSystem).toHaveLength(4);
    const { rows } = await db.query(`SELECT id FROM accounts WHERE is_default`);
    await http().get('/v1/audit/events').query({ accountId: rows[0].id }).set(bearer(auditor.accessToken)).expect(404);
    await http().get('/v1/audit/events').set(bearer(alice.accessToken)).expect(403);
  });

  it('lists and summarises the events of no account for the system admin (accountId=none), 403 for anyone else', async () => {
    const ghost = `ghost${Date.now().toString(36)}`;
    await http().post('/v1/auth/login').send({ username: ghost, password: 'no-such-user-password' }).expect(401);
    const { rows } = await db.query(`SELECT e.id::text AS id FROM audit_events e WHERE account_id IS NULL ORDER BY e.occurred_at DESC, e.id DESC`);
    expect(rows.length).toBeGreaterThan(0);
    const none = await list(systemAdmin, { accountId: 'none' });
    expect(none.map((e) => e.id)).toEqual(rows.map((r) => r.id));
    expect(none[0]).toMatchObject({ action: 'auth.login_failed', accountId: null, reason: 'unknown_user', outcome: 'failure' });
    // the other filters still apply
    expect(await list(systemAdmin, { accountId: 'none', action: 'session.forced_logout' })).toEqual([]);
    const sys = await http().get('/v1/audit/summary').query({ accountId: 'none', action: 'session.forced_logout' }).set(bearer(systemAdmin)).expect(200);
    expect(sys.body).toMatchObject({ perActor: [], perSurface: [] });

    // Not the system admin: refused, and nothing of the account-less trail is shown.
    for (const token of [auditor.accessToken, admin.accessToken]) {
      for (const path of ['/v1/audit/events', '/v1/audit/summary']) {
        const res = await http().get(path).query({ accountId: 'none' }).set(bearer(token)).expect(403);
        expect(res.body).toMatchObject({ error: 'PERMISSION_DENIED', message: expect.stringContaining('accounts.manage') });
      }
    }
    await http().get('/v1/audit/events').query({ accountId: 'none' }).set(bearer(alice.accessToken)).expect(403);
    for (const accountId of ['None', 'null', '', 'none,none']) {
      const bad = await http().get('/v1/audit/events').query({ accountId }).set(bearer(systemAdmin)).expect(400);
      expect(bad.body.error).toBe('VALIDATION_FAILED');
    }
  });

  it('pages by keyset without duplicates or gaps, even when hundreds of events share one instant', async () => {
    await withoutTriggers(
      db,
      `INSERT INTO audit_events (occurred_at, action, account_id, surface, reason)
       SELECT timestamptz '2026-01-05 10:00:00.123456+00' + CASE WHEN g <= 300 THEN interval '0' ELSE interval '1 microsecond' END,
              'user.updated', $1, 'native', 'burst ' || g FROM generate_series(1, 340) g`,
      [accountId],
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: request.Response = await http()
        .get('/v1/audit/events')
        .query({ action: 'user.updated', limit: 7, ...(cursor ? { cursor } : {}) })
        .set(bearer(auditor.accessToken))
        .expect(200);
      seen.push(...res.body.items.map((e: Ev) => e.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    const { rows } = await db.query(
      `SELECT e.id::text AS id FROM audit_events e WHERE account_id = $1 AND action = 'user.updated' ORDER BY e.occurred_at DESC, e.id DESC`,
      [accountId],
    );
    expect(seen).toEqual(rows.map((r) => r.id));
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(Math.ceil(rows.length / 7));

    // Back again with each page's prevCursor (as `before`): the same pages in reverse, each with the total and the page size.
    const page = async (query: Record<string, string | number>) =>
      (await http().get('/v1/audit/events').query({ action: 'user.updated', limit: 7, ...query }).set(bearer(auditor.accessToken)).expect(200)).body;
    const first = await page({});
    expect(first).toMatchObject({ prevCursor: null, limit: 7, total: rows.length, totalExact: true });
    const second = await page({ cursor: first.nextCursor });
    expect(second.total).toBe(rows.length);
    const third = await page({ cursor: second.nextCursor });
    const backToSecond = await page({ before: third.prevCursor });
    expect(backToSecond.items.map((e: Ev) => e.id)).toEqual(second.items.map((e: Ev) => e.id));
    expect(backToSecond.nextCursor).toBe(second.nextCursor);
    const backToFirst = await page({ before: backToSecond.prevCursor });
    expect(backToFirst.items.map((e: Ev) => e.id)).toEqual(first.items.map((e: Ev) => e.id));
    expect(backToFirst.prevCursor).toBeNull();
    await http().get('/v1/audit/events').query({ cursor: first.nextCursor, before: third.prevCursor }).set(bearer(auditor.accessToken)).expect(400);
    await http().get('/v1/audit/events').query({ before: 'garbage' }).set(bearer(auditor.accessToken)).expect(400);
  });

  it('summarises the events the list\'s filters match per UTC day with zero days, per actor and per surface, dry runs counted and labelled', async () => {
    const to = new Date(Date.now() + 60_000);
    const from = new Date(to.getTime() - 7 * 86_400_000);
    const forced = { action: 'session.forced_logout', outcome: 'success' };
    const res = await http().get('/v1/audit/summary').query({ ...forced, from: from.toISOString(), to: to.toISOString() }).set(bearer(auditor.accessToken)).expect(200);
    expect(res.body.from).toBe(from.toISOString());
    expect(res.body.perDay).toHaveLength(8); // a range of 7 × 24 h not starting at midnight touches 8 UTC days
    expect(res.body.perDay[0].day).toBe(from.toISOString().slice(0, 10));
    // two forced logouts and one dry run
    expect(res.body.perDay.at(-1)).toEqual({ day: new Date().toISOString().slice(0, 10), count: 3, dryRuns: 1 });
    expect(res.body.perDay.slice(0, -1).every((d: { count: number }) => d.count === 0)).toBe(true);
    expect(res.body.perActor).toEqual([{ actorUserId: admin.userId, actorLabel: admin.username, count: 3, dryRuns: 1 }]);
    expect(res.body.perSurface).toEqual([{ surface: 'native', count: 3, dryRuns: 1 }]);
    expect(res.body).toMatchObject({ total: 3, dryRuns: 1 });

    // Every filter the list takes narrows the summary alike: the list's count is the summary's total.
    for (const filter of [{ reason: 'no-such-reason' }, { reason: 'laptop' }, { outcome: 'denied' }, { targetUserId: bob.userId }, { actorUserId: alice.userId }, { surface: 'zap' }] as Record<string, string>[]) {
      const query = { action: 'session.forced_logout', ...filter };
      const summary = (await http().get('/v1/audit/summary').query(query).set(bearer(auditor.accessToken)).expect(200)).body;
      const listed = await list(auditor.accessToken, query);
      expect({ filter, total: summary.total, perSurface: summary.perSurface.reduce((n: number, r: { count: number }) => n + r.count, 0) }).toEqual({
        filter,
        total: listed.length,
        perSurface: listed.length,
      });
    }

    const dflt = await http().get('/v1/audit/summary').query({ action: 'session.forced_logout' }).set(bearer(auditor.accessToken)).expect(200);
    expect(dflt.body.perDay.length).toBeGreaterThanOrEqual(30);
    expect(dflt.body.perDay.reduce((n: number, d: { count: number }) => n + d.count, 0)).toBe(4);

    await http().get('/v1/audit/summary').query({ from: to.toISOString(), to: from.toISOString() }).set(bearer(auditor.accessToken)).expect(400);
    await http().get('/v1/audit/summary').query({ from: '2020-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }).set(bearer(auditor.accessToken)).expect(400);
    await http().get('/v1/audit/summary').query({ from: 'yesterday' }).set(bearer(auditor.accessToken)).expect(400);
    await http().get('/v1/audit/summary').set(bearer(alice.accessToken)).expect(403);
    const { rows } = await db.query(`SELECT id FROM accounts WHERE is_default`);
    await http().get('/v1/audit/summary').query({ accountId: rows[0].id }).set(bearer(auditor.accessToken)).expect(404);
    const sys = await http().get('/v1/audit/summary').query({ accountId }).set(bearer(systemAdmin)).expect(200);
    expect(sys.body.perSurface).toContainEqual(expect.objectContaining({ surface: 'native' }));
  });

  it('counts a page\'s total up to 10,000, and up to 1,000 with a reason text filter (read row by row), saying when it stopped', async () => {
    const bulk = (await http().post('/v1/accounts').set(bearer(systemAdmin)).send({ name: `q-bulk-${Date.now()}` }).expect(201)).body.id;
    await db.query(
      `INSERT INTO audit_events (action, outcome, account_id, session_ids, session_count, surface, request_id, reason, dry_run, details)
       SELECT 'session.forced_logout', 'success', $1, '{}', 0, 'native', 'bulk-' || g, 'bulk cleanup ' || g, false, '{}'::jsonb FROM generate_series(1, 1001) g`,
      [bulk],
    );
    const page = async (query: Record<string, string>) => (await http().get('/v1/audit/events').query({ accountId: bulk, limit: 5, ...query }).set(bearer(systemAdmin)).expect(200)).body;
    expect(await page({ action: 'session.forced_logout' })).toMatchObject({ total: 1001, totalExact: true });
    const byText = await page({ reason: 'cleanup' });
    expect(byText).toMatchObject({ total: 1000, totalExact: false });
    expect(byText.items).toHaveLength(5);
    expect(await page({ reason: 'cleanup 100' })).toMatchObject({ total: 3, totalExact: true }); // 100, 1000, 1001
  });
});
