// Issue 18 part 3: audit streams to a SIEM. The audit write path with one stream on vs off (same run,
// alternating rounds), and a backlog of 100,000 events drained to a local NDJSON receiver.
import { createHmac } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import { insertUsers } from '../lib/seed.js';
import { bearer, call, expectStatus, now, percentile, sleep } from '../lib/util.js';

const HMAC_KEY = 'bench-stream-hmac-key-of-at-least-32-chars';

/** A SIEM's NDJSON intake on loopback: checks each batch's signature, counts events, notes any out of order or repeated. */
function startReceiver() {
  const state = { events: 0, batches: 0, badSignatures: 0, outOfOrder: 0, repeats: 0, lastId: 0n, seen: new Set() };
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const expected = `v1=${createHmac('sha256', HMAC_KEY).update(`${req.headers['x-audit-timestamp']}.${body}`).digest('hex')}`;
      if (req.headers['x-audit-signature'] !== expected) {
        state.badSignatures++;
        res.writeHead(401).end();
        return;
      }
      state.batches++;
      for (const line of body.split('\n')) {
        if (!line) continue;
        const id = BigInt(JSON.parse(line).id);
        if (state.seen.has(id)) state.repeats++;
        else state.seen.add(id);
        if (id <= state.lastId) state.outOfOrder++;
        state.lastId = id;
        state.events++;
      }
      res.writeHead(200).end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, state, url: `http://127.0.0.1:${server.address().port}/ndjson` })));
}

/** An account with an admin (to configure its stream) and `n` users with no session (forced logout = one audit event each). */
async function benchAccount({ db, adminToken }, base, label, n) {
  const { rows } = await db.query(`INSERT INTO accounts (name) VALUES ($1) RETURNING id`, [`bench-streams-${label}-${Date.now().toString(36)}`]);
  const accountId = rows[0].id;
  const username = `streams${label}${Date.now().toString(36)}`;
  const password = 'bench-streams-admin-password';
  await expectStatus(call(base, 'POST', '/v1/users', { headers: bearer(adminToken), body: { username, email: `${username}@bench.test`, password, accountId, roles: ['admin'] } }), 201, 'stream admin');
  const login = await expectStatus(call(base, 'POST', '/v1/auth/login', { body: { username, password } }), 200, 'stream admin login');
  return { accountId, token: login.accessToken, users: await insertUsers(db, accountId, n, `s${label}-`) };
}

export async function streamsPhase(ctx, startService, { quick, admin: adminUser }) {
  // Its own database and instance: a receiver on loopback needs RECEIVERS_ALLOW_PRIVATE / _INSECURE on
  // every instance that delivers (the other instances' dispatchers would refuse its URL).
  const dbName = `${new URL(ctx.dbUrl).pathname.slice(1)}_siem`;
  const dbUrl = Object.assign(new URL(ctx.dbUrl), { pathname: `/${dbName}` }).toString();
  const owner = new pg.Client({ connectionString: ctx.dbUrl });
  await owner.connect();
  await owner.query(`CREATE DATABASE ${dbName}`);
  const svc = await startService('service S (streams)', { DATABASE_URL: dbUrl, RECEIVERS_ALLOW_INSECURE: 'true', RECEIVERS_ALLOW_PRIVATE: 'true' });
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  const receiver = await startReceiver();
  try {
    return await measure(ctx, svc.base, db, receiver, { quick, adminUser });
  } finally {
    receiver.server.close();
    await db.end().catch(() => undefined);
    await svc.server.stop().catch(() => undefined);
    await owner.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
    await owner.end().catch(() => undefined);
  }
}

async function measure(ctx, base, db, receiver, { quick, adminUser }) {
  const login = await expectStatus(call(base, 'POST', '/v1/auth/login', { body: { username: adminUser.username, password: adminUser.password } }), 200, 'admin login (S)');
  const concurrency = 16;
  const on = await benchAccount({ db, adminToken: login.accessToken }, base, 'on', concurrency);
  const off = await benchAccount({ db, adminToken: login.accessToken }, base, 'off', concurrency);
  const stream = await expectStatus(
    call(base, 'POST', '/v1/audit/streams', { headers: bearer(on.token), body: { name: 'bench', kind: 'http', url: receiver.url, hmacKey: HMAC_KEY } }),
    201,
    'stream',
  );
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const durationMs = ctx.duration * 1000;

  /** Forced logouts of the account's users (each writes one audit event, and one outbox row per stream) for the duration: events/s. */
  async function drive(account) {
    let done = 0;
    const until = now() + durationMs;
    await Promise.all(
      account.users.map(async (userId) => {
        while (now() < until) {
          const res = await call(base, 'POST', `/v1/users/${userId}/logout`, { headers: bearer(account.token), body: { reason: 'bench streams' }, agent });
          if (res.status !== 200) throw new Error(`stream writes: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
          done++;
        }
      }),
    );
    return done / (durationMs / 1000);
  }

  await drive(off);
  await drive(on);
  const offRates = [];
  const onRates = [];
  for (let round = 0; round < ctx.rounds; round++) {
    offRates.push(await drive(off));
    onRates.push(await drive(on));
  }
  agent.destroy();
  const written = (await db.query(`SELECT count(*)::int AS n FROM outbox WHERE destination_id = $1`, [stream.id])).rows[0].n;
  // Let the live stream catch up before the backlog run.
  const catchUp = now();
  while (receiver.state.events < written && now() - catchUp < 120_000) await sleep(50);
  const liveDelivered = receiver.state.events;
  const liveBatches = receiver.state.batches;

  ctx.log(`  streams: writes off ${JSON.stringify(offRates)} on ${JSON.stringify(onRates)} events/s; ${liveDelivered} of ${written} live events delivered`);

  // The backlog: 100,000 events of the account (the chain trigger runs for each), written with their
  // outbox rows (as the audit writer writes them: the payload notes the event's key) in transactions
  // of 1,000 while the stream is paused; timed from the moment it is
  // enabled again until the receiver has every one.
  const size = quick ? 20_000 : 100_000;
  await expectStatus(call(base, 'PATCH', `/v1/audit/streams/${stream.id}`, { headers: bearer(on.token), body: { paused: true } }), 200, 'pause');
  const seeded = [];
  for (let done = 0; done < size; done += 1000) {
    const { rows } = await db.query(
      `WITH e AS (
         INSERT INTO audit_events (action, outcome, account_id, session_ids, session_count, surface, request_id, reason, dry_run, details)
         SELECT 'session.forced_logout', 'success', $1, '{}', 0, 'native', 'bench-backlog-' || g, 'bench backlog', false, '{}'::jsonb
           FROM generate_series(1, $2) g
         RETURNING id, occurred_at)
       INSERT INTO outbox (destination_kind, destination_id, account_id, audit_event_id, payload)
       SELECT 'audit_http', $3, $1, id, jsonb_build_object('occurredAt', occurred_at) FROM e ORDER BY id
       RETURNING id`,
      [on.accountId, Math.min(1000, size - done), stream.id],
    );
    seeded.push(...rows);
  }
  // (The paused head is looked at once a second: the timing includes up to that second.)
  // Live events of concurrent writers may arrive out of id order (in the order their transactions
  // committed); the backlog, written in order, must arrive in order.
  const liveOutOfOrder = receiver.state.outOfOrder;
  receiver.state.outOfOrder = 0;
  const before = receiver.state.events;
  await expectStatus(call(base, 'PATCH', `/v1/audit/streams/${stream.id}`, { headers: bearer(on.token), body: { paused: false } }), 200, 'enable');
  const started = now();
  while (receiver.state.events - before < seeded.length && now() - started < 600_000) await sleep(20);
  const drainS = (now() - started) / 1000;
  // The stream's own status agrees once the last batch is recorded.
  let status;
  for (const settle = now(); now() - settle < 30_000; await sleep(100)) {
    status = await expectStatus(call(base, 'GET', `/v1/audit/streams/${stream.id}/status`, { headers: bearer(on.token) }), 200, 'stream status');
    if (status.pending === 0) break;
  }

  const result = {
    off: percentile(offRates, 50),
    on: percentile(onRates, 50),
    offRates,
    onRates,
    written,
    liveDelivered,
    liveBatches,
    backlog: seeded.length,
    backlogDelivered: receiver.state.events - before,
    drainS,
    drainRate: (receiver.state.events - before) / drainS,
    pendingAfter: status.pending,
    outOfOrder: receiver.state.outOfOrder,
    liveOutOfOrder,
    repeats: receiver.state.repeats,
    badSignatures: receiver.state.badSignatures,
    batches: receiver.state.batches,
  };
  ctx.log(`  streams: ${JSON.stringify(result)}`);
  return result;
}
