// Goal 3: O(1) forced logout of a user (10,000 sessions) and of an account (100,000), vs a plain UPDATE.
import { insertAnonymousSessions, insertKnownSessions, insertUsers, settleSessions } from '../lib/seed.js';
import { bearer, call, expectStatus, now, percentile, sleep } from '../lib/util.js';

/** The service marks the rows after answering; wait for it so phases don't overlap (bounded). */
async function waitMarked(db, column, id, limitMs) {
  const started = now();
  for (;;) {
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM sessions WHERE ${column} = $1 AND revoked_at IS NULL`, [id]);
    if (rows[0].n <= 1) return now() - started;
    if (now() - started > limitMs) return Infinity;
    await sleep(20);
  }
}

export async function forcedLogoutPhase(ctx) {
  const { a, db, adminToken, defaultAccountId } = ctx;
  const perUser = ctx.sizes.userSessions;
  const runs = ctx.sizes.userRuns;
  const users = await insertUsers(db, defaultAccountId, runs + 3, 'fl');
  const seedMs = await insertAnonymousSessions(db, users, defaultAccountId, perUser);
  ctx.log(`  seeded ${users.length} users x ${perUser} sessions in ${Math.round(seedMs)} ms`);
  await settleSessions(db);

  const serviceMs = [];
  const markMs = [];
  for (const userId of users.slice(0, runs)) {
    const res = await call(a, 'POST', `/v1/users/${userId}/logout`, { headers: bearer(adminToken), body: { reason: 'bench forced logout' } });
    if (res.status !== 200 || res.body.revokedCount !== perUser) throw new Error(`user logout: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
    serviceMs.push(res.ms);
    markMs.push(await waitMarked(db, 'user_id', userId, 3_000));
  }
  const baselineMs = [];
  for (const userId of users.slice(runs)) {
    const started = now();
    await db.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1', [userId]);
    baselineMs.push(now() - started);
  }

  const account = await expectStatus(call(a, 'POST', '/v1/accounts', { headers: bearer(adminToken), body: { name: `bench-acct-${Date.now()}` } }), 201, 'create account');
  const [accountUser] = await insertUsers(db, account.id, 1, 'acct');
  const accountSeedMs = await insertAnonymousSessions(db, [accountUser], account.id, ctx.sizes.accountSessions - 1);
  const [known] = await insertKnownSessions(db, accountUser, account.id, 1);
  await settleSessions(db);
  ctx.log(`  seeded ${ctx.sizes.accountSessions} account sessions in ${Math.round(accountSeedMs)} ms`);
  const acct = await call(a, 'POST', `/v1/accounts/${account.id}/logout`, { headers: bearer(adminToken), body: { reason: 'bench account-wide logout' } });
  if (acct.status !== 200 || acct.body.revokedCount !== ctx.sizes.accountSessions) throw new Error(`account logout: ${acct.status} ${JSON.stringify(acct.body).slice(0, 200)}`);
  const refused = await call(a, 'GET', '/v1/auth/me', { headers: bearer(known.token) });
  const accountMarkMs = await waitMarked(db, 'account_id', account.id, 10_000);

  const result = {
    userP50: percentile(serviceMs, 50),
    userMax: Math.max(...serviceMs),
    runs,
    perUser,
    markP50: percentile(markMs, 50),
    baselineP50: percentile(baselineMs, 50),
    accountMs: acct.ms,
    accountSessions: ctx.sizes.accountSessions,
    accountTokenRefused: refused.status === 401,
    accountMarkMs,
  };
  ctx.log(`  forced logout: ${JSON.stringify(result)}`);
  return result;
}
