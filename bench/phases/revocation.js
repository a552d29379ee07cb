// Goal 2: revoke through instance A, then ask instance B (whose cache holds the token) right away.
import { bearer, call, now, percentile } from '../lib/util.js';

const MAX_POLLS = 200;
const MAX_POLL_MS = 1000;

export async function revocationPhase(ctx, sessions) {
  const { a, b, adminToken } = ctx;
  const delays = [];
  let firstRefused = 0;
  let violations = 0;
  let neverRefused = 0;
  const aMs = [];
  for (let i = 0; i < sessions.length; i++) {
    const { token, sessionId } = sessions[i];
    // Twice on B: the first may be a cache miss (DB), the second is served from B's cache.
    for (let k = 0; k < 2; k++) {
      const warm = await call(b, 'GET', '/v1/auth/me', { headers: bearer(token) });
      if (warm.status !== 200) throw new Error(`B refused a live token before revocation: ${warm.status}`);
    }
    const revoke =
      i % 2 === 0
        ? call(a, 'DELETE', `/v1/sessions/${sessionId}`, { headers: bearer(adminToken) })
        : call(a, 'POST', '/v1/auth/logout', { headers: bearer(token) });
    const res = await revoke;
    const answeredAt = res.at;
    if (res.status !== 200 || res.body?.revokedCount !== 1) throw new Error(`A did not revoke: ${res.status} ${JSON.stringify(res.body)}`);
    aMs.push(res.ms);
    let refusedAt = null;
    for (let poll = 1; poll <= MAX_POLLS && now() - answeredAt < MAX_POLL_MS; poll++) {
      const r = await call(b, 'GET', '/v1/auth/me', { headers: bearer(token) });
      if (r.status === 401) {
        refusedAt = r.at;
        if (poll === 1) firstRefused++;
        break;
      }
      if (r.status === 200) violations++;
      else throw new Error(`B answered ${r.status}`);
    }
    if (refusedAt === null) neverRefused++;
    else delays.push(refusedAt - answeredAt);
  }
  const result = {
    count: sessions.length,
    p50: percentile(delays, 50),
    p99: percentile(delays, 99),
    max: Math.max(...delays),
    firstRefused,
    violations,
    neverRefused,
    revokeP50: percentile(aMs, 50),
    revokeP99: percentile(aMs, 99),
  };
  ctx.log(`  revocations: ${JSON.stringify(result)}`);
  return result;
}
