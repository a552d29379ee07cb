// Issue 16: a service behind this one validating with the client library (packages/client), against
// its own constant route and against introspection over HTTP per request; revocation → refused by
// that consumer; and 1,000 invalidation streams held by one instance (memory, fan-out time).
import http from 'node:http';
import { insertKnownSessions } from '../lib/seed.js';
import { runLoad } from '../lib/load.js';
import { startServer } from '../lib/procs.js';
import { bearer, call, expectStatus, freePort, now, percentile, sleep } from '../lib/util.js';

const BASELINE_DIR = new URL('../baseline/', import.meta.url).pathname;

async function interleaved(ctx, jobs) {
  const runs = Object.fromEntries(Object.keys(jobs).map((k) => [k, []]));
  for (const job of Object.values(jobs)) await runLoad({ ...job, duration: Math.min(2, ctx.duration), connections: ctx.connections });
  for (let round = 0; round < ctx.rounds; round++) {
    for (const [label, job] of Object.entries(jobs)) runs[label].push(await runLoad({ ...job, duration: ctx.duration, connections: ctx.connections }));
  }
  const out = {};
  for (const [label, list] of Object.entries(runs)) {
    out[label] = [...list].sort((x, y) => x.rps - y.rps)[Math.floor(list.length / 2)];
    ctx.log(`  ${label}: ${Math.round(out[label].rps)} req/s (rounds ${list.map((x) => Math.round(x.rps)).join(', ')}), p99 ${out[label].p99} ms`);
  }
  return out;
}

/** Opens an SSE stream on `base`; calls `onEvent(type)` per event; resolves once connected. */
function openStream(base, apiKey, onEvent) {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL('/v1/invalidations', base), { headers: { 'x-api-key': apiKey, accept: 'text/event-stream' }, agent: false }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream: ${res.statusCode}`));
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const type = /^event: (.*)$/m.exec(block)?.[1];
          if (type) onEvent(type);
        }
      });
      resolve(req);
    });
    req.on('error', reject);
    req.end();
  });
}

function rssMiB(pid) {
  // Read by the RssSampler's way: VmRSS of /proc.
  return import('node:fs').then(({ readFileSync }) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024);
}

export async function consumerPhase(ctx) {
  const { a, b, adminToken } = ctx;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const consumer = await startServer('consumer (client library)', process.execPath, [`${BASELINE_DIR}consumer-server.js`], {
    env: { PORT: String(port), SERVICE_URL: b, API_KEY: ctx.apiKey },
    probe: { base, path: '/constant' },
  });
  ctx.rss.watch('consumer', consumer.pid);
  const result = {};
  try {
    for (let i = 0; i < 100 && !(await call(base, 'GET', '/trusted')).body.trusted; i++) await sleep(50);
    const tokens = ctx.tokens.map((t) => t.token);
    for (const token of tokens) await expectStatus(call(base, 'GET', '/cached', { headers: bearer(token) }), 200, 'consumer warm-up');
    const pid = consumer.pid;
    const load = await interleaved(ctx, {
      // The same requests (a rotating bearer token the route ignores), so the load generator's own cost is alike on both.
      'consumer constant route': { url: base, pid, path: '/constant', tokens },
      'consumer with the client library (cache hit)': { url: base, pid, path: '/cached', tokens },
      'consumer calling introspection per request': { url: base, pid, path: '/introspect', tokens },
    });
    result.constant = load['consumer constant route'];
    result.cached = load['consumer with the client library (cache hit)'];
    result.introspect = load['consumer calling introspection per request'];
    const stats = (await call(base, 'GET', '/trusted')).body.stats;
    result.hitRatio = stats.hits / Math.max(1, stats.hits + stats.misses);

    // Revocation on A → the consumer (streaming from B) refuses: time from A's answer to the first 401.
    const sessions = await insertKnownSessions(ctx.db, ctx.benchUserId, ctx.defaultAccountId, ctx.sizes.consumerRevocations);
    const delays = [];
    let served = 0;
    for (const { token } of sessions) {
      for (let k = 0; k < 2; k++) await expectStatus(call(base, 'GET', '/cached', { headers: bearer(token) }), 200, 'consumer warm');
      const res = await call(a, 'POST', '/v1/auth/logout', { headers: bearer(token) });
      if (res.status !== 200) throw new Error(`logout: ${res.status}`);
      for (;;) {
        const r = await call(base, 'GET', '/cached', { headers: bearer(token) });
        if (r.status === 401) {
          delays.push(r.at - res.at);
          break;
        }
        served++;
        if (now() - res.at > 2000) throw new Error('the consumer kept accepting a revoked token for 2 s');
      }
    }
    result.revocation = { n: sessions.length, p50: percentile(delays, 50), p99: percentile(delays, 99), served };
    ctx.log(`  revocation → consumer refuses: ${JSON.stringify(result.revocation)}`);
  } finally {
    ctx.rss.unwatch('consumer');
    await consumer.stop();
  }

  // 1,000 streams on B: memory per stream, and one revocation reaching all of them.
  const streams = ctx.sizes.streams;
  const bPid = ctx.bPid;
  const before = await rssMiB(bPid);
  const opened = [];
  const waiting = new Map();
  for (let i = 0; i < streams; i++) {
    const index = i;
    opened.push(await openStream(b, ctx.apiKey, (type) => type === 'invalidation' && waiting.get(index)?.()));
  }
  await sleep(1000);
  const after = await rssMiB(bPid);
  const fanout = [];
  try {
    for (const { token } of await insertKnownSessions(ctx.db, ctx.benchUserId, ctx.defaultAccountId, 5)) {
      const arrived = Array.from({ length: streams }, (_, index) => new Promise((resolve) => waiting.set(index, () => resolve(now()))));
      const res = await call(a, 'POST', '/v1/auth/logout', { headers: bearer(token) });
      if (res.status !== 200) throw new Error(`logout: ${res.status}`);
      const times = await Promise.all(arrived);
      for (const t of times) fanout.push(t - res.at);
      waiting.clear();
    }
  } finally {
    for (const req of opened) req.destroy();
  }
  result.streams = { n: streams, rssBefore: before, rssAfter: after, perStreamKiB: ((after - before) * 1024) / streams, p50: percentile(fanout, 50), p99: percentile(fanout, 99) };
  ctx.log(`  ${streams} streams: ${JSON.stringify(result.streams)}`);
  return result;
}
