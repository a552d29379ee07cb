// Issue 13: revocation answer time as the cluster grows (K = 2, 4, 8 instances on one Postgres), with
// one of 4 instances frozen (SIGSTOP), and with one instance's LISTEN connection stalled (not closed)
// by a TCP proxy; and whether a frozen or stalled instance ever serves a revoked token.
import http from 'node:http';
import { insertKnownSessions } from '../lib/seed.js';
import { StallingProxy } from '../lib/stalling-proxy.js';
import { bearer, call, percentile } from '../lib/util.js';

const LISTENER = 'session-service-listener';

/** Revokes each session on A (alternating admin DELETE and the token's own logout); answer times in ms. */
async function revokeOnA(ctx, sessions) {
  const ms = [];
  for (const [i, { token, sessionId }] of sessions.entries()) {
    const res =
      i % 2 === 0
        ? await call(ctx.a, 'DELETE', `/v1/sessions/${sessionId}`, { headers: bearer(ctx.adminToken) })
        : await call(ctx.a, 'POST', '/v1/auth/logout', { headers: bearer(token) });
    if (res.status !== 200 || res.body?.revokedCount !== 1) throw new Error(`A did not revoke: ${res.status} ${JSON.stringify(res.body)}`);
    ms.push(res.ms);
  }
  return { p50: percentile(ms, 50), p99: percentile(ms, 99), max: Math.max(...ms) };
}

const fresh = (ctx) => insertKnownSessions(ctx.db, ctx.benchUserId, ctx.defaultAccountId, ctx.sizes.fanoutRevocations);

/** Each token validated twice on `base`, so the instance holds it in its cache. */
async function warm(base, sessions) {
  for (const { token } of sessions) {
    for (let k = 0; k < 2; k++) {
      const res = await call(base, 'GET', '/v1/auth/session', { headers: bearer(token) });
      if (res.status !== 200) throw new Error(`warm-up refused a live token: ${res.status}`);
    }
  }
}

/**
 * How many of the (revoked) tokens `base` still accepts, asked right away, on new connections: after
 * a freeze longer than the server's keep-alive timeout, the sockets kept from before are being closed
 * by the server as it wakes, and a request sent on one is lost ("socket hang up"), not answered.
 */
async function served(base, sessions) {
  const fresh = new http.Agent({ keepAlive: true, maxSockets: 32 });
  try {
    const statuses = await Promise.all(sessions.map(({ token }) => call(base, 'GET', '/v1/auth/session', { headers: bearer(token), agent: fresh }).then((r) => r.status)));
    return statuses.filter((s) => s === 200).length;
  } finally {
    fresh.destroy();
  }
}

export async function fanoutPhase(ctx, startService) {
  const lease = Number(process.env.INVALIDATION_LEASE_MS ?? 500);
  const result = { lease, byK: {}, n: ctx.sizes.fanoutRevocations };
  const extra = [];
  const grow = async (k) => {
    while (2 + extra.length < k) extra.push(await startService(`service ${String.fromCharCode(67 + extra.length)}`));
  };
  const at = async (k) => {
    await grow(k);
    result.byK[k] = await revokeOnA(ctx, await fresh(ctx));
    ctx.log(`  K=${k}: ${JSON.stringify(result.byK[k])}`);
  };
  try {
    await at(2);
    await at(4);

    // One of the 4 frozen while A revokes what it holds in its cache.
    const frozen = extra[1];
    const frozenSessions = await fresh(ctx);
    await warm(frozen.base, frozenSessions);
    frozen.server.child.kill('SIGSTOP');
    try {
      result.frozen = await revokeOnA(ctx, frozenSessions);
    } finally {
      frozen.server.child.kill('SIGCONT');
    }
    result.frozen.served = await served(frozen.base, frozenSessions);
    ctx.log(`  one of 4 frozen: ${JSON.stringify(result.frozen)}`);

    // A fifth instance whose LISTEN connection goes through a proxy that stalls it.
    const target = new URL(ctx.dbUrl);
    const proxy = new StallingProxy(target.hostname, Number(target.port || 5432));
    await proxy.start();
    try {
      const stalled = await startService('service S (stalled listener)', { DATABASE_URL: proxy.through(ctx.dbUrl) });
      const stalledSessions = await fresh(ctx);
      await warm(stalled.base, stalledSessions);
      if (proxy.stall((c) => c.applicationName === LISTENER) !== 1) throw new Error('no listener connection through the proxy');
      result.stalled = await revokeOnA(ctx, stalledSessions);
      result.stalled.served = await served(stalled.base, stalledSessions);
      ctx.log(`  one listener stalled: ${JSON.stringify(result.stalled)}`);
      await stalled.server.stop();
    } finally {
      await proxy.close();
    }

    await at(8);
  } finally {
    for (const s of extra) await s.server.stop();
  }
  return result;
}
