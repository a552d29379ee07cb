import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import request from 'supertest';
import { bearer, createTestDatabase, createUser, loginAdmin, startApp } from './support/test-app.js';

/**
 * The login throttle as an outside guesser meets it: two instances on one database, the five login
 * routes, username and email, and the spellings Postgres folds to one name, all counting against the
 * one account being guessed; a per-address limit on top; successful logins never refused by it.
 */

type Surface = 'native' | 'rocketchat' | 'uberall' | 'zap' | 'ras';
const SURFACES: readonly Surface[] = ['native', 'rocketchat', 'uberall', 'zap', 'ras'];

interface Instance {
  app: NestFastifyApplication;
  apiKey: string;
}

/** One login attempt through a surface, naming the user as that surface does. */
function attempt(on: Instance, surface: Surface, name: string, password: string) {
  const http = request(on.app.getHttpServer());
  switch (surface) {
    case 'native':
      return http.post('/v1/auth/login').send(name.includes('@') ? { email: name, password } : { username: name, password });
    case 'rocketchat':
      return http.post('/compat/rocketchat/api/v1/login').send({ user: name, password });
    case 'uberall':
      return http.post('/compat/uberall/users/login').set('X-API-KEY', on.apiKey).send({ email: name, password });
    case 'zap':
      return http.post('/compat/zap/v1/login').send({ identity: name, password });
    case 'ras':
      return http.post('/compat/ras/api/Session/logon').send({ username: name, password });
  }
}

/** A 429 in the surface's own dialect, with Retry-After. */
function expectThrottled(res: request.Response, surface: Surface): void {
  expect({ surface, status: res.status }).toEqual({ surface, status: 429 });
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
  switch (surface) {
    case 'native':
      return expect(res.body).toMatchObject({ statusCode: 429, error: 'TOO_MANY_REQUESTS' });
    case 'rocketchat':
      return expect(res.body).toEqual({ success: false, error: 'Too many requests', errorType: 'error-too-many-requests' });
    case 'uberall':
      return expect(res.body).toEqual({ status: 'QUOTA_LIMIT_EXCEED', message: expect.any(String) });
    case 'zap':
      return expect(res.body).toMatchObject({ success: false, message: expect.any(String) });
    case 'ras':
      return expect(res.body).toMatchObject({ status: 429, title: 'Too Many Requests' });
  }
}

/** Uberall logs in by email only. */
const nameFor = (surface: Surface, username: string, email: string) => (surface === 'uberall' ? email : username);

async function startPair(databaseUrl: string, env: Record<string, string>): Promise<[Instance, Instance]> {
  const apps = [await startApp(databaseUrl, env), await startApp(databaseUrl, env)];
  const admin = await loginAdmin(apps[0]);
  const created = await request(apps[0].getHttpServer()).post('/v1/api-keys').set(bearer(admin.accessToken)).send({ name: 'throttle-test' }).expect(201);
  return [
    { app: apps[0], apiKey: created.body.apiKey },
    { app: apps[1], apiKey: created.body.apiKey },
  ];
}

describe('login throttle: one counter per account, shared by every surface and instance', () => {
  let databaseUrl: string;
  let a: Instance;
  let b: Instance;
  let adminToken: string;
  let db: pg.Client;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    [a, b] = await startPair(databaseUrl, { LOGIN_THROTTLE_LIMIT: '10' });
    adminToken = (await loginAdmin(a.app)).accessToken;
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await a?.app.close();
    await b?.app.close();
  });

  /** A user whose name starts with `i`, so that `İ` (which Postgres folds to `i`) spells it too. */
  const newVictim = () => createUser(a.app, adminToken, { prefix: 'ivictim' });

  it('counts 10 guesses spread over username and email, five routes, two instances and case variants as one; the 11th is refused everywhere', async () => {
    const victim = await newVictim();
    const email = `${victim.username}@example.test`;
    // `İ` + the rest in upper case: Postgres's lower() gives the user's own name.
    const dotted = `İ${victim.username.slice(1).toUpperCase()}`;
    const guesses: [Instance, Surface, string][] = [
      [a, 'native', victim.username],
      [b, 'native', email.toUpperCase()],
      [a, 'rocketchat', dotted],
      [b, 'rocketchat', email],
      [a, 'uberall', `İ${email.slice(1)}`],
      [b, 'uberall', email.toUpperCase()],
      [a, 'zap', dotted],
      [b, 'zap', victim.username.toUpperCase()],
      [a, 'ras', dotted],
      [b, 'ras', email],
    ];
    for (const [on, surface, name] of guesses) {
      const res = await attempt(on, surface, name, 'wrong-password-guess');
      expect({ surface, name, status: res.status }).toEqual({ surface, name, status: 401 });
    }
    // Now even the right password is refused, on every surface of either instance, in its dialect.
    for (const on of [a, b]) {
      for (const surface of SURFACES) expectThrottled(await attempt(on, surface, nameFor(surface, dotted, email), victim.password), surface);
    }
    const { rows } = await db.query(
      `SELECT surface, count(*)::int AS n FROM audit_events WHERE action = 'auth.login_throttled' AND target_user_id = $1 GROUP BY surface ORDER BY surface`,
      [victim.userId],
    );
    expect(rows).toEqual(SURFACES.map((surface) => ({ surface, n: 2 })).sort((x, y) => x.surface.localeCompare(y.surface)));
    // Another account, from the same address, is not held up.
    const other = await newVictim();
    expect((await attempt(b, 'zap', other.username, other.password)).status).toBe(200);
  });

  it('never refuses successful logins, and a success neither uses up nor refills the allowance', async () => {
    const user = await newVictim();
    const email = `${user.username}@example.test`;
    // 20 successes, twice the limit, across instances and surfaces.
    for (let i = 0; i < 20; i++) {
      const surface = SURFACES[i % SURFACES.length];
      const res = await attempt(i % 2 ? a : b, surface, nameFor(surface, user.username, email), user.password);
      expect({ i, surface, status: res.status }).toEqual({ i, surface, status: 200 });
    }
    for (let i = 0; i < 9; i++) expect((await attempt(i % 2 ? a : b, 'native', user.username, 'wrong-password-guess')).status).toBe(401);
    expect((await attempt(a, 'ras', user.username, user.password)).status).toBe(200);
    // The success did not wipe the 9 failures: one more guess is allowed, then nothing is.
    expect((await attempt(b, 'zap', user.username, 'wrong-password-guess')).status).toBe(401);
    expectThrottled(await attempt(a, 'native', user.username, user.password), 'native');
  });

  it('counts concurrent guesses before checking them: of 25 at once, exactly 10 are checked', async () => {
    const victim = await newVictim();
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) => attempt(i % 2 ? a : b, SURFACES[i % SURFACES.length], nameFor(SURFACES[i % SURFACES.length], victim.username, `${victim.username}@example.test`), 'wrong-password-guess')),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
  });

  it('counts a name no user has by its folded spelling, and stores only its hash', async () => {
    const names = ['İNOBODY-AT-ALL', 'inobody-at-all', 'Inobody-At-All'];
    for (let i = 0; i < 10; i++) expect((await attempt(i % 2 ? a : b, SURFACES[i % SURFACES.length], names[i % names.length], 'wrong-password-guess')).status).toBe(401);
    expectThrottled(await attempt(a, 'native', 'inobody-AT-all', 'wrong-password-guess'), 'native');
    const { rows } = await db.query(`SELECT key FROM login_throttle WHERE key LIKE 'name:%'`);
    expect(rows.length).toBeGreaterThan(0);
    for (const { key } of rows) expect(key).toMatch(/^name:[0-9a-f]{64}$/);
  });
});

describe('login throttle: per client address', () => {
  it('refuses an address past LOGIN_THROTTLE_ADDRESS_LIMIT failures, whatever the names, on both instances', async () => {
    const databaseUrl = await createTestDatabase();
    const [c, d] = await startPair(databaseUrl, { LOGIN_THROTTLE_LIMIT: '100', LOGIN_THROTTLE_ADDRESS_LIMIT: '6' });
    try {
      const admin = await loginAdmin(c.app);
      const user = await createUser(c.app, admin.accessToken);
      // Successes are not failures: they use none of the address's allowance.
      for (let i = 0; i < 8; i++) expect((await attempt(i % 2 ? c : d, 'native', user.username, user.password)).status).toBe(200);
      // 6 failures, each on another name (a spray), over both instances and several routes.
      for (let i = 0; i < 6; i++) expect((await attempt(i % 2 ? c : d, SURFACES[i % SURFACES.length], `spray-${i}@example.test`, 'wrong-password-guess')).status).toBe(401);
      for (const surface of SURFACES) expectThrottled(await attempt(d, surface, nameFor(surface, user.username, `${user.username}@example.test`), user.password), surface);
      const events = await request(c.app.getHttpServer()).get(`/v1/audit/events?action=auth.login_throttled&targetUserId=${user.userId}`).set(bearer(admin.accessToken)).expect(200);
      expect(events.body.items.length).toBe(SURFACES.length);
      expect(events.body.items[0].details).toMatchObject({ counter: 'address', limit: 6 });
    } finally {
      await c.app.close();
      await d.app.close();
    }
  });
});
