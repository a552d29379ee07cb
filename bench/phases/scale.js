// Issue 13: forced logout in constant time whatever the sessions, one account's audit writes as fast as
// many accounts', every audit filter indexed. Each phase runs alone with BENCH_PHASES (see run.js).
import http from 'node:http';
import { insertAnonymousSessions, insertUsers, settleSessions } from '../lib/seed.js';
import { bearer, call, expectStatus, now, percentile, sleep } from '../lib/util.js';

/** The service marks the revoked rows after answering: wait for it so that runs don't overlap (bounded). */
async function waitMarked(db, userId, limitMs, column = 'user_id') {
  const started = now();
  while (now() - started < limitMs) {
    const { rows } = await db.query(`SELECT EXISTS (SELECT 1 FROM sessions WHERE ${column} = $1 AND revoked_at IS NULL) AS left`, [userId]);
    if (!rows[0].left) return;
    await sleep(20);
  }
}

/** Forced logout of one user with 100 / 1,000 / 10,000 / 100,000 live sessions: the answer time per size. */
export async function forcedLogoutCurvePhase(ctx) {
  const { a, db, adminToken, defaultAccountId } = ctx;
  const sizes = [100, 1_000, 10_000, 100_000];
  const runs = ctx.sizes.curveRuns;
  const curve = [];
  for (const size of sizes) {
    const users = await insertUsers(db, defaultAccountId, runs, `curve${size}-`);
    const seedMs = await insertAnonymousSessions(db, users, defaultAccountId, size);
    await settleSessions(db);
    const ms = [];
    for (const userId of users) {
      const res = await call(a, 'POST', `/v1/users/${userId}/logout`, { headers: bearer(adminToken), body: { reason: 'bench curve' } });
      if (res.status !== 200 || res.body.revokedCount !== size) throw new Error(`curve logout ${size}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      ms.push(res.ms);
      await waitMarked(db, userId, 20_000);
    }
    curve.push({ size, p50: percentile(ms, 50), max: Math.max(...ms), runs, seedMs: Math.round(seedMs) });
  }
  ctx.log(`  forced logout curve: ${JSON.stringify(curve)}`);
  // Account-wide logout of an account of 100 users with 1,000 and 100,000 sessions between them: the
  // count comes from the users' maintained counts, so the answer should not grow with the sessions.
  const accountUsers = 100;
  const accountCurve = [];
  for (const size of [1_000, 100_000]) {
    const ms = [];
    for (let run = 0; run < Math.max(2, Math.ceil(runs / 2)); run++) {
      const account = await expectStatus(call(a, 'POST', '/v1/accounts', { headers: bearer(adminToken), body: { name: `bench-acct-curve-${size}-${run}-${Date.now()}` } }), 201, 'create account');
      const users = await insertUsers(db, account.id, accountUsers, `acurve${size}-${run}-`);
      await insertAnonymousSessions(db, users, account.id, size / accountUsers);
      await settleSessions(db);
      const res = await call(a, 'POST', `/v1/accounts/${account.id}/logout`, { headers: bearer(adminToken), body: { reason: 'bench account curve' } });
      if (res.status !== 200 || res.body.revokedCount !== size) throw new Error(`account logout ${size}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      ms.push(res.ms);
      await waitMarked(db, account.id, 30_000, 'account_id');
    }
    accountCurve.push({ size, users: accountUsers, p50: percentile(ms, 50), max: Math.max(...ms), runs: ms.length });
  }
  ctx.log(`  account-wide logout curve: ${JSON.stringify(accountCurve)}`);
  return { curve, accountCurve };
}

/**
 * Audit writes: forced logouts (each one audit event; the targets have no live session, so nothing
 * else is written) by `concurrency` clients for `durationS`, all in ONE account vs spread over 16
 * accounts, in alternating rounds; throughput in events per second.
 */
export async function auditWritesPhase(ctx) {
  const { a, db, adminToken, defaultAccountId } = ctx;
  const stamp = Date.now().toString(36);
  const { rows: accounts } = await db.query(`INSERT INTO accounts (name) SELECT 'bench-writes-' || $1 || '-' || g FROM generate_series(1, 16) g RETURNING id`, [stamp]);
  const spread = [];
  for (const { id } of accounts) spread.push(...(await insertUsers(db, id, 4, `w${stamp}-${spread.length}-`)));
  const single = await insertUsers(db, defaultAccountId, 64, `w${stamp}-one-`);
  // Interleave so that worker i of the spread run writes to account i % 16.
  const spreadTargets = Array.from({ length: 64 }, (_, i) => spread[(i % 16) * 4 + Math.floor(i / 16)]);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const durationMs = ctx.duration * 1000;

  async function drive(targets, concurrency) {
    let done = 0;
    let failed = 0;
    const until = now() + durationMs;
    await Promise.all(
      Array.from({ length: concurrency }, async (_, i) => {
        while (now() < until) {
          const res = await call(a, 'POST', `/v1/users/${targets[i]}/logout`, { headers: bearer(adminToken), body: { reason: 'bench writes' }, agent });
          if (res.status === 200) done++;
          else failed++;
        }
      }),
    );
    if (failed > 0) throw new Error(`audit writes: ${failed} failed requests`);
    return done / (durationMs / 1000);
  }

  const result = {};
  for (const concurrency of [16, 64]) {
    await drive(single, concurrency); // warm-up
    const one = [];
    const many = [];
    for (let round = 0; round < ctx.rounds; round++) {
      one.push(await drive(single, concurrency));
      many.push(await drive(spreadTargets, concurrency));
    }
    result[concurrency] = { one: percentile(one, 50), many: percentile(many, 50) };
  }
  agent.destroy();
  // The trail of the one account still verifies.
  const verify = await expectStatus(call(a, 'GET', '/v1/audit/verify', { headers: bearer(adminToken), timeoutMs: 120_000 }), 200, 'verify');
  const { rows: stripes } = await db.query(`SELECT count(DISTINCT coalesce(chain_stripe, 0))::int AS n FROM audit_events WHERE account_id = $1 AND reason = 'bench writes'`, [defaultAccountId]);
  result.verifyOk = verify.ok;
  result.verifyChecked = verify.checked;
  result.stripesUsed = stripes[0].n;
  ctx.log(`  audit writes: ${JSON.stringify(result)}`);
  return result;
}

/** p95 of GET /v1/audit/events with each filter the API offers, over the seeded events (none or few match). */
export async function auditFiltersPhase(ctx) {
  const { a, adminToken } = ctx;
  const headers = bearer(adminToken);
  const day = new Date(Date.now() - 100 * 86_400_000);
  const filters = [
    ['outcome=denied', 'outcome=denied'],
    ['reason text, no match', 'reason=no%20such%20reason%20anywhere'],
    ['reason text, 10% match', 'reason=bench'],
    ['surface=zap', 'surface=zap'],
    ['actorUserId, no match', 'actorUserId=00000000-0000-4000-8000-00000000dead'],
    ['targetUserId, no match', 'targetUserId=00000000-0000-4000-8000-00000000dead'],
    ['two rare actions', 'action=client.revoked,access_key.revoked'],
    ['two common actions', 'action=session.logout,auth.login_failed'],
    ['one day, 100 days back', `from=${day.toISOString()}&to=${new Date(day.getTime() + 86_400_000).toISOString()}`],
  ];
  const result = [];
  for (const [label, query] of filters) {
    const path = `/v1/audit/events?${query}&limit=50`;
    const ms = [];
    for (let i = 0; i < 3; i++) await expectStatus(call(a, 'GET', path, { headers }), 200, label);
    for (let i = 0; i < ctx.sizes.auditRequests; i++) {
      const res = await call(a, 'GET', path, { headers });
      if (res.status !== 200) throw new Error(`${label}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      ms.push(res.ms);
    }
    result.push({ label, p50: percentile(ms, 50), p95: percentile(ms, 95), n: ms.length });
  }
  ctx.log(`  audit filters: ${JSON.stringify(result)}`);
  return { filters: result, events: ctx.sizes.auditEvents };
}
