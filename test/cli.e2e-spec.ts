import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { builtEntry, runNode } from './support/built-service.js';
import { bearer, createTestDatabase, createUser, loginAdmin, startApp } from './support/test-app.js';
import { serviceUrlOf } from './test-env.js';

/**
 * The built CLI and service, run as an operator runs them, against this file's database while the
 * in-process app (a running instance) serves on it.
 */
describe('operator CLI and start-up (the built entry points)', () => {
  let app: NestFastifyApplication;
  let dbUrl: string;
  let adminToken: string;

  const http = () => request(app.getHttpServer());
  /** What an operator's shell would hold: the database, cheap test hashing, no `.env` (NODE_ENV=test). */
  const operatorEnv = (extra: Record<string, string> = {}) => ({
    NODE_ENV: 'test',
    // the two roles, as in production: migrations as the owner, the work as the service role
    DATABASE_URL: serviceUrlOf(dbUrl),
    DATABASE_OWNER_URL: dbUrl,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'sst-cli-')),
    LOG_LEVEL: 'silent',
    ARGON2_MEMORY_KIB: '1024',
    ARGON2_ITERATIONS: '1',
    DATABASE_POOL_SIZE: '2',
    SECRETS_ENCRYPTION_KEY: process.env.SECRETS_ENCRYPTION_KEY,
    ...extra,
  });
  const cli = (args: string[], extra: Record<string, string> = {}) => runNode(builtEntry('cli.js'), args, operatorEnv(extra));
  const status = async (path: string, token: string) => (await http().get(path).set(bearer(token))).status;
  const loginStatus = async (username: string, password: string) => (await http().post('/v1/auth/login').send({ username, password })).status;

  beforeAll(async () => {
    dbUrl = await createTestDatabase();
    app = await startApp(dbUrl);
    adminToken = (await loginAdmin(app)).accessToken;
  }, 240_000);
  afterAll(async () => {
    await app?.close();
  });

  describe('reset-password <username>', () => {
    it('sets the new password from NEW_PASSWORD, ends every session at once (cached ones too) and is audited as an admin reset', async () => {
      const admin = await createUser(app, adminToken, { roles: ['admin'], prefix: 'lost' });
      const second = (await http().post('/v1/auth/login').send({ username: admin.username, password: admin.password }).expect(200)).body.accessToken as string;
      // Validated once, so the running instance holds both tokens in its cache.
      for (const token of [admin.accessToken, second]) expect(await status('/v1/auth/session', token)).toBe(200);
      const newPassword = 'a-new-password-from-the-operator';

      const run = await cli(['reset-password', admin.username], { NEW_PASSWORD: newPassword });
      expect(run).toEqual({ code: 0, stdout: `Reset the password of ${admin.username} (${admin.userId}); every session of theirs has ended\n`, stderr: '' });

      for (const token of [admin.accessToken, second]) {
        expect(await status('/v1/auth/session', token)).toBe(401);
        expect(await status('/v1/auth/me', token)).toBe(401);
      }
      expect(await loginStatus(admin.username, admin.password)).toBe(401);
      const fresh = (await http().post('/v1/auth/login').send({ username: admin.username, password: newPassword }).expect(200)).body.accessToken as string;
      expect(await status('/v1/auth/me', fresh)).toBe(200);
      expect(await status('/v1/auth/me', adminToken)).toBe(200);

      const events = async (query: string) => (await http().get(`/v1/audit/events?${query}&targetUserId=${admin.userId}`).set(bearer(adminToken)).expect(200)).body.items;
      const [logout] = await events('action=session.forced_logout');
      expect(logout).toMatchObject({ reason: 'password reset by admin', sessionCount: 2, surface: 'system', actor: expect.objectContaining({ userId: null, label: 'cli' }) });
      const [updated] = await events('action=user.updated');
      expect(updated).toMatchObject({ surface: 'system', actor: expect.objectContaining({ label: 'cli' }), details: expect.objectContaining({ fields: ['password'] }) });
      expect(JSON.stringify([logout, updated])).not.toContain(newPassword);
    });

    it('reads the password from stdin when NEW_PASSWORD is not set', async () => {
      const user = await createUser(app, adminToken);
      const child = spawn(process.execPath, [builtEntry('cli.js'), 'reset-password', user.username], { env: { PATH: process.env.PATH, ...operatorEnv() } });
      child.stdin.end('a-password-typed-on-stdin\n');
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code).toBe(0);
      expect(await loginStatus(user.username, 'a-password-typed-on-stdin')).toBe(200);
      expect(await status('/v1/auth/me', user.accessToken)).toBe(401);
    });

    it('refuses a password on the command line, a weak password and an unknown user, changing nothing', async () => {
      const user = await createUser(app, adminToken);
      const inArgv = await cli(['reset-password', user.username, '--password=typed-in-argv-123'], { NEW_PASSWORD: 'a-fine-password-123' });
      expect(inArgv.code).toBe(2);
      expect(inArgv.stderr).toContain("Unknown option '--password'");
      expect(inArgv.stderr).toContain('never read from the command line');
      expect(inArgv.stderr).not.toContain('typed-in-argv-123');

      const weak = await cli(['reset-password', user.username], { NEW_PASSWORD: 'short' });
      expect(weak).toEqual({ code: 1, stdout: '', stderr: 'password must be longer than or equal to 12 characters\n' });
      const unknown = await cli(['reset-password', 'nobody-by-that-name'], { NEW_PASSWORD: 'a-fine-password-123' });
      expect(unknown).toEqual({ code: 1, stdout: '', stderr: 'No user named nobody-by-that-name\n' });
      const extra = await cli(['reset-password', user.username, 'another'], { NEW_PASSWORD: 'a-fine-password-123' });
      expect(extra.code).toBe(2);

      expect(await status('/v1/auth/me', user.accessToken)).toBe(200);
      expect(await loginStatus(user.username, user.password)).toBe(200);
      expect(await loginStatus(user.username, 'a-fine-password-123')).toBe(401);
    });
  });

  describe('start-up configuration', () => {
    it('refuses to start on bad settings with one list of every bad key, no stack trace', async () => {
      const run = await runNode(builtEntry('main.js'), [], operatorEnv({ PORT: 'abc', SWAGGER_ENABLED: 'nope', TRUST_PROXY: 'maybe', LOG_LEVEL: 'loud' }));
      expect(run.code).toBe(1);
      // The service logs JSON from its first line: one fatal line, the list of every bad key in it, no stack.
      const lines = run.stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      const fatal = JSON.parse(lines[0]) as { level: number; msg: string; err: { message: string; stack?: string } };
      expect(fatal).toMatchObject({ level: 60, msg: 'could not start' });
      expect(fatal.err.message.split('\n')).toEqual([
        'Invalid configuration:',
        '  - PORT: PORT must be an integer number',
        '  - LOG_LEVEL: LOG_LEVEL must be one of the following values: fatal, error, warn, info, debug, trace, silent',
        '  - SWAGGER_ENABLED: SWAGGER_ENABLED must be one of 1, true, yes, on, 0, false, no, off',
        '  - TRUST_PROXY: TRUST_PROXY must be one of 1, true, yes, on, 0, false, no, off',
      ]);
      expect(fatal.err.stack ?? '').toBe('');
      expect(run.stderr).toBe('');
      // The CLI reads the same settings the same way.
      const viaCli = await cli(['migrate'], { SWAGGER_ENABLED: 'nope' });
      expect(viaCli).toEqual({ code: 1, stdout: '', stderr: 'Invalid configuration:\n  - SWAGGER_ENABLED: SWAGGER_ENABLED must be one of 1, true, yes, on, 0, false, no, off\n' });
    });

    it('with SWAGGER_ENABLED=false serves no /docs and its start line does not claim one', async () => {
      const port = String(20000 + Math.floor(Math.random() * 20000));
      const child = spawn(process.execPath, [builtEntry('main.js')], { env: { PATH: process.env.PATH, ...operatorEnv({ SWAGGER_ENABLED: 'false', PORT: port, HOST: '127.0.0.1', METRICS_PORT: '0', LOG_LEVEL: 'info' }) } });
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      try {
        await new Promise<void>((resolve, reject) => {
          child.stdout.on('data', () => stdout.includes('Session service listening') && resolve());
          child.on('exit', (code) => reject(new Error(`the service exited (${code})`)));
        });
        const started = stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { msg: string; url?: string; docs?: string }).find((l) => l.msg === 'Session service listening');
        expect(started).toMatchObject({ url: `http://127.0.0.1:${port}`, docs: 'off (SWAGGER_ENABLED=false)' });
        expect((await request(`http://127.0.0.1:${port}`).get('/docs')).status).toBe(404);
        expect((await request(`http://127.0.0.1:${port}`).get('/health/live')).status).toBe(200);
      } finally {
        child.kill('SIGTERM');
        await new Promise((resolve) => (child.exitCode === null ? child.on('exit', resolve) : resolve(null)));
      }
    });
  });
});
