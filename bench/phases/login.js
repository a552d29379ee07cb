// Goal 6: login p50 vs one argon2id verify at the service's configured cost, measured here.
import { Algorithm, hash, verify } from '@node-rs/argon2';
import { startServer } from '../lib/procs.js';
import { bearer, call, expectStatus, freePort, now, percentile, sleep } from '../lib/util.js';

const BASELINE_DIR = new URL('../baseline/', import.meta.url).pathname;

export async function loginPhase(ctx) {
  const { a, adminToken } = ctx;
  const memoryCost = Number(process.env.ARGON2_MEMORY_KIB ?? 19456);
  const timeCost = Number(process.env.ARGON2_ITERATIONS ?? 2);
  const password = 'bench-login-password-long';
  const username = `login${Date.now().toString(36)}`;
  await expectStatus(call(a, 'POST', '/v1/users', { headers: bearer(adminToken), body: { username, email: `${username}@bench.test`, password } }), 201, 'create login user');

  const params = { algorithm: Algorithm.Argon2id, memoryCost, timeCost, parallelism: 1 };
  const encoded = await hash(password, params);

  // The floor any service meets on this machine: bare Fastify + pg + argon2id, one SELECT, the
  // verification, one durable INSERT (bench/baseline/fastify-login-server.js), on the baseline database.
  const barePort = await freePort();
  const bareBase = `http://127.0.0.1:${barePort}`;
  const bare = await startServer('bare login', process.execPath, [`${BASELINE_DIR}fastify-login-server.js`], {
    env: { PORT: String(barePort), DATABASE_URL: ctx.betterAuthDbUrl, ARGON2_MEMORY_KIB: String(memoryCost), ARGON2_ITERATIONS: String(timeCost) },
    probe: { base: bareBase, path: '/login' },
  });
  ctx.rss.watch('bare login', bare.pid);
  // Verifications, logins and bare logins alternate, so all three see the same machine: on this
  // shared VM the speed of one argon2id verification drifts by a third between minutes.
  const verifyMs = [];
  const loginMs = [];
  const bareMs = [];
  try {
    await expectStatus(call(bareBase, 'POST', '/users', { body: { username, password } }), 200, 'bare login user');
    for (let i = 0; i < ctx.sizes.logins + 3; i++) {
      const started = now();
      if (!(await verify(encoded, password))) throw new Error('argon2 verify failed');
      const verified = now() - started;
      const r = await call(a, 'POST', '/v1/auth/login', { body: { username, password } });
      if (r.status !== 200) throw new Error(`login: ${r.status} ${JSON.stringify(r.body)}`);
      const b = await call(bareBase, 'POST', '/login', { body: { username, password } });
      if (b.status !== 200) throw new Error(`bare login: ${b.status} ${JSON.stringify(b.body)}`);
      if (i >= 3) {
        verifyMs.push(verified);
        loginMs.push(r.ms);
        bareMs.push(b.ms);
      }
    }
  } finally {
    ctx.rss.unwatch('bare login');
    await bare.stop();
  }
  // The fixed costs a login pays besides the hash, on this machine: one HTTP round trip to the
  // service, and one Postgres round trip after the process slept about as long as a verification.
  const httpMs = [];
  const pgMs = [];
  for (let i = 0; i < ctx.sizes.logins; i++) {
    httpMs.push((await call(a, 'GET', '/health/live')).ms);
    await sleep(8);
    const started = now();
    await ctx.db.query('SELECT 1');
    pgMs.push(now() - started);
  }
  const result = {
    loginP50: percentile(loginMs, 50),
    verifyP50: percentile(verifyMs, 50),
    bareP50: percentile(bareMs, 50),
    httpP50: percentile(httpMs, 50),
    pgIdleP50: percentile(pgMs, 50),
    memoryCost,
    timeCost,
    n: ctx.sizes.logins,
  };
  ctx.log(`  login: ${JSON.stringify(result)}`);
  return result;
}
