import request from 'supertest';
import { bearer, closeTestApp, createUser, login, openTestApp, TestApp } from './support/test-app.js';
import { metricsUrl, scrape as scrapeWith, valueOf } from './support/metrics.js';

const METRICS_TOKEN = 'metrics-token-for-the-scraper-only';

/** GET /metrics on its own listener, behind METRICS_TOKEN: the series exist, and move with what the service does. */
describe('metrics', () => {
  let world: TestApp;
  const http = () => request(world.app.getHttpServer());
  const scrape = (app: TestApp['app']) => scrapeWith(app, METRICS_TOKEN);

  beforeAll(async () => {
    // Read once, when the app is built; not left behind for the worker's next test file.
    process.env.METRICS_TOKEN = METRICS_TOKEN;
    try {
      world = await openTestApp();
    } finally {
      delete process.env.METRICS_TOKEN;
    }
  });
  afterAll(() => closeTestApp(world));

  it('answers 401 without the bearer token or with a wrong one; only /metrics exists there', async () => {
    const none = await fetch(metricsUrl(world.app));
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect(await none.text()).not.toContain('session_service');
    const wrong = await fetch(metricsUrl(world.app), { headers: { authorization: `Bearer ${METRICS_TOKEN.toUpperCase()}` } });
    expect(wrong.status).toBe(401);
    const other = await fetch(metricsUrl(world.app).replace('/metrics', '/other'), { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(other.status).toBe(404);
  });

  it('serves every series in the Prometheus text format', async () => {
    const { samples, text } = await scrape(world.app);
    const names = new Set(samples.map((s) => s.name));
    for (const name of [
      'nodejs_eventloop_lag_seconds',
      'nodejs_eventloop_lag_p99_seconds',
      'process_cpu_seconds_total',
      'session_service_invalidation_channel_up',
      'session_service_db_pool_connections',
      'session_service_validation_cache_lookups_total',
      'session_service_validation_cache_hit_ratio',
      'session_service_http_requests_total',
      'session_service_http_request_duration_seconds_bucket',
      'session_service_http_request_duration_seconds_count',
      'session_service_logins_total',
      'session_service_audit_events_written_total',
    ]) {
      expect(names).toContain(name);
    }
    for (const name of ['session_service_login_failures_total', 'session_service_revocations_total', 'session_service_revoked_sessions_total']) {
      expect(text).toContain(`# TYPE ${name} counter`);
    }
    expect(text).toContain('# TYPE session_service_http_request_duration_seconds histogram');
    // The listener is live, the pool is the configured one (DATABASE_POOL_SIZE=5 in tests).
    expect(valueOf(samples, 'session_service_invalidation_channel_up')).toBe(1);
    expect(valueOf(samples, 'session_service_db_pool_connections', { state: 'max' })).toBe(5);
    expect(valueOf(samples, 'session_service_db_pool_connections', { state: 'waiting' })).toBe(0);
  });

  it('counts a login, a failed login, a revocation, audit writes, cache hits and requests by route pattern and surface', async () => {
    const user = await createUser(world.app, world.systemAdmin);
    const { samples: before } = await scrape(world.app);

    const session = await login(world.app, user.username, user.password);
    await http().post('/v1/auth/login').send({ username: user.username, password: 'not-the-password-at-all' }).expect(401);
    await http().get('/v1/auth/session').set(bearer(session.accessToken)).expect(200);
    await http().get('/v1/auth/session').set(bearer(session.accessToken)).expect(200);
    const rc = await http().post('/compat/rocketchat/api/v1/login').send({ user: user.username, password: user.password }).expect(200);
    await http().delete(`/v1/sessions/${session.sessionId}`).set(bearer(world.systemAdmin)).expect(200);
    await http().post('/compat/rocketchat/api/v1/logout').set({ 'X-Auth-Token': rc.body.data.authToken, 'X-User-Id': rc.body.data.userId }).expect(200);

    const { samples: after, text } = await scrape(world.app);
    const delta = (name: string, labels: Record<string, string> = {}) => valueOf(after, name, labels) - valueOf(before, name, labels);

    expect(delta('session_service_logins_total', { surface: 'native' })).toBe(1);
    expect(delta('session_service_logins_total', { surface: 'rocketchat' })).toBe(1);
    expect(delta('session_service_login_failures_total', { surface: 'native', reason: 'bad_password' })).toBe(1);
    expect(delta('session_service_revocations_total', { action: 'session.forced_logout', surface: 'native' })).toBe(1);
    expect(delta('session_service_revocations_total', { action: 'session.logout', surface: 'rocketchat' })).toBe(1);
    expect(delta('session_service_revoked_sessions_total')).toBe(2);
    // two logins, one failure, two revocations: five audit rows
    expect(delta('session_service_audit_events_written_total')).toBe(5);
    expect(delta('session_service_audit_events_written_total', { action: 'auth.login_failed' })).toBe(1);
    // the second validation of the same token is answered by the cache
    expect(delta('session_service_validation_cache_lookups_total', { cache: 'sessions', result: 'hit' })).toBeGreaterThanOrEqual(1);

    const route = (method: string, route: string, status: string, surface = 'native') => ({ method, route, status, surface });
    expect(delta('session_service_http_requests_total', route('POST', '/v1/auth/login', '200'))).toBe(1);
    expect(delta('session_service_http_requests_total', route('POST', '/v1/auth/login', '401'))).toBe(1);
    expect(delta('session_service_http_requests_total', route('GET', '/v1/auth/session', '200'))).toBe(2);
    expect(delta('session_service_http_request_duration_seconds_count', route('GET', '/v1/auth/session', '200'))).toBe(2);
    expect(delta('session_service_http_request_duration_seconds_bucket', { ...route('GET', '/v1/auth/session', '200'), le: '+Inf' })).toBe(2);
    expect(delta('session_service_http_requests_total', route('POST', '/compat/rocketchat/api/v1/login', '200', 'rocketchat'))).toBe(1);
    // the route pattern, never the id in the path
    expect(delta('session_service_http_requests_total', route('DELETE', '/v1/sessions/:id', '200'))).toBe(1);
    expect(text).not.toContain(session.sessionId);
  });

  it('labels requests by pattern: no raw path, query string or token ever becomes a label', async () => {
    const token = 'sat_query-secret-that-must-not-appear';
    // An unknown query parameter is refused (400) on the native API; it must not become a label either.
    await http().get(`/v1/auth/session?access_token=${token}`).expect(400);
    await http().get(`/v1/no-such-route/${token}`).expect(404);
    await http().get(`/compat/zap/v1/nowhere/${token}`).expect(404);
    const { text, samples } = await scrape(world.app);
    expect(text).not.toContain('query-secret');
    expect(valueOf(samples, 'session_service_http_requests_total', { route: '(unmatched)', status: '404', surface: 'native' })).toBeGreaterThanOrEqual(1);
    expect(valueOf(samples, 'session_service_http_requests_total', { route: '(unmatched)', status: '404', surface: 'zap' })).toBe(1);
    // and the bucket counts are cumulative
    const buckets = samples
      .filter((s) => s.name === 'session_service_http_request_duration_seconds_bucket' && s.labels.route === '/v1/auth/session' && s.labels.status === '400')
      .map((s) => s.value);
    expect(buckets.length).toBeGreaterThan(1);
    expect([...buckets].sort((a, b) => a - b)).toEqual(buckets);
  });

  it('is not served on the API port', async () => {
    await http().get('/metrics').expect(404);
  });
});

