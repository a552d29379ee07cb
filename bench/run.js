// `npm run bench`: starts everything it needs on loopback, measures, prints the table and writes BENCHMARKS.md.
// Knobs: BENCH_DURATION (s per load run, default 8), BENCH_ROUNDS (interleaved rounds of the service's routes,
// default 3), BENCH_CONNECTIONS (default 10), BENCH_QUICK=1 (small sizes),
// BENCH_PG_URL (server; default DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres),
// BENCH_SERVICE_DIR (folder holding dist/main.js; default the repo), BENCH_TIME_LIMIT_S (default 1800).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const BENCH_DIR = new URL('.', import.meta.url).pathname;
const ROOT = join(BENCH_DIR, '..');
if (!existsSync(join(BENCH_DIR, 'node_modules', 'better-auth'))) {
  process.stdout.write('Installing bench dependencies (npm ci --prefix bench)…\n');
  execFileSync('npm', ['ci', '--prefix', BENCH_DIR, '--no-audit', '--no-fund'], { stdio: 'inherit' });
}

const { connect, insertKnownSessions } = await import('./lib/seed.js');
const { startServer, stopAll, RssSampler } = await import('./lib/procs.js');
const { bearer, call, expectStatus, freePort } = await import('./lib/util.js');
const { validationPhase } = await import('./phases/validation.js');
const { loadGenerator } = await import('./lib/load.js');
const { revocationPhase } = await import('./phases/revocation.js');
const { fanoutPhase } = await import('./phases/fanout.js');
const { consumerPhase } = await import('./phases/consumer.js');
const { forcedLogoutPhase } = await import('./phases/forced-logout.js');
const { seedAudit, auditPhase } = await import('./phases/audit.js');
const { auditFiltersPhase, auditWritesPhase, forcedLogoutCurvePhase } = await import('./phases/scale.js');
const { loginPhase } = await import('./phases/login.js');
const { loginLimitPhase } = await import('./phases/login-limit.js');
const { receiversPhase } = await import('./phases/receivers.js');
const { checkpointsPhase } = await import('./phases/checkpoints.js');
const { streamsPhase } = await import('./phases/streams.js');
const { buildRows } = await import('./lib/rows.js');
const { consoleTable, machine, markdownTable } = await import('./lib/report.js');

const quick = process.env.BENCH_QUICK === '1';
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const SERVICE_NODE_FLAGS = (process.env.BENCH_NODE_FLAGS ?? pkg.config?.nodeFlags ?? '').split(' ').filter(Boolean);
const serverUrl = process.env.BENCH_PG_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const withDb = (name) => Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
const stamp = `bench_${Date.now()}`;
const ADMIN = { username: 'benchadmin', password: 'bench-admin-password-long', email: 'benchadmin@bench.test' };

const ctx = {
  duration: Number(process.env.BENCH_DURATION ?? (quick ? 2 : 8)),
  rounds: Math.max(1, Math.floor(Number(process.env.BENCH_ROUNDS ?? (quick ? 1 : 3))) || 1),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 10),
  sessions: quick ? 200 : 1000,
  sizes: quick
    ? { revocations: 100, fanoutRevocations: 60, consumerRevocations: 30, streams: 1000, userSessions: 10_000, userRuns: 3, accountSessions: 20_000, auditEvents: 100_000, auditRequests: 30, logins: 5, curveRuns: 2 }
    : { revocations: 1000, fanoutRevocations: 300, consumerRevocations: 200, streams: 1000, userSessions: 10_000, userRuns: 9, accountSessions: 100_000, auditEvents: 1_000_000, auditRequests: 100, logins: 40, curveRuns: 5 },
  dbUrl: withDb(stamp),
  betterAuthDbUrl: withDb(`${stamp}_ba`),
  rss: new RssSampler(100),
  loads: {},
  notes: [],
  log: (s) => process.stdout.write(`${s}\n`),
};

const loadAtStart = loadavg().map((v) => v.toFixed(2)).join(' ');
const admin = await connect(serverUrl);
const logDir = mkdtempSync(join(tmpdir(), 'bench-logs-'));
const limitS = Number(process.env.BENCH_TIME_LIMIT_S ?? 1800);
let cleaned = false;
async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  ctx.rss.stop();
  await ctx.db?.end().catch(() => undefined);
  await stopAll();
  for (const name of [stamp, `${stamp}_ba`]) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
  await admin.end().catch(() => undefined);
}
const watchdog = setTimeout(async () => {
  process.stderr.write(`bench exceeded ${limitS} s: stopping\n`);
  await cleanup();
  process.exit(2);
}, limitS * 1000);
watchdog.unref();

async function startService(name, env = {}) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const serviceDir = process.env.BENCH_SERVICE_DIR ?? ROOT;
  // The service runs as `npm run start:prod` runs it: with the same Node flags (package.json).
  const server = await startServer(name, process.execPath, [...SERVICE_NODE_FLAGS, join(serviceDir, 'dist', 'main.js')], {
    cwd: serviceDir,
    env: {
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: ctx.dbUrl,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'bench-data-')),
      LOG_LEVEL: 'warn',
      // Two instances on one machine: each metrics listener on a free port.
      METRICS_PORT: '0',
      BOOTSTRAP_ADMIN_USERNAME: ADMIN.username,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
      BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
      SECRETS_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
      // The login figure repeats one user's login from one address, many at once: an attempt counts
      // in the throttle until it succeeds, so concurrent ones would pass the limits and answer 429.
      LOGIN_THROTTLE_LIMIT: '1000000',
      LOGIN_THROTTLE_ADDRESS_LIMIT: '1000000',
      ...env,
    },
    probe: { base, path: '/health/live' },
    logFile: join(logDir, `${name.replace(/\W+/g, '-')}.log`),
  });
  ctx.rss.watch(name, server.pid);
  return { base, server };
}

let exitCode = 0;
let only = null;
try {
  await admin.query(`CREATE DATABASE ${stamp}`);
  await admin.query(`CREATE DATABASE ${stamp}_ba`);
  const pgVersion = (await admin.query('SHOW server_version')).rows[0].server_version;
  ctx.log(`service logs in ${logDir}`);
  ctx.log(`databases ${stamp}, ${stamp}_ba on ${new URL(serverUrl).host}`);

  // A first (it migrates and creates the admin), then B on the same database.
  const a = await startService('service A');
  const b = await startService('service B');
  Object.assign(ctx, { a: a.base, aPid: a.server.pid, b: b.base, bPid: b.server.pid, db: await connect(ctx.dbUrl) });
  const login = await expectStatus(call(ctx.a, 'POST', '/v1/auth/login', { body: { username: ADMIN.username, password: ADMIN.password } }), 200, 'admin login');
  ctx.adminToken = login.accessToken;
  const me = await expectStatus(call(ctx.a, 'GET', '/v1/auth/me', { headers: bearer(ctx.adminToken) }), 200, 'admin me');
  Object.assign(ctx, { adminUserId: me.user.id, defaultAccountId: me.user.accountId });
  ctx.apiKey = (await expectStatus(call(ctx.a, 'POST', '/v1/api-keys', { headers: bearer(ctx.adminToken), body: { name: 'bench' } }), 201, 'api key')).apiKey;
  const username = `bench${Date.now().toString(36)}`;
  const user = await expectStatus(
    call(ctx.a, 'POST', '/v1/users', { headers: bearer(ctx.adminToken), body: { username, email: `${username}@bench.test`, password: 'bench-user-password-long' } }),
    201,
    'bench user',
  );
  ctx.benchUserId = user.id;
  ctx.tokens = await insertKnownSessions(ctx.db, user.id, ctx.defaultAccountId, ctx.sessions);
  const toRevoke = await insertKnownSessions(ctx.db, user.id, ctx.defaultAccountId, ctx.sizes.revocations);
  await ctx.db.query('ANALYZE sessions');

  const results = {};
  only = process.env.BENCH_PHASES ? new Set(process.env.BENCH_PHASES.split(',')) : null;
  // Each phase starts once Postgres has stopped vacuuming what the phases before it left (up to a
  // minute): a vacuum of another phase's tables takes a core from whichever side of a ratio it overlaps.
  const waitForVacuums = async () => {
    for (const until = Date.now() + 60_000; Date.now() < until; await new Promise((r) => setTimeout(r, 500))) {
      const { rows } = await ctx.db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'`);
      if (rows[0].n === 0) return;
    }
  };
  const phase = async (key, title, fn) => {
    if (only && !only.has(key)) return;
    await waitForVacuums();
    ctx.log(title);
    ctx.rss.setPhase(key);
    results[key] = await fn();
  };
  await phase('validation', `1. token validation (${ctx.connections} connections, ${ctx.duration} s per run, ${ctx.rounds} interleaved rounds, ${ctx.sessions} rotating tokens)`, () => validationPhase(ctx));
  await phase('revocation', `2. revocation across instances (${toRevoke.length})`, () => revocationPhase(ctx, toRevoke));
  await phase('fanout', '2b. revocation as the cluster grows, and with an instance frozen or its listener stalled', () => fanoutPhase(ctx, startService));
  await phase('consumer', '7. a service behind this one, with the client library', () => consumerPhase(ctx));
  await phase('login', '6. login', () => loginPhase(ctx));
  await phase('loginLimit', '6b. login under a session limit', () => loginLimitPhase(ctx));
  await phase('receivers', '7. revocations to downstream receivers (SSF push)', () => receiversPhase(ctx, startService, { quick, admin: ADMIN }));
  await phase('streams', '8. audit streams to a SIEM: writes with one stream on vs off, a backlog drained', () => streamsPhase(ctx, startService, { quick, admin: ADMIN }));
  await phase('forcedLogout', '3. forced logout', () => forcedLogoutPhase(ctx));
  await phase('forcedLogoutCurve', '3b. forced logout vs sessions of the user (100 … 100,000)', () => forcedLogoutCurvePhase(ctx));
  await phase('checkpoints', `18. audit writes with signed checkpoints on vs off (${ctx.duration} s per run, ${ctx.rounds} rounds)`, () => checkpointsPhase(ctx, startService, { admin: ADMIN }));
  await phase('auditWrites', `4b. audit writes, one account vs 16 (${ctx.duration} s per run, ${ctx.rounds} rounds)`, () => auditWritesPhase(ctx));
  // auditFilters reads the seeded events: BENCH_PHASES=auditSeed,auditFilters runs it alone.
  await phase('auditSeed', '4. audit seed', () => seedAudit(ctx));
  if (results.auditSeed) await phase('audit', '4. audit reads and export', () => auditPhase(ctx));
  if (results.auditSeed) await phase('auditFilters', '4c. audit filters over the seeded events', () => auditFiltersPhase(ctx));
  ctx.rss.sample();

  const rows = buildRows(results, ctx);
  const phases = [...ctx.rss.max.entries()].filter(([k]) => k.includes('@')).map(([k, v]) => `${k} ${v.toFixed(0)} MiB`);
  ctx.notes.push(`RSS max per phase (sampled every 100 ms): ${phases.join(', ')}.`);
  const m = machine(pgVersion);
  const load = `load average (1/5/15 min) at start ${loadAtStart}, at end ${loadavg().map((v) => v.toFixed(2)).join(' ')}`;
  const header = `Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM; Node ${m.node}; PostgreSQL ${m.postgres}; ${m.date}; ${load}`;
  process.stdout.write(`\n${header}\n\n${consoleTable(rows)}\n\nNotes:\n${ctx.notes.map((n) => `- ${n}`).join('\n')}\n`);
  const md = [
    '# Benchmarks',
    '',
    'Generated by `npm run bench` (bench/run.js). Do not edit by hand: re-run it.',
    '',
    `- Date: ${m.date}`,
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM`,
    `- Node ${m.node}, PostgreSQL ${m.postgres}`,
    `- Machine ${load} (other work on this shared machine skews the figures when high)`,
    `- Load: ${loadGenerator === 'wrk' ? 'wrk (1 thread)' : 'autocannon (wrk not installed: apt-get install wrk leaves more CPU to the measured servers)'} in a separate process, ${ctx.connections} connections, ${ctx.duration} s per run after a warm-up; the service's own routes (constant route, session, me, introspection) in ${ctx.rounds} interleaved rounds, each figure its median round; everything (service, Postgres, load generator) shares this machine.${quick ? ' QUICK MODE (reduced sizes).' : ''}`,
    '',
    markdownTable(rows),
    '',
    '## Notes',
    '',
    ...ctx.notes.map((n) => `- ${n}`),
    '',
  ].join('\n');
  // A partial run (BENCH_PHASES) or a quick one must not replace the full table.
  if (!only && !quick) {
    writeFileSync(join(ROOT, 'BENCHMARKS.md'), md);
    ctx.log('\nwrote BENCHMARKS.md');
  }
} catch (error) {
  process.stderr.write(`bench failed: ${error.stack ?? error}\n`);
  exitCode = 2;
} finally {
  await cleanup();
}
process.exit(exitCode);
