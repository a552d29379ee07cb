// Issue 18: signed audit checkpoints must not slow the trail down. The same audit writes (forced logouts,
// one event each) against a service with checkpoints off and one with them on (10× more often than the
// default, both sinks: a directory and a local HTTP receiver through the outbox), each on a database of
// its own (the job checkpoints every chain of its database), in interleaved rounds.
import http from 'node:http';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, insertUsers } from '../lib/seed.js';
import { row } from '../lib/report.js';
import { bearer, call, expectStatus, now, percentile } from '../lib/util.js';

const CONCURRENCY = 16;

export async function checkpointsPhase(ctx, startService, { admin }) {
  const base = new URL(ctx.dbUrl);
  const dbName = base.pathname.slice(1);
  const names = { off: `${dbName}_cpoff`, on: `${dbName}_cpon` };
  const urlOf = (name) => Object.assign(new URL(ctx.dbUrl), { pathname: `/${name}` }).toString();
  for (const name of Object.values(names)) await ctx.db.query(`CREATE DATABASE ${name}`);

  // Checkpoints the sink received, by id: delivery is at least once (a kept-alive connection reset as
  // it is reused is sent again, with the same idempotency key), so a repeat is counted apart.
  const receivedIds = new Set();
  let requests = 0;
  const receiver = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      requests++;
      receivedIds.add(JSON.parse(Buffer.concat(chunks).toString('utf8')).id);
      res.writeHead(204).end();
    });
  });
  await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const dir = mkdtempSync(join(tmpdir(), 'bench-checkpoints-'));
  const services = {};
  const dbs = {};
  try {
    services.off = await startService('checkpoints off', { DATABASE_URL: urlOf(names.off), AUDIT_CHECKPOINT_EVERY_EVENTS: '0', AUDIT_CHECKPOINT_INTERVAL_SECONDS: '0' });
    services.on = await startService('checkpoints on', {
      DATABASE_URL: urlOf(names.on),
      AUDIT_CHECKPOINT_EVERY_EVENTS: '100',
      AUDIT_CHECKPOINT_INTERVAL_SECONDS: '300',
      AUDIT_CHECKPOINT_CHECK_MS: '1000',
      AUDIT_CHECKPOINT_DIR: dir,
      AUDIT_CHECKPOINT_URL: `http://127.0.0.1:${receiver.address().port}/checkpoints`,
      RECEIVERS_ALLOW_INSECURE: 'true',
      RECEIVERS_ALLOW_PRIVATE: 'true',
    });
    const world = {};
    for (const key of ['off', 'on']) {
      const svc = services[key].base;
      const login = await expectStatus(call(svc, 'POST', '/v1/auth/login', { body: { username: admin.username, password: admin.password } }), 200, `admin login (${key})`);
      const me = await expectStatus(call(svc, 'GET', '/v1/auth/me', { headers: bearer(login.accessToken) }), 200, `admin me (${key})`);
      dbs[key] = await connect(urlOf(names[key]));
      const targets = await insertUsers(dbs[key], me.user.accountId, CONCURRENCY, `cp${key}-`);
      world[key] = { svc, token: login.accessToken, targets };
    }
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const durationMs = ctx.duration * 1000;
    async function drive({ svc, token, targets }) {
      let done = 0;
      let failed = 0;
      const until = now() + durationMs;
      await Promise.all(
        targets.map(async (target) => {
          while (now() < until) {
            const res = await call(svc, 'POST', `/v1/users/${target}/logout`, { headers: bearer(token), body: { reason: 'bench checkpoints' }, agent });
            if (res.status === 200) done++;
            else failed++;
          }
        }),
      );
      if (failed > 0) throw new Error(`checkpoint writes: ${failed} failed requests`);
      return done / (durationMs / 1000);
    }
    await drive(world.off); // warm-up
    await drive(world.on);
    const off = [];
    const on = [];
    for (let round = 0; round < ctx.rounds; round++) {
      off.push(await drive(world.off));
      on.push(await drive(world.on));
    }
    agent.destroy();
    // The job's last pass and the outbox settle (bounded), then the trail is checked against the directory.
    const madeNow = async () => (await dbs.on.query(`SELECT count(*)::int AS n FROM audit_checkpoints`)).rows[0].n;
    let made = 0;
    for (const settle = now() + 20_000; now() < settle; ) {
      await new Promise((r) => setTimeout(r, 250));
      made = await madeNow();
      if (made > 0 && receivedIds.size >= made) break;
    }
    const verify = await expectStatus(call(world.on.svc, 'GET', '/v1/audit/verify?checkpoints=directory', { headers: bearer(world.on.token), timeoutMs: 120_000 }), 200, 'verify');
    // The job may make more as the last writes land (and meanwhile): the three counts are taken together, once they agree.
    let files = readdirSync(dir).length;
    for (const settle = now() + 20_000; now() < settle && !(made === files && files === receivedIds.size); ) {
      await new Promise((r) => setTimeout(r, 250));
      made = await madeNow();
      files = readdirSync(dir).length;
    }
    const received = receivedIds.size;
    const result = {
      off: percentile(off, 50),
      on: percentile(on, 50),
      checkpoints: made,
      files,
      received,
      repeats: requests - received,
      verifyOk: verify.ok && (verify.checkpoints ?? []).length > 0,
    };
    ctx.log(`  checkpoints: ${JSON.stringify(result)}`);
    return result;
  } finally {
    for (const db of Object.values(dbs)) await db.end().catch(() => undefined);
    for (const s of Object.values(services)) await s.server.stop().catch(() => undefined);
    receiver.close();
    for (const name of Object.values(names)) await ctx.db.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
  }
}

export function checkpointRows(rows, r) {
  rows.push(
    row('18. Audit writes (forced logouts, 16 clients): checkpoints on (every 100 events, 2 sinks) vs off', r.on, 'events/s', r.off, 'events/s', r.on / r.off, '≥ 0.90×', r.on / r.off >= 0.9),
  );
  const all = r.received === r.checkpoints && r.files === r.checkpoints;
  rows.push(
    row(`18.   checkpoints made / in the directory / at the HTTP sink (${r.repeats} sent again: at least once); the trail verifies against them`, `${r.checkpoints} / ${r.files} / ${r.received}`, null, null, null, null, 'all, ok', all && r.verifyOk),
  );
}
