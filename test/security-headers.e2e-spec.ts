import request from 'supertest';
import { bearer, closeTestApp, createUser, openTestApp, TestApp } from './support/test-app.js';
import { TEST_ADMIN } from './test-env.js';

/** One CSP header → its directives, by name. */
function csp(res: request.Response): Record<string, string[]> {
  const header = res.headers['content-security-policy'];
  expect(typeof header).toBe('string');
  return Object.fromEntries(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0] !== '')
      .map(([name, ...values]) => [name, values]),
  );
}

/** What every answer of every group carries, whatever its CSP. */
function expectCommonHeaders(res: request.Response): void {
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
  expect(res.headers['strict-transport-security']).toBeUndefined();
  const directives = csp(res);
  expect(directives['frame-ancestors']).toEqual(["'none'"]);
  expect(directives['base-uri']).toEqual(["'none'"]);
  expect(directives['object-src']).toEqual(["'none'"]);
  expect(directives['default-src']).toEqual(["'none'"]);
  // never a way around the policy for script
  expect(JSON.stringify(directives)).not.toMatch(/unsafe-eval|\*/);
  expect(directives['script-src'] ?? []).not.toContain("'unsafe-inline'");
}

function expectNoStore(res: request.Response): void {
  expect(res.headers['cache-control']).toBe('no-store');
  expect(res.headers.pragma).toBe('no-cache');
}

describe('security headers per route group, and no-store on every answer carrying a credential', () => {
  let world: TestApp;
  const http = () => request(world.app.getHttpServer());

  beforeAll(async () => {
    world = await openTestApp();
  });
  afterAll(() => closeTestApp(world));

  it('the admin page and its assets: a strict CSP (own script, style and API only; no inline, no form posts, Trusted Types)', async () => {
    for (const path of ['/admin/', '/admin/app.js', '/admin/styles.css']) {
      const res = await http().get(path).expect(200);
      expectCommonHeaders(res);
      expect(csp(res)).toEqual({
        'default-src': ["'none'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'"],
        'connect-src': ["'self'"],
        'form-action': ["'none'"],
        'require-trusted-types-for': ["'script'"],
        'frame-ancestors': ["'none'"],
        'base-uri': ["'none'"],
        'object-src': ["'none'"],
      });
    }
    const redirect = await http().get('/admin').expect(302);
    expect(csp(redirect)['script-src']).toEqual(["'self'"]);
  });

  it('the admin page has no inline script or style the CSP would block', async () => {
    const html = (await http().get('/admin/').expect(200)).text;
    expect(html).toContain('<script type="module" src="app.js"></script>');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i); // every script is a file
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i); // no inline style or handler
  });

  it('Swagger UI: script from this origin only, inline style and data: images allowed', async () => {
    for (const path of ['/docs', '/docs/swagger-ui-init.js', '/docs/swagger-ui-bundle.js']) {
      const res = await http().get(path).expect(200);
      expectCommonHeaders(res);
      const directives = csp(res);
      expect(directives['script-src']).toEqual(["'self'"]);
      expect(directives['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
      expect(directives['img-src']).toEqual(["'self'", 'data:']);
      expect(directives['connect-src']).toEqual(["'self'"]);
    }
  });

  it('the API (/v1, vendor surfaces, /health, /docs-json, 404s, errors): nothing to load, nothing to frame', async () => {
    const answers = [
      await http().get('/v1/auth/session').set(bearer(world.systemAdmin)).expect(200),
      await http().get('/v1/auth/session').expect(401),
      await http().post('/v1/auth/login').send({ username: 1 }).expect(400),
      await http().get('/health/live').expect(200),
      await http().get('/docs-json').expect(200),
      await http().get('/no/such/route').expect(404),
      await http().post('/compat/ras/api/Session/logoff').expect(401),
    ];
    for (const res of answers) {
      expectCommonHeaders(res);
      expect(csp(res)).toEqual({ 'default-src': ["'none'"], 'frame-ancestors': ["'none'"], 'base-uri': ["'none'"], 'object-src': ["'none'"] });
    }
    // a token check hands out no credential: the hot path gets no cache headers of its own
    expect(answers[0].headers['cache-control']).toBeUndefined();
  });

  it('native login and refresh answer no-store', async () => {
    const login = await http().post('/v1/auth/login').send({ username: TEST_ADMIN.username, password: TEST_ADMIN.password }).expect(200);
    expectNoStore(login);
    const refresh = await http().post('/v1/auth/refresh').send({ refreshToken: login.body.refreshToken }).expect(200);
    expectNoStore(refresh);
    expect(refresh.body.accessToken).toMatch(/^sat_/);
  });

  it('API key and access key creation (secrets shown once) answer no-store', async () => {
    const apiKey = await http().post('/v1/api-keys').set(bearer(world.systemAdmin)).send({ name: 'headers-app', signInUsers: true }).expect(201);
    expectNoStore(apiKey);
    expect(apiKey.body.privateKey).toEqual(expect.any(String));
    const me = await http().get('/v1/auth/me').set(bearer(world.systemAdmin)).expect(200);
    const accessKey = await http().post(`/v1/accounts/${me.body.user.accountId}/access-keys`).set(bearer(world.systemAdmin)).expect(201);
    expectNoStore(accessKey);
    expect(accessKey.body.secretAccessKey).toEqual(expect.any(String));
  });

  it('every vendor login answers no-store: Rocket.Chat, Uberall, ZAP, RAS', async () => {
    const user = await createUser(world.app, world.systemAdmin);
    const rc = await http().post('/compat/rocketchat/api/v1/login').send({ user: user.username, password: user.password }).expect(200);
    expectNoStore(rc);
    expect(rc.body.data.authToken).toMatch(/^sat_/);

    const key = await http().post('/v1/api-keys').set(bearer(world.systemAdmin)).send({ name: 'uberall-headers', redirectUrl: 'https://app.example.test/' }).expect(201);
    const ub = await http().post('/compat/uberall/users/login').set('X-API-KEY', key.body.apiKey).send({ email: `${user.username}@example.test`, password: user.password }).expect(200);
    expectNoStore(ub);
    expect(ub.body.response.access_token).toMatch(/^sat_/);

    const zap = await http().post('/compat/zap/v1/login').send({ identity: user.username, password: user.password }).expect(200);
    expectNoStore(zap);
    expect(zap.body.data.token).toMatch(/^sat_/);

    const ras = await http().post('/compat/ras/api/Session/logon').send({ username: user.username, password: user.password }).expect(200);
    expectNoStore(ras);
    expect(ras.body.authToken).toMatch(/^sat_/);
  });
});
