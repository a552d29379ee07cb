import { Sha256 } from '@aws-crypto/sha256-js';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { getMetadataStorage } from 'class-validator';
import fc from 'fast-check';
import pg from 'pg';
import request from 'supertest';
import { CreateApiKeyDto } from '../src/api-keys/dto/api-key.dto.js';
import { AccountLogoutDto } from '../src/accounts/dto/account-logout.dto.js';
import { CreateAccountDto, UpdateAccountDto } from '../src/accounts/dto/account.dto.js';
import { LoginDto, RefreshDto } from '../src/auth/dto/login.dto.js';
import { TokenRequestDto } from '../src/oauth/dto/oauth.dto.js';
import { CreateRoleDto } from '../src/permissions/dto/role.dto.js';
import { ForcedLogoutDto } from '../src/sessions/dto/session.dto.js';
import { CreateUserDto, SetRolesDto, UpdateUserDto } from '../src/users/dto/user.dto.js';
import { RasLogonDto } from '../src/vendor-compat/ras/dto/ras-session.dto.js';
import { RocketChatLoginDto, RocketChatUsersLogoutDto } from '../src/vendor-compat/rocketchat/dto/rocketchat.dto.js';
import { UberallLoginDto } from '../src/vendor-compat/uberall/dto/uberall.dto.js';
import { ZapDeviceLogoutDto, ZapLoginDto } from '../src/vendor-compat/zap/dto/zap.dto.js';
import { TEST_ADMIN } from './test-env.js';
import { Answer, errorShapeProblem, SurfaceName } from './support/error-shapes.js';
import { exchange, rawRequest } from './support/raw-http.js';
import { bearer, createTestDatabase, createUser, login, startApp, urlOf } from './support/test-app.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/**
 * Property-based fuzzing of every surface's DTOs and raw bodies against the real app and Postgres.
 * Whatever is sent: no 5xx, every error in its surface's own shape, and a refused request changes
 * nothing (the caller's token stays good, no row changes; no audit row for malformed input).
 *
 * Bounded: a fixed seed (FUZZ_SEED to change it; the seed is printed, and fast-check prints the
 * failing case's seed and path) and FUZZ_RUNS runs per property (default 120; ~25 s in all here).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
const RUNS = Number(process.env.FUZZ_RUNS ?? 120);
/** Per property: a run takes ~20–60 ms here (a login, the request, the state queries). */
const TIMEOUT = Math.max(60_000, RUNS * 300);

/** The properties a DTO validates: what a client would plausibly send, to be sent with wrong values. */
function fieldsOf(dto: Function): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, undefined as unknown as string, false, false, undefined);
  return [...new Set(metadata.map((m) => m.propertyName))];
}

/** Who calls: what headers a route needs, from the run's fresh session or the world's keys. */
type Auth = 'none' | 'user' | 'admin' | 'rocketchat' | 'uberall-key' | 'uberall' | 'zap' | 'ras' | 'api-key' | 'chime';

interface Route {
  surface: SurfaceName;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** With `:id` where a fuzzed path parameter goes. */
  path: string;
  auth: Auth;
  /** The body's DTO fields (empty: the route takes no body, which is sent anyway). */
  fields: string[];
  /** Query parameters the route reads. */
  query?: string[];
}

const RC = '/compat/rocketchat/api/v1';
const UB = '/compat/uberall';
const ZAP = '/compat/zap/v1';
const RAS = '/compat/ras/api/Session';
const CHIME = '/compat/chime/accounts';

const ROUTES: Route[] = [
  { surface: 'native', method: 'POST', path: '/v1/auth/login', auth: 'none', fields: fieldsOf(LoginDto) },
  { surface: 'native', method: 'POST', path: '/v1/auth/refresh', auth: 'none', fields: fieldsOf(RefreshDto) },
  { surface: 'native', method: 'POST', path: '/v1/auth/logout', auth: 'user', fields: [], query: ['scope'] },
  { surface: 'native', method: 'POST', path: '/v1/users', auth: 'admin', fields: fieldsOf(CreateUserDto) },
  { surface: 'native', method: 'GET', path: '/v1/users', auth: 'admin', fields: [], query: ['limit', 'cursor', 'q', 'status', 'accountId'] },
  { surface: 'native', method: 'GET', path: '/v1/users/:id', auth: 'admin', fields: [] },
  { surface: 'native', method: 'PATCH', path: '/v1/users/:id', auth: 'admin', fields: fieldsOf(UpdateUserDto) },
  { surface: 'native', method: 'PUT', path: '/v1/users/:id/roles', auth: 'admin', fields: fieldsOf(SetRolesDto) },
  { surface: 'native', method: 'POST', path: '/v1/users/:id/logout', auth: 'admin', fields: fieldsOf(ForcedLogoutDto), query: ['dryRun'] },
  { surface: 'native', method: 'DELETE', path: '/v1/sessions/:id', auth: 'user', fields: fieldsOf(ForcedLogoutDto), query: ['dryRun'] },
  { surface: 'native', method: 'POST', path: '/v1/accounts', auth: 'admin', fields: fieldsOf(CreateAccountDto) },
  { surface: 'native', method: 'PATCH', path: '/v1/accounts/:id', auth: 'admin', fields: fieldsOf(UpdateAccountDto) },
  { surface: 'native', method: 'POST', path: '/v1/accounts/:id/logout', auth: 'admin', fields: fieldsOf(AccountLogoutDto), query: ['dryRun'] },
  { surface: 'native', method: 'POST', path: '/v1/roles', auth: 'admin', fields: fieldsOf(CreateRoleDto) },
  { surface: 'native', method: 'POST', path: '/v1/api-keys', auth: 'admin', fields: fieldsOf(CreateApiKeyDto) },
  { surface: 'native', method: 'DELETE', path: '/v1/api-keys/:id', auth: 'admin', fields: [] },
  { surface: 'native', method: 'POST', path: '/v1/accounts/:id/access-keys', auth: 'admin', fields: [] },
  { surface: 'native', method: 'POST', path: '/v1/oauth/introspect', auth: 'api-key', fields: fieldsOf(TokenRequestDto) },
  { surface: 'native', method: 'POST', path: '/v1/oauth/revoke', auth: 'api-key', fields: fieldsOf(TokenRequestDto) },
  { surface: 'native', method: 'GET', path: '/v1/audit/events', auth: 'admin', fields: [], query: ['action', 'actorUserId', 'targetUserId', 'accountId', 'surface', 'outcome', 'from', 'to', 'limit', 'cursor', 'q'] },
  { surface: 'native', method: 'GET', path: '/v1/audit/events/:id', auth: 'admin', fields: [] },
  { surface: 'native', method: 'GET', path: '/v1/audit/summary', auth: 'admin', fields: [], query: ['from', 'to', 'accountId', 'days'] },
  { surface: 'native', method: 'GET', path: '/v1/audit/verify', auth: 'admin', fields: [], query: ['account', 'from', 'to'] },
  { surface: 'rocketchat', method: 'POST', path: `${RC}/login`, auth: 'none', fields: fieldsOf(RocketChatLoginDto) },
  { surface: 'rocketchat', method: 'GET', path: `${RC}/logout`, auth: 'rocketchat', fields: [] },
  { surface: 'rocketchat', method: 'POST', path: `${RC}/logout`, auth: 'rocketchat', fields: [] },
  { surface: 'rocketchat', method: 'POST', path: `${RC}/users.logout`, auth: 'rocketchat', fields: fieldsOf(RocketChatUsersLogoutDto) },
  { surface: 'uberall', method: 'POST', path: `${UB}/users/login`, auth: 'uberall-key', fields: fieldsOf(UberallLoginDto) },
  { surface: 'uberall', method: 'POST', path: `${UB}/users/logout`, auth: 'uberall', fields: [] },
  { surface: 'uberall', method: 'DELETE', path: `${UB}/users/:id/all-sessions`, auth: 'uberall', fields: [] },
  { surface: 'zap', method: 'POST', path: `${ZAP}/login`, auth: 'none', fields: fieldsOf(ZapLoginDto) },
  { surface: 'zap', method: 'PUT', path: `${ZAP}/users/logout/:id`, auth: 'zap', fields: fieldsOf(ZapDeviceLogoutDto) },
  { surface: 'zap', method: 'GET', path: `${ZAP}/users/logout/:id`, auth: 'zap', fields: [] },
  { surface: 'ras', method: 'POST', path: `${RAS}/logon`, auth: 'none', fields: fieldsOf(RasLogonDto) },
  { surface: 'ras', method: 'POST', path: `${RAS}/logoff`, auth: 'ras', fields: [] },
  { surface: 'ras', method: 'POST', path: `${RAS}/:id/logoff`, auth: 'ras', fields: [] },
  { surface: 'ras', method: 'GET', path: RAS, auth: 'ras', fields: [] },
  { surface: 'chime', method: 'POST', path: `${CHIME}/:id/users/:id`, auth: 'chime', fields: [], query: ['operation'] },
  { surface: 'chime', method: 'GET', path: `${CHIME}/:id/users/:id`, auth: 'chime', fields: [] },
  { surface: 'chime', method: 'GET', path: `${CHIME}/:id/users`, auth: 'chime', fields: [], query: ['user-email', 'user-type', 'max-results', 'next-token'] },
  { surface: 'chime', method: 'POST', path: `${CHIME}/:id/users/:id`, auth: 'none', fields: [], query: ['operation'] },
];

// ---------------------------------------------------------------------------------------------------
// Arbitraries

/** Percent-encodes a string's UTF-8 bytes (encodeURIComponent throws on a lone surrogate). */
const pct = (s: string) => [...Buffer.from(s, 'utf8')].map((b) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
/** Strings of every kind: ASCII, any code point, with a lone surrogate, with NUL, long. */
const anyString = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.tuple(fc.string({ maxLength: 10 }), loneSurrogate, fc.string({ maxLength: 10 })).map(([a, s, b]) => a + s + b),
  fc.string({ maxLength: 10 }).map((s) => `${s}\u0000`),
  fc.integer({ min: 200, max: 5000 }).map((n) => 'x'.repeat(n)),
  fc.constantFrom('', ' ', 'admin', TEST_ADMIN.username, '../../etc/passwd', "' OR 1=1 --", '<script>', '${jndi:x}', '%s%n', 'null', 'undefined', '__proto__'),
);
/** A JSON value as text, including what JSON.stringify never writes (1e999 parses to Infinity). */
const jsonValueText = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  anyString.map((s) => JSON.stringify(s)),
  fc.constantFrom('1e999', '-1e999', '-0', '1e-400', '123456789012345678901234567890', '2147483648', '-2147483649', '0.5', 'true', 'false', 'null', '[]', '{}', '[[[[]]]]', '{"__proto__":{"isAdmin":true}}'),
);
/** A JSON object made of the DTO's fields (and strangers) with values of any type. */
const dtoBody = (fields: string[]) =>
  fc
    .array(fc.tuple(fields.length ? fc.oneof(fc.constantFrom(...fields), fc.string({ maxLength: 8 })) : fc.string({ maxLength: 8 }), jsonValueText), { maxLength: 6 })
    .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`);
/** Bodies no DTO could accept: malformed, deep, huge, not UTF-8, poisoned, not an object. */
const rawBody: fc.Arbitrary<string | Buffer> = fc.oneof(
  fc.string({ maxLength: 100 }),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v).slice(0, -1)), // cut short
  fc.tuple(fc.integer({ min: 30, max: 20_000 }), fc.constantFrom('[', '{"a":', '[{"b":')).map(([n, open]) => open.repeat(n)),
  fc.integer({ min: 30, max: 20_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
  fc.integer({ min: 60_000, max: 80_000 }).map((n) => JSON.stringify({ password: 'x'.repeat(n) })),
  fc.uint8Array({ minLength: 1, maxLength: 100 }).map((bytes) => Buffer.concat([Buffer.from('{"username":"'), Buffer.from(bytes), Buffer.from('","password":"p"}')])),
  fc.uint8Array({ minLength: 1, maxLength: 100 }).map((bytes) => Buffer.from(bytes)),
  fc.constantFrom('{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}', 'null', '"string"', '42', '[]', '[{}]', '{"a":1}{"b":2}', '\ufeff{}', '{"a":"\\ud800"}', '{"a":"\\u0000"}', '{"a":1,"a":2}'),
);
const contentType = fc.constantFrom('application/json', 'application/json', 'application/json; charset=utf-8', 'application/x-www-form-urlencoded', 'text/plain', 'application/xml', 'application/json; charset=latin1', undefined);
/** Path parameters, already encoded: UUIDs, junk, overflowing integers, broken percent-encoding. */
const pathParam = fc.oneof(
  fc.uuid().map(String),
  anyString.map(pct),
  fc.integer().map(String),
  fc.constantFrom('..', '%2e%2e', '%00', '%ff', '%ED%A0%80', '%C0%AF', '-1', '0', '2147483648', '99999999999999999999', '1e3', 'null', '%20', 'a'.repeat(100), 'a'.repeat(99), '%', '%zz'),
);
const queryString = (names: string[]) =>
  fc.oneof(
    fc.array(fc.tuple(names.length ? fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 6 })) : fc.string({ maxLength: 6 }), anyString), { maxLength: 4 }).map((pairs) => pairs.map(([k, v]) => `${pct(k)}=${pct(v)}`).join('&')),
    fc.constantFrom('a=%zz', '%%%', 'a[b]=1&a[c]=2', 'dryRun=maybe', 'limit=1e999', 'limit=-1', 'scope=everywhere', 'operation=logout&operation=logout', '=', '&&&'),
  );

// ---------------------------------------------------------------------------------------------------

/** Everything a refused request must leave as it was (audit rows are compared separately). */
const STATE_SQL = `SELECT
  (SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') || '/' || count(sessions_valid_after) || '/' || coalesce(max(sessions_valid_after)::text, '') FROM users) AS users,
  (SELECT count(*) || '/' || count(*) FILTER (WHERE revoked_at IS NULL) FROM sessions) AS sessions,
  (SELECT count(*) FROM session_refresh_history) AS refreshes,
  (SELECT count(*) || '/' || count(sessions_valid_after) || '/' || count(*) FILTER (WHERE legal_hold) FROM accounts) AS accounts,
  (SELECT count(*) || '/' || count(revoked_at) FROM api_keys) AS api_keys,
  (SELECT count(*) || '/' || count(revoked_at) FROM access_keys) AS access_keys,
  (SELECT count(*) FROM roles) || '/' || (SELECT count(*) FROM user_roles) AS roles`;

/** Refused as malformed input, before any rule of the core ran (so nothing, not even an audit row, is written). */
function malformedInput(surface: SurfaceName, answer: Answer): boolean {
  const body = (answer.body ?? {}) as Record<string, unknown>;
  switch (surface) {
    case 'native':
      return ['VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE', 'HEADERS_TOO_LARGE', 'ROUTE_NOT_FOUND'].includes(String(body.error));
    case 'rocketchat':
      return body.errorType === 'invalid-params';
    case 'uberall':
      return ['INVALID_PARAMETER', 'BAD_REQUEST'].includes(String(body.status));
    case 'zap':
    case 'chime':
      return answer.status === 400;
    case 'ras':
      return [400, 413, 431].includes(answer.status);
  }
}

describe('input fuzz: every surface, every DTO, raw bodies, ids and headers (fast-check)', () => {
  let app: NestFastifyApplication;
  let db: pg.Client;
  let port: number;
  let adminToken: string;
  let accountId: string;
  let apiKey: string;
  let chimeKey: { accessKeyId: string; secretAccessKey: string };
  let fuzzUser: { username: string; password: string };
  /** A user the id-taking routes may name (so a valid id reaches the core); never the fuzz caller. */
  let targetUserId: string;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    process.stdout.write(`input fuzz: seed ${SEED}, ${RUNS} runs per property (FUZZ_SEED / FUZZ_RUNS)\n`);
    const url = await createTestDatabase();
    // Each run logs in afresh: lift the login throttle for this app only.
    app = await startApp(url, { LOGIN_THROTTLE_LIMIT: '1000000' });
    port = Number(new URL(urlOf(app)).port);
    db = new pg.Client({ connectionString: url });
    await db.connect();
    adminToken = (await login(app, TEST_ADMIN.username, TEST_ADMIN.password)).accessToken;
    accountId = (await http().get('/v1/auth/me').set(bearer(adminToken)).expect(200)).body.user.accountId;
    apiKey = (await http().post('/v1/api-keys').set(bearer(adminToken)).send({ name: 'fuzz', redirectUrl: 'https://app.example.test/cb' }).expect(201)).body.apiKey;
    const key = await http().post(`/v1/accounts/${accountId}/access-keys`).set(bearer(adminToken)).expect(201);
    chimeKey = { accessKeyId: key.body.accessKeyId, secretAccessKey: key.body.secretAccessKey };
    const user = await createUser(app, adminToken, { prefix: 'fuzz' });
    fuzzUser = { username: user.username, password: user.password };
    targetUserId = (await createUser(app, adminToken, { prefix: 'target' })).userId;
  });
  afterAll(async () => {
    await db?.end();
    await app?.close();
  });

  const stateOf = async () => JSON.stringify((await db.query(STATE_SQL)).rows[0]);
  const auditCount = async () => Number((await db.query('SELECT count(*)::int AS n FROM audit_events')).rows[0].n);
  const tokenAlive = async (token: string) => (await http().get('/v1/auth/session').set(bearer(token))).status === 200;

  function headersFor(auth: Auth, session: { accessToken: string; userId: string }): Record<string, string> {
    switch (auth) {
      case 'none':
      case 'chime':
        return {};
      case 'user':
      case 'zap':
        return bearer(session.accessToken);
      case 'admin':
        return bearer(adminToken);
      case 'rocketchat':
        return { 'X-Auth-Token': session.accessToken, 'X-User-Id': session.userId };
      case 'uberall-key':
        return { 'X-API-KEY': apiKey };
      case 'uberall':
        return { 'X-API-KEY': apiKey, Authorization: session.accessToken };
      case 'ras':
        return { auth_token: session.accessToken };
      case 'api-key':
        return { 'X-API-Key': apiKey };
    }
  }

  /** The route's path with each `:id` replaced: fuzzed, or now and then an id that exists. */
  const pathWith = (route: Route, ids: string[]) => {
    let i = 0;
    return route.path.replace(/:id/g, () => ids[i++] ?? 'x');
  };

  /** Signed as the SDK signs: Chime's operations have no body, so the signed payload is the empty one. */
  async function signChime(method: string, pathAndQuery: string): Promise<Record<string, string>> {
    const url = new URL(`http://127.0.0.1:${port}${pathAndQuery}`);
    const unsigned = new HttpRequest({
      method,
      protocol: 'http:',
      hostname: url.hostname,
      port,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: { host: url.host },
    });
    const signer = new SignatureV4({ service: 'chime', region: 'us-east-1', credentials: chimeKey, sha256: Sha256 });
    return (await signer.sign(unsigned)).headers;
  }

  let lastStatus = 0;

  /** Sends one fuzzed request with a fresh session of the fuzz user, and checks the invariants. */
  async function check(route: Route, ids: string[], query: string, body: string | Buffer | undefined, type: string | undefined): Promise<void> {
    const session = await login(app, fuzzUser.username, fuzzUser.password);
    const path = `${pathWith(route, ids)}${query ? `?${query}` : ''}`;
    const before = await stateOf();
    const auditBefore = await auditCount();
    let headers = headersFor(route.auth, session);
    if (route.auth === 'chime') {
      try {
        headers = await signChime(route.method, path);
      } catch {
        headers = {}; // a path the signer cannot parse goes unsigned
      }
    }
    let req = http()[route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](path).set(headers);
    if (type) req = req.set('Content-Type', type);
    const res = body === undefined ? await req : await req.send(body);
    lastStatus = res.status;
    const answer: Answer = { status: res.status, headers: res.headers, body: res.body };
    const where = `${route.method} ${path.slice(0, 200)} → ${res.status} ${res.text?.slice(0, 300)}`;
    expect({ where, serverError: res.status >= 500 }).toEqual({ where, serverError: false });
    if (res.status < 400) return; // it ran: whatever it changed, it may
    expect({ where, problem: errorShapeProblem(route.surface, answer) }).toEqual({ where, problem: null });
    expect({ where, tokenAlive: await tokenAlive(session.accessToken) }).toEqual({ where, tokenAlive: true });
    expect({ where, state: await stateOf() }).toEqual({ where, state: before });
    if (malformedInput(route.surface, answer)) expect({ where, audit: await auditCount() }).toEqual({ where, audit: auditBefore });
  }

  const route = fc.constantFrom(...ROUTES);
  const ids = fc.array(fc.oneof({ weight: 4, arbitrary: pathParam }, { weight: 1, arbitrary: fc.constant('TARGET') }), { minLength: 2, maxLength: 2 });
  const realIds = (list: string[]) => list.map((id) => (id === 'TARGET' ? targetUserId : id));
  const params = { seed: SEED, numRuns: RUNS, endOnFailure: true };

  it('DTO fields with values of every type, on every body-taking route', async () => {
    await fc.assert(
      fc.asyncProperty(
        route.filter((r) => r.fields.length > 0).chain((r) => fc.tuple(fc.constant(r), dtoBody(r.fields), ids)),
        async ([r, body, list]) => check(r, realIds(list), '', body, 'application/json'),
      ),
      params,
    );
  }, TIMEOUT);

  it('raw bodies (malformed, deep, huge, not UTF-8, poisoned) with any content type, on every route', async () => {
    await fc.assert(
      fc.asyncProperty(route, rawBody, contentType, ids, async (r, body, type, list) => check(r, realIds(list), '', body, type)),
      params,
    );
  }, TIMEOUT);

  it('bad ids in path parameters and junk query strings, on every route', async () => {
    await fc.assert(
      fc.asyncProperty(
        route.chain((r) => fc.tuple(fc.constant(r), ids, queryString(r.query ?? []))),
        async ([r, list, query]) => check(r, realIds(list), query, undefined, undefined),
      ),
      params,
    );
  }, TIMEOUT);

  it('oversized, numerous and malformed headers are answered in the shape of the path\'s surface', async () => {
    const badHeaders = fc.oneof(
      fc.integer({ min: 16_500, max: 40_000 }).map((n) => ({ 'X-Big': 'a'.repeat(n) })),
      fc.integer({ min: 700, max: 2000 }).map((n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`X-H${i}`, 'v'.repeat(20)]))),
      fc.constantFrom<Record<string, string>>(
        { 'Bad Name': 'x' },
        { 'X-Ctl': 'a\u0001b' },
        { 'Content-Length': '5, 6' },
        { 'Transfer-Encoding': 'chunked, gzip' },
        { 'Content-Length': 'abc' },
        { 'X-Nul': 'a\u0000b' },
      ),
    );
    await fc.assert(
      fc.asyncProperty(route, ids, badHeaders, async (r, list, headers) => {
        const session = await login(app, fuzzUser.username, fuzzUser.password);
        const before = await stateOf();
        const path = pathWith(r, realIds(list).map((id) => (/^[\x21-\x7e]+$/.test(id) ? id : pct(id))));
        const { answers } = await exchange(port, [rawRequest(r.method, path, { ...headersFor(r.auth, session), ...headers })], { timeoutMs: 3000 });
        const where = `${r.method} ${path.slice(0, 120)} ${Object.keys(headers).slice(0, 3).join(',')} → ${answers.map((a) => `${a.status} ${a.text.slice(0, 200)}`).join(' | ')}`;
        expect({ where, count: answers.length }).toEqual({ where, count: 1 });
        expect({ where, problem: errorShapeProblem(r.surface, answers[0]) }).toEqual({ where, problem: null });
        expect({ where, tokenAlive: await tokenAlive(session.accessToken) }).toEqual({ where, tokenAlive: true });
        expect({ where, state: await stateOf() }).toEqual({ where, state: before });
      }),
      { ...params, numRuns: Math.ceil(RUNS / 3) },
    );
  }, TIMEOUT);

  it('every route that needs credentials, sent {} (or no body), gets past its guard (so the fuzzing above reaches each handler)', async () => {
    const stuck: string[] = [];
    for (const r of ROUTES.filter((route) => route.auth !== 'none')) {
      await check(r, [targetUserId, targetUserId], '', r.fields.length ? '{}' : undefined, r.fields.length ? 'application/json' : undefined);
      if (lastStatus === 401) stuck.push(`${r.method} ${r.path}`);
    }
    expect(stuck).toEqual([]);
  });
});
