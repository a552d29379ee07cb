// Goal 1 and the anchors: validation throughput vs a constant route, Fastify+pg and better-auth.
import { runLoad } from '../lib/load.js';
import { startServer } from '../lib/procs.js';
import { bearer, call, expectStatus, freePort, percentile } from '../lib/util.js';

const BASELINE_DIR = new URL('../baseline/', import.meta.url).pathname;

/** The run with the median throughput: one figure per route, its latencies from that same run. */
function medianRun(runs) {
  return [...runs].sort((x, y) => x.rps - y.rps)[Math.floor(runs.length / 2)];
}

/**
 * The service's routes, measured in interleaved rounds (constant route, session, …, then again): on a
 * shared machine whose speed drifts over tens of seconds, measuring each route once, one after the
 * other, would compare them at different machine speeds. Each route's figure is its median round.
 */
async function measureInterleaved(ctx, jobs) {
  const runs = Object.fromEntries(Object.keys(jobs).map((label) => [label, []]));
  for (const [label, job] of Object.entries(jobs)) {
    ctx.rss.setPhase(`load:${label}`);
    // Warm-up: fills caches and JITs both sides; not counted.
    await runLoad({ ...job, duration: Math.min(2, ctx.duration), connections: ctx.connections });
  }
  for (let round = 0; round < ctx.rounds; round++) {
    for (const [label, job] of Object.entries(jobs)) {
      ctx.rss.setPhase(`load:${label}`);
      runs[label].push(await runLoad({ ...job, duration: ctx.duration, connections: ctx.connections }));
    }
  }
  const results = {};
  for (const [label, list] of Object.entries(runs)) {
    const cpu = list.map((x) => x.cpuUs).filter((x) => x !== undefined);
    // The CPU cost per request is steadier than the throughput: its own median over the rounds.
    const r = { ...medianRun(list), cpuUs: cpu.length ? percentile(cpu, 50) : undefined };
    const cpuText = r.cpuUs === undefined ? '' : `, server CPU ${r.cpuUs.toFixed(1)} µs/request`;
    ctx.log(`  ${label}: ${Math.round(r.rps)} req/s (rounds: ${list.map((x) => Math.round(x.rps)).join(', ')}), p50 ${r.p50} ms, p99 ${r.p99} ms${cpuText}`);
    const bad = list.reduce((n, x) => n + x.non2xx + x.errors, 0);
    if (bad > 0) ctx.notes.push(`${label}: ${bad} non-2xx answers or errors during the measured runs.`);
    results[label] = r;
  }
  return results;
}

async function measure(ctx, label, job) {
  ctx.rss.setPhase(`load:${label}`);
  // Warm-up: fills caches and JITs both sides; not counted.
  await runLoad({ ...job, duration: Math.min(2, ctx.duration), connections: job.connections ?? ctx.connections });
  const r = await runLoad({ ...job, duration: ctx.duration, connections: job.connections ?? ctx.connections });
  ctx.loads[label] = r;
  ctx.log(`  ${label}: ${Math.round(r.rps)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors}`);
  if (r.non2xx > 0 || r.errors > 0) ctx.notes.push(`${label}: ${r.non2xx} non-2xx answers and ${r.errors} errors during the measured run.`);
  return r;
}

async function betterAuthRun(ctx, cookieCache) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = await startServer(`better-auth${cookieCache ? ' (cookie cache)' : ''}`, process.execPath, [`${BASELINE_DIR}better-auth-server.js`], {
    env: { PORT: String(port), DATABASE_URL: ctx.betterAuthDbUrl, MIGRATE: ctx.betterAuthMigrated ? '0' : '1', COOKIE_CACHE: cookieCache ? '1' : '0' },
    probe: { base, path: '/api/auth/ok' },
  });
  ctx.betterAuthMigrated = true;
  ctx.rss.watch('better-auth', server.pid);
  try {
    const headers = { origin: base };
    const email = `bench-${cookieCache ? 'cc' : 'db'}-${Date.now()}@bench.test`;
    const password = 'bench-password-123';
    await expectStatus(call(base, 'POST', '/api/auth/sign-up/email', { headers, body: { email, password, name: 'bench' } }), 200, 'better-auth sign-up');
    const cookies = [];
    const signIn = async () => {
      const res = await call(base, 'POST', '/api/auth/sign-in/email', { headers, body: { email, password } });
      if (res.status !== 200) throw new Error(`better-auth sign-in: ${res.status} ${JSON.stringify(res.body)}`);
      cookies.push([].concat(res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; '));
    };
    for (let i = 0; i < ctx.sessions; i += 10) await Promise.all(Array.from({ length: Math.min(10, ctx.sessions - i) }, signIn));
    const probe = await call(base, 'GET', '/api/auth/get-session', { headers: { cookie: cookies[0] } });
    if (probe.status !== 200 || !probe.body?.session) throw new Error(`better-auth get-session did not return a session: ${probe.status}`);
    return await measure(ctx, cookieCache ? 'better-auth get-session (cookie cache)' : 'better-auth get-session (DB)', {
      url: base,
      path: '/api/auth/get-session',
      tokens: cookies,
      rotate: 'cookie',
    });
  } finally {
    ctx.rss.unwatch('better-auth');
    await server.stop();
  }
}

export async function validationPhase(ctx) {
  const { a, aPid: pid, tokens, apiKey } = ctx;
  const list = tokens.map((t) => t.token);
  // Sanity: the tokens are live on both routes before they are measured.
  await expectStatus(call(a, 'GET', '/v1/auth/me', { headers: bearer(list[0]) }), 200, 'me');
  const intro = await expectStatus(call(a, 'POST', '/v1/oauth/introspect', { headers: { 'x-api-key': apiKey }, body: { token: list[1] } }), 200, 'introspect');
  if (intro.active !== true) throw new Error(`introspect answered ${JSON.stringify(intro)}`);

  const {
    'GET /health/live': health,
    'GET /v1/auth/session': session,
    'GET /v1/auth/me': me,
    'POST /v1/oauth/introspect': introspect,
  } = await measureInterleaved(ctx, {
    'GET /health/live': { url: a, pid, path: '/health/live' },
    // The guard on an authenticated endpoint: /v1/auth/session answers from the validated session alone.
    'GET /v1/auth/session': { url: a, pid, path: '/v1/auth/session', tokens: list },
    // /v1/auth/me also reads the user's profile and session rows (two queries): reported for reference.
    'GET /v1/auth/me': { url: a, pid, path: '/v1/auth/me', tokens: list },
    'POST /v1/oauth/introspect': {
      url: a,
      pid,
      path: '/v1/oauth/introspect',
      method: 'POST',
      headers: { 'x-api-key': apiKey, 'content-type': 'application/json' },
      body: {},
      tokens: list,
      rotate: 'body',
    },
  });

  // What a POST body costs before any work, on this machine: bare Fastify, and Nest on Fastify with
  // nothing of the service's, each giving the same answer to a GET and to a POST, measured interleaved.
  const bareServers = [];
  const jobs = {};
  let bare;
  try {
    for (const [name, file] of [
      ['bare Fastify', 'fastify-bare-server.js'],
      ['bare Nest', 'nest-bare-server.js'],
    ]) {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const server = await startServer(name, process.execPath, [`${BASELINE_DIR}${file}`], { env: { PORT: String(port) }, probe: { base, path: '/answer' } });
      bareServers.push(server);
      const { pid } = server;
      jobs[`${name} GET`] = { url: base, pid, path: '/answer' };
      // The same request shape as introspection (headers, a rotating token-sized body), with made-up values.
      jobs[`${name} POST`] = { url: base, pid, path: '/answer', method: 'POST', headers: { 'x-api-key': `sk_${'x'.repeat(43)}`, 'content-type': 'application/json' }, body: {}, tokens: list.map((_, i) => `sat_${String(i).padStart(43, 'x')}`), rotate: 'body' };
    }
    bare = await measureInterleaved(ctx, jobs);
  } finally {
    for (const server of bareServers) await server.stop();
  }
  const { 'bare Fastify GET': bareGet, 'bare Fastify POST': barePost, 'bare Nest GET': nestGet, 'bare Nest POST': nestPost } = bare;

  const fpPort = await freePort();
  const fpBase = `http://127.0.0.1:${fpPort}`;
  const fp = await startServer('fastify+pg', process.execPath, [`${BASELINE_DIR}fastify-pg-server.js`], {
    env: { PORT: String(fpPort), DATABASE_URL: ctx.dbUrl },
    probe: { base: fpBase, path: '/session' },
  });
  let fastifyPg;
  try {
    await expectStatus(call(fpBase, 'GET', '/session', { headers: bearer(list[2]) }), 200, 'fastify+pg');
    fastifyPg = await measure(ctx, 'Fastify+pg SELECT by token hash', { url: fpBase, path: '/session', tokens: list });
  } finally {
    await fp.stop();
  }

  const baDb = await betterAuthRun(ctx, false);
  let baCookie = null;
  try {
    baCookie = await betterAuthRun(ctx, true);
  } catch (error) {
    ctx.notes.push(`better-auth cookie-cache mode not measured: ${error.message}`);
  }
  return { health, session, me, introspect, fastifyPg, baDb, baCookie, bareGet, barePost, nestGet, nestPost };
}
