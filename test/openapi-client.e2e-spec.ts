import type { OpenAPIObject } from '@nestjs/swagger';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import createClient from 'openapi-fetch';
import request from 'supertest';
import type { components, paths } from '../openapi.js';
import { ErrorCode } from '../src/common/error-codes.js';
import { nativeStatus } from '../src/common/native-error.dialect.js';
import { openApiFiles, REFRESH_COMMAND } from '../src/openapi-files.js';
import { closeTestApp, createUser, openTestApp, TestApp, urlOf } from './support/test-app.js';

const ROOT = join(__dirname, '..');
const committed = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** Where two JSON values differ (JSON pointers), the first few: enough to see what changed. */
function differences(a: unknown, b: unknown, at = '', found: string[] = []): string[] {
  if (found.length >= 8) return found;
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || a === null || b === null || typeof a !== 'object') {
    if (JSON.stringify(a) !== JSON.stringify(b)) found.push(at || '/');
    return found;
  }
  const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
  for (const key of keys) differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, found);
  return found;
}

/** Fails with the command that refreshes the file, and what differs. */
function expectCurrent(file: string, current: string): void {
  const stored = committed(file);
  if (stored === current) return;
  const where = file.endsWith('.json') ? differences(JSON.parse(stored), JSON.parse(current)) : [];
  throw new Error(`${file} is stale: run \`${REFRESH_COMMAND}\` and commit it.${where.length ? ` It differs at ${where.join(', ')}` : ''}`);
}

type Operation = { summary?: string; tags?: string[]; responses: Record<string, { content?: Record<string, { schema?: { $ref?: string }; example?: Record<string, unknown> }> }> };

describe('the OpenAPI document (openapi.json) and the client generated from it', () => {
  let world: TestApp;
  let served: OpenAPIObject;

  beforeAll(async () => {
    world = await openTestApp();
    served = (await request(world.app.getHttpServer()).get('/docs-json').expect(200)).body as OpenAPIObject;
  });
  afterAll(() => closeTestApp(world));

  it(`openapi.json is the document the app serves at /docs-json (\`${REFRESH_COMMAND}\` refreshes it)`, async () => {
    const files = await openApiFiles(served);
    expectCurrent('openapi.json', files['openapi.json']);
  });

  it(`openapi.d.ts is what openapi-typescript makes of it (\`${REFRESH_COMMAND}\` refreshes it)`, async () => {
    const files = await openApiFiles(JSON.parse(committed('openapi.json')) as OpenAPIObject);
    expectCurrent('openapi.d.ts', files['openapi.d.ts']);
  });

  it('the generator builds, without a database, the very document the running app serves', async () => {
    // Imported here, not at the top: the app module reads the environment when it is first imported,
    // and this file's app must see its own database's (set by openTestApp), as test-app.ts does.
    const { createOpenApiDocument } = await import('../src/openapi.js');
    expect(differences(JSON.parse(JSON.stringify(await createOpenApiDocument())), served)).toEqual([]);
  });

  describe('what the document says', () => {
    const operations = () =>
      Object.entries(served.paths).flatMap(([path, item]) => Object.entries(item as Record<string, Operation>).map(([method, op]) => ({ path, method, op })));

    it('calls the opaque tokens opaque: no bearer scheme claims a JWT', () => {
      const schemes = served.components?.securitySchemes ?? {};
      const bearers = Object.entries(schemes).filter(([, s]) => 'scheme' in s && s.scheme === 'bearer');
      expect(bearers.map(([name]) => name).sort()).toEqual(['bearer', 'client-bearer', 'zap-bearer']);
      for (const [name, scheme] of bearers) expect({ name, bearerFormat: 'bearerFormat' in scheme ? scheme.bearerFormat : undefined }).toEqual({ name, bearerFormat: undefined });
      expect(JSON.stringify(schemes)).not.toMatch(/JWT/);
    });

    it('does not require the optional bodies of the forced logouts', () => {
      expect(served.paths['/v1/users/{id}/logout'].post?.requestBody).toMatchObject({ required: false });
      expect(served.paths['/v1/sessions/{id}'].delete?.requestBody).toMatchObject({ required: false });
      // The account-wide logout needs its reason.
      expect(served.paths['/v1/accounts/{id}/logout'].post?.requestBody).toMatchObject({ required: true });
    });

    it('gives every operation a summary', () => {
      expect(operations().filter(({ op }) => !op.summary?.trim()).map(({ method, path }) => `${method.toUpperCase()} ${path}`)).toEqual([]);
    });

    it('lists the groups with auth first, declares every group an operation uses, and orders the paths the same way', () => {
      const declared = (served.tags ?? []).map((t) => t.name);
      expect(declared.slice(0, 3)).toEqual(['auth', 'sessions', 'users']);
      const used = [...new Set(operations().flatMap(({ op }) => op.tags ?? []))];
      expect(used.filter((tag) => !declared.includes(tag))).toEqual([]);
      const order = operations().map(({ op }) => declared.indexOf(op.tags?.[0] ?? ''));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(Object.keys(served.paths)[0]).toBe('/v1/auth/login');
    });

    it('shows every native error with an example of its real status and code (never statusCode 0)', () => {
      const wrong: string[] = [];
      let checked = 0;
      for (const { path, method, op } of operations()) {
        if (!path.startsWith('/v1/')) continue;
        if (!op.responses['400']) wrong.push(`${method.toUpperCase()} ${path}: no 400 (an unknown query parameter is one)`);
        for (const [status, response] of Object.entries(op.responses)) {
          const media = response.content?.['application/json'];
          if (media?.schema?.$ref !== '#/components/schemas/ErrorResponseDto') continue;
          checked += 1;
          const example = media.example ?? {};
          const code = example.error as ErrorCode;
          const fits = example.statusCode === Number(status) && Object.values(ErrorCode).includes(code) && nativeStatus(code) === Number(status);
          if (!fits || typeof example.message !== 'string' || typeof example.requestId !== 'string') {
            wrong.push(`${method.toUpperCase()} ${path} ${status}: ${JSON.stringify(example)}`);
          }
        }
      }
      expect(wrong).toEqual([]);
      expect(checked).toBeGreaterThan(100);
      expect(served.paths['/v1/auth/login'].post?.responses['401']).toMatchObject({ content: { 'application/json': { example: { error: 'INVALID_CREDENTIALS' } } } });
    });

    it('documents accountId on verify, as on every audit reading, with account as its alias', () => {
      for (const path of ['/v1/audit/events', '/v1/audit/events/export', '/v1/audit/summary', '/v1/audit/verify']) {
        expect({ path, accountId: served.paths[path].get?.parameters?.some((p) => 'name' in p && p.name === 'accountId') }).toEqual({ path, accountId: true });
      }
      const alias = served.paths['/v1/audit/verify'].get?.parameters?.find((p) => 'name' in p && p.name === 'account');
      expect(alias).toMatchObject({ in: 'query', description: expect.stringMatching(/alias of `accountId`/i) });
    });
  });

  it('a client generated from it (openapi-typescript + openapi-fetch) logs in, reads the session and logs out against the real app', async () => {
    const user = await createUser(world.app, world.systemAdmin);
    const client = createClient<paths>({ baseUrl: urlOf(world.app) });

    const login = await client.POST('/v1/auth/login', { body: { username: user.username, password: user.password, deviceName: 'openapi-fetch' } });
    expect(login.response.status).toBe(200);
    const tokens = login.data as components['schemas']['TokenResponseDto'];
    expect(tokens).toMatchObject({ tokenType: 'Bearer', userId: user.userId, accessToken: expect.stringMatching(/^sat_/) });
    const auth = { headers: { Authorization: `Bearer ${tokens.accessToken}` } };

    const session = await client.GET('/v1/auth/session', auth);
    expect(session.response.status).toBe(200);
    expect(session.data).toMatchObject({ active: true, userId: user.userId, sessionId: tokens.sessionId, username: user.username });

    const logout = await client.POST('/v1/auth/logout', { ...auth, params: { query: { scope: 'local' } } });
    expect(logout.data).toMatchObject({ revokedCount: 1, sessionIds: [tokens.sessionId], dryRun: false });

    // The error side is typed too: the native error body.
    const after = await client.GET('/v1/auth/session', auth);
    expect(after.response.status).toBe(401);
    const error: components['schemas']['ErrorResponseDto'] | undefined = after.error;
    expect(error).toMatchObject({ statusCode: 401, error: 'UNAUTHENTICATED', requestId: after.response.headers.get('x-request-id') });

    // A wrong password: the documented 401, with the documented code.
    const refused = await client.POST('/v1/auth/login', { body: { username: user.username, password: 'not-the-password' } });
    expect(refused.error).toMatchObject({ statusCode: 401, error: 'INVALID_CREDENTIALS' });
  });

  it('the client sends the forced logout of a user without a body, as the document allows', async () => {
    const user = await createUser(world.app, world.systemAdmin);
    const client = createClient<paths>({ baseUrl: urlOf(world.app), headers: { Authorization: `Bearer ${world.systemAdmin}` } });
    const dryRun = await client.POST('/v1/users/{id}/logout', { params: { path: { id: user.userId }, query: { dryRun: true } } });
    expect(dryRun.data).toMatchObject({ dryRun: true, revokedCount: 1, targetUserId: user.userId });
    const done = await client.POST('/v1/users/{id}/logout', { params: { path: { id: user.userId } } });
    expect(done.data).toMatchObject({ dryRun: false, revokedCount: 1, sessionIds: [user.sessionId] });
    const again = await client.GET('/v1/auth/session', { headers: { Authorization: `Bearer ${user.accessToken}` } });
    expect(again.response.status).toBe(401);
  });
});
