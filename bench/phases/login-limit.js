// Issue 17: login p50 under a session limit of 3 with end-oldest, for a user who starts with 10,000
// live sessions, vs the same login without a limit (a user with as many sessions), alternated.
import { insertAnonymousSessions } from '../lib/seed.js';
import { bearer, call, expectStatus, percentile } from '../lib/util.js';

async function userIn(ctx, policy, tag) {
  const { a, adminToken } = ctx;
  const account = await expectStatus(call(a, 'POST', '/v1/accounts', { headers: bearer(adminToken), body: { name: `bench-${tag}-${Date.now().toString(36)}` } }), 201, `${tag} account`);
  if (policy) await expectStatus(call(a, 'PUT', `/v1/accounts/${account.id}/session-policy`, { headers: bearer(adminToken), body: policy }), 200, `${tag} policy`);
  const username = `${tag}${Date.now().toString(36)}`;
  const password = 'bench-login-password-long';
  const user = await expectStatus(
    call(a, 'POST', '/v1/users', { headers: bearer(adminToken), body: { username, email: `${username}@bench.test`, password, accountId: account.id } }),
    201,
    `${tag} user`,
  );
  await insertAnonymousSessions(ctx.db, [user.id], account.id, 10_000);
  return { username, password };
}

export async function loginLimitPhase(ctx) {
  const limited = await userIn(ctx, { maxSessions: 3, atLimit: 'end-oldest' }, 'limited');
  const free = await userIn(ctx, null, 'free');
  const login = async (u) => {
    const r = await call(ctx.a, 'POST', '/v1/auth/login', { body: { username: u.username, password: u.password } });
    if (r.status !== 200) throw new Error(`login ${u.username}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.ms;
  };
  // The first limited login ends 9,998 of the 10,000 at once; every later one ends one.
  const firstMs = await login(limited);
  await login(free);
  const limitedMs = [];
  const freeMs = [];
  for (let i = 0; i < ctx.sizes.logins + 3; i++) {
    const l = await login(limited);
    const f = await login(free);
    if (i >= 3) {
      limitedMs.push(l);
      freeMs.push(f);
    }
  }
  const result = { limitedP50: percentile(limitedMs, 50), freeP50: percentile(freeMs, 50), firstMs, n: ctx.sizes.logins };
  ctx.log(`  login under a limit: ${JSON.stringify(result)}`);
  return result;
}

export function loginLimitRows(rows, l, row) {
  rows.push(
    row(
      `6b. login p50, limit 3 + end-oldest, user at 10,000 sessions, vs no limit (n=${l.n})`,
      l.limitedP50,
      'ms',
      l.freeP50,
      'ms',
      l.limitedP50 / l.freeP50,
      '≤ 1.10×',
      l.limitedP50 / l.freeP50 <= 1.1,
    ),
  );
  rows.push(row('6b.  the first limited login (ends 9,998 sessions at once)', l.firstMs, 'ms', null, null, null, 'info', null));
}
