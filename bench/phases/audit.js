// Goal 4: audit reads over ~1,000,000 events spread over 12 months, and the NDJSON export.
import http from 'node:http';
import { bearer, call, now, percentile } from '../lib/util.js';

const ACTIONS = `CASE WHEN g % 10 = 0 THEN 'session.forced_logout' WHEN g % 10 < 6 THEN 'session.login' WHEN g % 10 < 9 THEN 'session.logout' ELSE 'auth.login_failed' END`;

function insertSql(total) {
  // Evenly spread over the last 365 days (newest = g 1), accounts taken in turn, ~10% forced logouts.
  return `INSERT INTO audit_events (occurred_at, action, outcome, account_id, actor_user_id, target_user_id, session_ids, session_count, surface, reason, details)
    SELECT now() - (g * interval '365 days' / ${total}), ${ACTIONS}, 'success', ($1::uuid[])[1 + (g / 10) % cardinality($1::uuid[])],
           $2::uuid, $2::uuid, ARRAY[gen_random_uuid()], 1, 'native', CASE WHEN g % 10 = 0 THEN 'bench' END, '{}'::jsonb
      FROM generate_series($3::int, $4::int) g`;
}

export async function seedAudit(ctx) {
  const { db, defaultAccountId, adminUserId } = ctx;
  const total = ctx.sizes.auditEvents;
  const sample = Math.min(10_000, total);
  const { rows } = await db.query(`INSERT INTO accounts (name) SELECT 'bench-audit-' || $1 || '-' || g FROM generate_series(1, 3) g RETURNING id`, [Date.now()]);
  const accounts = [defaultAccountId, ...rows.map((r) => r.id)];
  await db.query(`SELECT audit_ensure_partition((date_trunc('month', now()) - make_interval(months => m))::date) FROM generate_series(0, 13) m`);
  const sql = insertSql(total);
  let started = now();
  await db.query(sql, [accounts, adminUserId, total - sample + 1, total]);
  const triggerMs = now() - started;
  const triggerRate = sample / (triggerMs / 1000);
  started = now();
  await db.query('ALTER TABLE audit_events DISABLE TRIGGER trg_audit_events_chain');
  try {
    const chunk = 250_000;
    for (let lo = 1; lo <= total - sample; lo += chunk) await db.query(sql, [accounts, adminUserId, lo, Math.min(lo + chunk - 1, total - sample)]);
  } finally {
    await db.query('ALTER TABLE audit_events ENABLE TRIGGER trg_audit_events_chain');
  }
  const bulkMs = now() - started;
  await db.query('ANALYZE audit_events');
  const seeded = { total, sample, triggerMs, triggerRate, bulkMs, projectedTriggerS: total / triggerRate };
  ctx.log(`  audit seed: ${JSON.stringify(seeded)}`);
  return seeded;
}

async function timeRequests(base, path, headers, n) {
  const ms = [];
  for (let i = 0; i < 5; i++) await call(base, 'GET', path, { headers });
  for (let i = 0; i < n; i++) {
    const r = await call(base, 'GET', path, { headers });
    if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
    ms.push(r.ms);
  }
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), n };
}

/** Streams the export, counting lines and bytes; RSS is sampled under the phase 'export'. */
function streamExport(base, path, headers, limitMs) {
  return new Promise((resolve, reject) => {
    const started = now();
    let firstByteMs = null;
    let bytes = 0;
    let lines = 0;
    const req = http.get(new URL(path, base), { headers }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        return resolve({ status: res.statusCode });
      }
      res.on('data', (chunk) => {
        if (firstByteMs === null) firstByteMs = now() - started;
        bytes += chunk.length;
        for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
      });
      res.on('end', () => resolve({ status: 200, firstByteMs, totalMs: now() - started, bytes, lines, contentType: res.headers['content-type'] }));
      res.on('error', reject);
    });
    req.setTimeout(limitMs, () => req.destroy(new Error('export timed out')));
    req.on('error', reject);
  });
}

export async function auditPhase(ctx) {
  const { a, adminToken } = ctx;
  const headers = bearer(adminToken);
  const listPath = '/v1/audit/events?action=session.forced_logout&limit=50';
  const first = await timeRequests(a, listPath, headers, ctx.sizes.auditRequests);
  // Walk 20 pages by cursor, then time the 21st page (1,000 rows deep).
  let cursor = null;
  for (let page = 0; page < 20; page++) {
    const r = await call(a, 'GET', `${listPath}${cursor ? `&cursor=${cursor}` : ''}`, { headers });
    cursor = r.body.nextCursor;
  }
  const deep = await timeRequests(a, `${listPath}&cursor=${cursor}`, headers, ctx.sizes.auditRequests);
  // Six months back: a cursor made the way the service makes them ([timestamp with µs, id]).
  const at = new Date(Date.now() - 182 * 86_400_000).toISOString().replace('Z', '000Z');
  const mid = Buffer.from(JSON.stringify([at, '9223372036854775807'])).toString('base64url');
  const midMonths = await timeRequests(a, `${listPath}&cursor=${mid}`, headers, ctx.sizes.auditRequests);
  const countRows = await ctx.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE account_id = $1 AND action = 'session.forced_logout'`, [ctx.defaultAccountId]);

  ctx.rss.setPhase('export');
  const exp = await streamExport(a, '/v1/audit/events/export?format=ndjson&action=session.forced_logout', headers, 120_000);
  ctx.rss.setPhase('after-export');
  const result = { first, deep, midMonths, matching: countRows.rows[0].n, export: exp };
  ctx.log(`  audit reads: ${JSON.stringify(result)}`);
  return result;
}
