import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtEntry, freePort } from './support/built-service.js';
import { parseExposition, valueOf } from './support/metrics.js';
import { createTestDatabase } from './support/test-app.js';
import { serviceUrlOf, TEST_ADMIN } from './test-env.js';

/** The built service (`node dist/main.js`), its output split into lines as it comes. */
class Service {
  readonly lines: string[] = [];
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;
  private buffered = '';

  constructor(env: Record<string, string>) {
    // Only what the service needs: nothing of the test run's environment (LOG_LEVEL, DATABASE_URL…) leaks in.
    this.child = spawn(process.execPath, [builtEntry('main.js')], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const take = (chunk: Buffer) => {
      const text = this.buffered + chunk.toString('utf8');
      const parts = text.split('\n');
      this.buffered = parts.pop() ?? '';
      this.lines.push(...parts.filter((l) => l.trim() !== ''));
    };
    this.child.stdout?.on('data', take);
    this.child.stderr?.on('data', take);
    this.exited = new Promise((done) => this.child.on('exit', (code) => done(code)));
  }

  /** Every line, parsed; a line that is not JSON fails the test with the line itself. */
  json(): Record<string, unknown>[] {
    return this.lines.map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`not a JSON log line: ${line}`);
      }
    });
  }

  async waitFor(match: (line: Record<string, unknown>) => boolean, timeoutMs = 60_000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = this.json().find(match);
      if (found) return found;
      if (this.child.exitCode !== null) throw new Error(`the service exited (${this.child.exitCode}):\n${this.lines.join('\n')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out; output so far:\n${this.lines.join('\n')}`);
  }

  stop(): Promise<number | null> {
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
    return this.exited;
  }
}

const baseEnv = () => ({
  NODE_ENV: 'production',
  DATA_DIR: mkdtempSync(join(tmpdir(), 'sst-process-')),
  SECRETS_ENCRYPTION_KEY: Buffer.alloc(32, 5).toString('base64'),
  BOOTSTRAP_ADMIN_USERNAME: TEST_ADMIN.username,
  BOOTSTRAP_ADMIN_PASSWORD: TEST_ADMIN.password,
  BOOTSTRAP_ADMIN_EMAIL: TEST_ADMIN.email,
  ARGON2_MEMORY_KIB: '1024',
  ARGON2_ITERATIONS: '1',
  HOST: '127.0.0.1',
  METRICS_PORT: '0',
  LOG_LEVEL: 'info',
});

/** The built service as it runs in production: what it writes to stdout and stderr. */
describe('the built service’s output', () => {
  const services: Service[] = [];
  const start = (env: Record<string, string>) => {
    const service = new Service(env);
    services.push(service);
    return service;
  };

  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop()));
  });

  it('a start against a closed database port writes only JSON lines, ending in one fatal line, and exits 1', async () => {
    const closed = await freePort();
    const service = start({ ...baseEnv(), PORT: String(await freePort()), DATABASE_URL: `postgres://postgres@127.0.0.1:${closed}/nowhere` });
    expect(await service.exited).toBe(1);
    const lines = service.json();
    expect(lines.length).toBeGreaterThan(2);
    expect(lines).toContainEqual(expect.objectContaining({ level: 50, context: 'TypeOrmModule', msg: expect.stringMatching(/Unable to connect to the database/) }));
    expect(lines[lines.length - 1]).toMatchObject({ level: 60, context: 'Bootstrap', msg: 'could not start', err: { code: 'ECONNREFUSED' } });
    // no colour codes, no Nest text lines anywhere
    expect(service.lines.join('\n')).not.toMatch(/\u001b\[|\[Nest\]/);
  });

  it('a bad configuration is one fatal JSON line naming the keys, not their values', async () => {
    const service = start({ ...baseEnv(), PORT: 'not-a-port', METRICS_HOST: '0.0.0.0', DATABASE_URL: 'postgres://postgres@127.0.0.1:1/x' });
    expect(await service.exited).toBe(1);
    const lines = service.json();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 60, msg: 'could not start', err: { message: expect.stringMatching(/PORT[\s\S]*METRICS_TOKEN/) } });
    expect(service.lines[0]).not.toContain('not-a-port');
  });

  it('logs one JSON line per request with the route pattern, status, duration, request id and surface, and never a credential', async () => {
    const port = await freePort();
    const owner = await createTestDatabase();
    const service = start({ ...baseEnv(), PORT: String(port), DATABASE_URL: serviceUrlOf(owner), DATABASE_OWNER_URL: owner });
    await service.waitFor((l) => l.msg === 'Session service listening');
    const metricsLine = await service.waitFor((l) => l.msg === 'metrics listening');
    const base = `http://127.0.0.1:${port}`;

    const login = await fetch(`${base}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'login-request-1' },
      body: JSON.stringify({ username: TEST_ADMIN.username, password: TEST_ADMIN.password }),
    });
    expect(login.status).toBe(200);
    const { accessToken, sessionId, userId } = (await login.json()) as { accessToken: string; sessionId: string; userId: string };
    const secrets = [accessToken, TEST_ADMIN.password, 'query_secret_value', 'api_key_secret', 'cookie_secret', 'amz_secret'];
    const headers = {
      authorization: `Bearer ${accessToken}`,
      'x-auth-token': accessToken,
      'x-user-id': userId,
      auth_token: accessToken,
      'x-api-key': 'api_key_secret',
      cookie: 'sid=cookie_secret',
      'x-amz-security-token': 'amz_secret',
    };
    // An unknown query parameter is a 400 on the native API; its value must not be logged either.
    expect((await fetch(`${base}/v1/auth/session?access_token=query_secret_value`, { headers: { ...headers, 'x-request-id': 'session-request-1' } })).status).toBe(400);
    expect((await fetch(`${base}/compat/rocketchat/api/v1/me?authToken=query_secret_value`, { headers })).status).toBeLessThan(500);
    expect((await fetch(`${base}/compat/ras/api/Session`, { headers })).status).toBeLessThan(500);
    expect((await fetch(`${base}/v1/sessions/${sessionId}`, { method: 'DELETE', headers })).status).toBe(200);

    // The default metrics listener (loopback, no token) serves the same requests, as curl sees it.
    const scraped = execFileSync('curl', ['-fsS', `http://127.0.0.1:${String(metricsLine.port)}/metrics`], { encoding: 'utf8' });
    const samples = parseExposition(scraped);
    expect(valueOf(samples, 'session_service_http_requests_total', { route: '/v1/auth/session', status: '400', surface: 'native' })).toBe(1);
    expect(valueOf(samples, 'session_service_revocations_total', { action: 'session.logout' })).toBe(1);

    // Stopped (Nest's shutdown hooks re-raise SIGTERM once closed): every line it wrote is in.
    await service.stop();
    const lines = service.json();
    const requests = lines.filter((l) => l.msg === 'request');
    expect(requests).toContainEqual(
      expect.objectContaining({ level: 30, reqId: 'login-request-1', method: 'POST', route: '/v1/auth/login', status: 200, surface: 'native', durationMs: expect.any(Number) }),
    );
    expect(requests).toContainEqual(expect.objectContaining({ reqId: 'session-request-1', method: 'GET', route: '/v1/auth/session', status: 400, surface: 'native' }));
    expect(requests).toContainEqual(expect.objectContaining({ method: 'GET', route: null, status: 404, surface: 'rocketchat' }));
    expect(requests).toContainEqual(expect.objectContaining({ method: 'GET', route: '/compat/ras/api/Session', surface: 'ras' }));
    expect(requests).toContainEqual(expect.objectContaining({ method: 'DELETE', route: '/v1/sessions/:id', status: 200 }));
    expect(requests).toHaveLength(5);
    const output = service.lines.join('\n');
    for (const secret of secrets) expect(output).not.toContain(secret);
    expect(output).not.toContain(sessionId);
  });
});
