import request from 'supertest';
import { bearer, closeTestApp, createUser, openTestApp, TestApp, urlOf } from './support/test-app.js';
import { expectErrorShape, SurfaceName } from './support/error-shapes.js';
import { exchange, rawRequest } from './support/raw-http.js';

interface Surface {
  name: SurfaceName;
  /** A route of the surface that takes a JSON body. */
  post: string;
  /** Any path of the surface. */
  get: string;
  /** Its status for headers over Node's 16 KB, and for a body over the 64 KB limit (400 where the vendor has neither). */
  headersTooLarge: number;
  bodyTooLarge: number;
  /** Its login body's name field, when it has a login. */
  loginName?: string;
}

const SURFACES: Surface[] = [
  { name: 'native', post: '/v1/auth/login', get: '/v1/auth/session', headersTooLarge: 431, bodyTooLarge: 413, loginName: 'username' },
  { name: 'rocketchat', post: '/compat/rocketchat/api/v1/login', get: '/compat/rocketchat/api/v1/logout', headersTooLarge: 431, bodyTooLarge: 413, loginName: 'user' },
  { name: 'uberall', post: '/compat/uberall/users/login', get: '/compat/uberall/users/x/all-sessions', headersTooLarge: 400, bodyTooLarge: 400, loginName: 'email' },
  { name: 'zap', post: '/compat/zap/v1/login', get: '/compat/zap/v1/users/logout/x', headersTooLarge: 400, bodyTooLarge: 400, loginName: 'identity' },
  { name: 'ras', post: '/compat/ras/api/Session/logon', get: '/compat/ras/api/Session', headersTooLarge: 431, bodyTooLarge: 413, loginName: 'username' },
  { name: 'chime', post: '/compat/chime/accounts/a/users/b?operation=logout', get: '/compat/chime/accounts/a/users', headersTooLarge: 400, bodyTooLarge: 400 },
];

/**
 * Input bounds (issue 14, items 4–6): no input is a 500, every refusal — the HTTP parser's included —
 * is in the shape of the surface it came through, and a request that ran is answered with its outcome.
 */
describe('input bounds', () => {
  let world: TestApp;
  let port: number;
  /** An Uberall application key, so that its login reaches the body's validation. */
  let uberallKey: string;
  const http = () => request(world.app.getHttpServer());

  beforeAll(async () => {
    world = await openTestApp();
    port = Number(new URL(urlOf(world.app)).port);
    const key = await http().post('/v1/api-keys').set(bearer(world.systemAdmin)).send({ name: 'input-bounds', redirectUrl: 'https://app.example.test/cb' }).expect(201);
    uberallKey = key.body.apiKey;
  });
  afterAll(() => closeTestApp(world));

  describe.each(SURFACES)('$name', (surface) => {
    it('a JSON body nested 1,500 levels deep (3 KB) is its 400, refused before it is parsed', async () => {
      for (const deep of ['['.repeat(1500) + ']'.repeat(1500), '{"a":'.repeat(1500) + '1' + '}'.repeat(1500)]) {
        const res = await http().post(surface.post).set('Content-Type', 'application/json').send(deep);
        expectErrorShape(surface.name, res, 400);
        expect(JSON.stringify(res.body)).toContain('nested deeper than 32 levels');
      }
    });

    it('headers over 16 KB are answered in its shape, not by Fastify\'s default handler', async () => {
      const { answers, closed } = await exchange(port, [rawRequest('GET', surface.get, { 'X-Big': 'a'.repeat(20_000) })]);
      expect(answers).toHaveLength(1);
      expectErrorShape(surface.name, answers[0], surface.headersTooLarge);
      expect(answers[0].text).toContain('headers are too large');
      expect(closed).toBe(true);
    });

    it('bytes that are not HTTP (a header line without a colon) are its 400', async () => {
      const { answers, closed } = await exchange(port, [rawRequest('GET', surface.get, { 'No colon here': '' }).replace('No colon here: ', 'No colon here')]);
      expect(answers).toHaveLength(1);
      expectErrorShape(surface.name, answers[0], 400);
      expect(answers[0].text).toContain('not valid HTTP');
      expect(closed).toBe(true);
    });

    it('a body over 64 KB is its own error', async () => {
      const res = await http().post(surface.post).set('Content-Type', 'application/json').send(JSON.stringify({ password: 'x'.repeat(70_000) }));
      expectErrorShape(surface.name, res, surface.bodyTooLarge);
    });
  });

  describe('a lone surrogate (JSON "\\ud800") is a 400, and changes nothing', () => {
    const body = (fields: Record<string, string>) =>
      JSON.stringify(fields).replaceAll('LONE', '\\ud800'); // JSON.stringify would escape the backslash

    it('in the email of POST /v1/users', async () => {
      const username = `surrogate${Date.now()}`;
      const res = await http()
        .post('/v1/users')
        .set(bearer(world.systemAdmin))
        .set('Content-Type', 'application/json')
        .send(body({ username, email: 'aLONEb@example.test', password: 'long-enough-password' }));
      expectErrorShape('native', res, 400);
      expect(res.body).toMatchObject({ error: 'VALIDATION_FAILED', message: expect.stringContaining('email: must be well-formed Unicode') });
      expect((await world.db.query('SELECT count(*)::int AS n FROM users WHERE username = $1', [username])).rows[0].n).toBe(0);
    });

    it('in the email of PATCH /v1/users/{id}', async () => {
      const user = await createUser(world.app, world.systemAdmin);
      const res = await http()
        .patch(`/v1/users/${user.userId}`)
        .set(bearer(world.systemAdmin))
        .set('Content-Type', 'application/json')
        .send(body({ email: 'aLONEb@example.test' }));
      expectErrorShape('native', res, 400);
      expect((await world.db.query('SELECT email FROM users WHERE id = $1', [user.userId])).rows[0].email).toBe(`${user.username}@example.test`);
    });

    it.each(SURFACES.filter((s) => s.loginName))('in the login name on $name', async (surface) => {
      const res = await http()
        .post(surface.post)
        .set({ 'Content-Type': 'application/json', 'X-API-KEY': uberallKey })
        .send(body({ [surface.loginName as string]: 'someoneLONE', password: 'long-enough-password' }));
      expectErrorShape(surface.name, res, 400);
      expect(JSON.stringify(res.body)).toContain('well-formed Unicode');
    });
  });

  /**
   * `Content-Length: 2` with `{}GARBAGE`: the request is `{}`, complete, and runs; `GARBAGE` is the
   * start of a next request on the connection, which the HTTP parser refuses. The first answer must be
   * the logout's real outcome, the refused bytes get their own 400, and the connection closes.
   */
  describe('a request that ran is answered with its outcome, whatever bytes follow it', () => {
    const sessionAlive = async (token: string) => (await http().get('/v1/auth/session').set(bearer(token))).status === 200;

    const cases: { name: string; surface: SurfaceName; method: string; path: string; headers: (u: { accessToken: string; userId: string }) => Record<string, string>; expectLoggedOut: (body: unknown) => void }[] = [
      {
        name: 'native POST /v1/auth/logout',
        surface: 'native',
        method: 'POST',
        path: '/v1/auth/logout',
        headers: (u) => bearer(u.accessToken),
        expectLoggedOut: (body) => expect(body).toMatchObject({ revokedCount: 1, action: 'session.logout', dryRun: false }),
      },
      ...['GET', 'POST'].map((method) => ({
        name: `Rocket.Chat ${method} /api/v1/logout`,
        surface: 'rocketchat' as const,
        method,
        path: '/compat/rocketchat/api/v1/logout',
        headers: (u: { accessToken: string; userId: string }) => ({ 'X-Auth-Token': u.accessToken, 'X-User-Id': u.userId }),
        expectLoggedOut: (body: unknown) => expect(body).toEqual({ status: 'success', data: { message: "You've been logged out!" } }),
      })),
    ];

    describe.each(cases)('$name', (c) => {
      const send = async (chunks: (u: { accessToken: string; userId: string }) => string[], gapMs?: number) => {
        const user = await createUser(world.app, world.systemAdmin);
        const result = await exchange(port, chunks(user), { gapMs });
        return { user, ...result };
      };
      const head = (u: { accessToken: string; userId: string }) => rawRequest(c.method, c.path, { ...c.headers(u), 'Content-Type': 'application/json', 'Content-Length': '2' });

      it('in the same packet: the logout answers its success, the token is dead, then a 400 for the rest', async () => {
        const { user, answers, closed } = await send((u) => [`${head(u)}{}GARBAGE`]);
        expect(answers.map((a) => a.status)).toEqual([200, 400]);
        c.expectLoggedOut(answers[0].body);
        expect(await sessionAlive(user.accessToken)).toBe(false);
        expectErrorShape(c.surface, answers[1], 400);
        expect(closed).toBe(true);
      });

      it('in a later packet: the same', async () => {
        const { user, answers, closed } = await send((u) => [`${head(u)}{}`, 'GARBAGE\r\n\r\n'], 200);
        expect(answers.map((a) => a.status)).toEqual([200, 400]);
        c.expectLoggedOut(answers[0].body);
        expect(await sessionAlive(user.accessToken)).toBe(false);
        expectErrorShape(c.surface, answers[1], 400);
        expect(closed).toBe(true);
      });
    });

    it('two pipelined requests before the refused bytes are both answered, in order', async () => {
      const user = await createUser(world.app, world.systemAdmin);
      const session = rawRequest('GET', '/v1/auth/session', bearer(user.accessToken));
      const logout = rawRequest('POST', '/v1/auth/logout', { ...bearer(user.accessToken), 'Content-Length': '0' });
      const { answers } = await exchange(port, [`${session}${logout}GARBAGE\r\n\r\n`]);
      expect(answers.map((a) => a.status)).toEqual([200, 200, 400]);
      expect(answers[1].body).toMatchObject({ revokedCount: 1 });
      expect(await sessionAlive(user.accessToken)).toBe(false);
    });
  });
});
