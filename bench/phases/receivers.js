// Issue 15: revocations reaching downstream receivers. A service instance of its own (own database, so
// the other instances' dispatchers stay out of it) with SSF push streams to a receiver in this process
// that verifies every SET against the published JWKS, as a downstream service does.
import Fastify from 'fastify';
import { createLocalJWKSet, jwtVerify } from 'jose';
import pg from 'pg';
import { row } from '../lib/report.js';
import { stopServer } from '../lib/procs.js';
import { insertKnownSessions, insertUsers } from '../lib/seed.js';
import { bearer, call, expectStatus, now, percentile } from '../lib/util.js';

const ISSUER = 'https://bench.test';
const PUSH = 'urn:ietf:rfc:8935';

export async function receiversPhase(ctx, startService, { quick, admin: adminUser }) {
  const sizes = { latency: quick ? 50 : 300, answer: quick ? 50 : 300, burst: quick ? 1000 : 10_000 };
  const dbName = `${new URL(ctx.dbUrl).pathname.slice(1)}_rx`;
  const dbUrl = Object.assign(new URL(ctx.dbUrl), { pathname: `/${dbName}` }).toString();
  const admin = new pg.Client({ connectionString: ctx.dbUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const svc = await startService('service R', { DATABASE_URL: dbUrl, ISSUER_URL: ISSUER, RECEIVERS_ALLOW_INSECURE: 'true', RECEIVERS_ALLOW_PRIVATE: 'true', DELIVERY_CONCURRENCY: '8' });
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  const receiver = Fastify();
  try {
    const login = await expectStatus(call(svc.base, 'POST', '/v1/auth/login', { body: { username: adminUser.username, password: adminUser.password } }), 200, 'admin login (R)');
    const adminToken = login.accessToken;
    const me = await expectStatus(call(svc.base, 'GET', '/v1/auth/me', { headers: bearer(adminToken) }), 200, 'me (R)');
    const jwks = createLocalJWKSet(await expectStatus(call(svc.base, 'GET', '/.well-known/jwks.json'), 200, 'jwks'));
    // sessionId → when its SET arrived verified
    const arrived = new Map();
    let verified = 0;
    receiver.addContentTypeParser('application/secevent+jwt', { parseAs: 'string' }, (_req, body, done) => done(null, body));
    receiver.post('/events', async (req, reply) => {
      const { payload } = await jwtVerify(String(req.body), jwks, { issuer: ISSUER, typ: 'secevent+jwt' });
      const sid = payload.sub_id?.session?.id;
      if (sid && !arrived.has(sid)) arrived.set(sid, now());
      verified++;
      return reply.code(202).send();
    });
    await receiver.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${receiver.server.address().port}/events`;
    const createStream = async (endpoint) =>
      (await expectStatus(call(svc.base, 'POST', '/ssf/streams', { headers: bearer(adminToken), body: { delivery: { method: PUSH, endpoint_url: endpoint } } }), 201, 'stream')).stream_id;
    const deleteStream = (id) => call(svc.base, 'DELETE', `/ssf/streams?stream_id=${id}`, { headers: bearer(adminToken) });
    // Spaced (the same for both runs) so each answer is timed on its own, not queued behind the
    // previous logout's deliveries on this machine's two cores: the figure is the answer's own cost.
    const logouts = async (sessions) => {
      const ms = [];
      for (const s of sessions) {
        const res = await call(svc.base, 'POST', '/v1/auth/logout', { headers: bearer(s.token) });
        if (res.status !== 200) throw new Error(`logout ${res.status}`);
        ms.push(res.ms);
        await new Promise((r) => setTimeout(r, 25));
      }
      return ms;
    };
    const fresh = (n) => insertKnownSessions(db, me.user.id, me.user.accountId, n);
    // A burst is many users' revocations: one user's logouts queue on that user's row (its live
    // session count), which would measure that lock, not the delivery.
    const burstUsers = await insertUsers(db, me.user.accountId, 100, 'rxburst');
    const freshBurst = async (n) => {
      const out = [];
      for (let i = 0; i < burstUsers.length; i++) out.push(...(await insertKnownSessions(db, burstUsers[i], me.user.accountId, Math.ceil(n / burstUsers.length))));
      return out.slice(0, n).sort(() => Math.random() - 0.5);
    };
    const setStatus = (id, status) => expectStatus(call(svc.base, 'POST', '/ssf/status', { headers: bearer(adminToken), body: { stream_id: id, status } }), 200, `stream ${status}`);
    const revokeAll = async (sessions) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: 16 }, async () => {
          while (next < sessions.length) {
            const s = sessions[next++];
            const res = await call(svc.base, 'POST', '/v1/auth/logout', { headers: bearer(s.token) });
            if (res.status !== 200) throw new Error(`logout ${res.status}`);
          }
        }),
      );
    };

    // Logout answer time with no receiver, then with 5 of them, one down (a closed port).
    const none = await logouts(await fresh(sizes.answer));
    const streams = [];
    for (let i = 0; i < 4; i++) streams.push(await createStream(url));
    streams.push(await createStream('http://127.0.0.1:9/events'));
    const withFive = await logouts(await fresh(sizes.answer));
    for (const id of streams) await deleteStream(id);

    // Revocation → the receiver holds the verified SET.
    const one = await createStream(url);
    const sessions = await fresh(sizes.latency);
    const delays = [];
    for (const s of sessions) {
      const started = now();
      const res = await call(svc.base, 'POST', '/v1/auth/logout', { headers: bearer(s.token) });
      if (res.status !== 200) throw new Error(`logout ${res.status}`);
      while (!arrived.has(s.sessionId)) {
        if (now() - started > 10_000) throw new Error('a SET did not arrive in 10 s');
        await new Promise((r) => setImmediate(r));
      }
      delays.push(arrived.get(s.sessionId) - started);
    }

    // A burst: revocations as fast as 16 clients make them, drained to one receiver (in order) while they are made.
    const burst = await freshBurst(sizes.burst);
    const before = verified;
    const burstStart = now();
    await revokeAll(burst);
    const revokedMs = now() - burstStart;
    // Given up after 180 s: the row then reports how far it got (a FAIL, not a crash of the run).
    while (verified - before < burst.length && now() - burstStart < 180_000) await new Promise((r) => setTimeout(r, 20));
    const drained = verified - before;
    const drainMs = now() - burstStart;

    // The dispatcher alone: the same burst written while the stream is paused, then drained once it is enabled.
    await setStatus(one, 'paused');
    await revokeAll(await freshBurst(sizes.burst));
    const beforeBacklog = verified;
    const backlogStart = now();
    await setStatus(one, 'enabled');
    while (verified - beforeBacklog < sizes.burst && now() - backlogStart < 180_000) await new Promise((r) => setTimeout(r, 20));
    const backlogDrained = verified - beforeBacklog;
    const backlogMs = now() - backlogStart;
    await deleteStream(one);
    const result = {
      latencyP50: percentile(delays, 50),
      latencyP99: percentile(delays, 99),
      noneP50: percentile(none, 50),
      fiveP50: percentile(withFive, 50),
      burst: burst.length,
      drained,
      revokedMs,
      drainMs,
      backlogDrained,
      backlogMs,
    };
    ctx.log(`  receivers: ${JSON.stringify(result)}`);
    return result;
  } finally {
    await receiver.close().catch(() => undefined);
    await db.end().catch(() => undefined);
    await stopServer(svc.server).catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
    await admin.end().catch(() => undefined);
  }
}

export function receiverRows(rows, r) {
  rows.push(row('15. revocation → receiver holds the verified SET, p50', r.latencyP50, 'ms', null, null, null, 'info', null));
  rows.push(row('15. revocation → receiver holds the verified SET, p99', r.latencyP99, 'ms', null, null, null, '< 50 ms', r.latencyP99 < 50));
  rows.push(row('15. logout answer p50, 5 receivers (1 down) vs none', r.fiveP50, 'ms', r.noneP50, 'ms', r.fiveP50 / r.noneP50, '≤ 1.1×', r.fiveP50 / r.noneP50 <= 1.1));
  // The burst's backlog is what the dispatcher has not yet delivered when the last revocation has
  // answered: its drain is the goal. The revocations' own pace (16 clients on this machine's two
  // cores, shared with the dispatcher and the receiver) is shown beside it, as is the dispatcher alone.
  const all = r.drained === r.burst;
  rows.push(row(`15. burst of ${r.burst} revocations (16 clients): answered in`, r.revokedMs / 1000, 's', null, null, null, 'info', null));
  rows.push(row('15. burst: revocations answered per second', (r.burst / r.revokedMs) * 1000, 'revocations/s', null, null, null, 'info', null));
  rows.push(
    row(
      `15. burst: its backlog drained after the last revocation answered${all ? '' : ` (only ${r.drained} of ${r.burst} delivered)`}`,
      Math.max(0, r.drainMs - r.revokedMs) / 1000,
      's',
      null,
      null,
      null,
      '< 30 s',
      all && r.drainMs - r.revokedMs < 30_000,
    ),
  );
  rows.push(row('15. burst: every SET verified at the receiver, from the first revocation', r.drainMs / 1000, 's', null, null, null, 'info', null));
  rows.push(row('15. burst drain rate (from the first revocation)', (r.drained / r.drainMs) * 1000, 'events/s', null, null, null, 'info', null));
  const backlogAll = r.backlogDrained === r.burst;
  rows.push(row(`15. backlog of ${r.burst} (written while paused) drained once enabled${backlogAll ? '' : ` (only ${r.backlogDrained})`}`, r.backlogMs / 1000, 's', null, null, null, '< 30 s', backlogAll && r.backlogMs < 30_000));
  rows.push(row('15. backlog drain rate (the dispatcher alone)', (r.backlogDrained / r.backlogMs) * 1000, 'events/s', null, null, null, 'info', null));
}
