import pg from 'pg';
const r = await import('./dist/sessions/revocation.service.js');
const c = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/plantest' });
await c.connect();
const acct = (await c.query(`INSERT INTO accounts (name) VALUES ('p'||random()) RETURNING id`)).rows[0].id;
const mk = async (n) => { const user = (await c.query(`INSERT INTO users (account_id, username, email, password_hash) VALUES ($1,'pu'||random(),random()||'pu@x.test','x') RETURNING id`, [acct])).rows[0].id;
await c.query(`INSERT INTO sessions (user_id, account_id, token_hash, refresh_hash, surface, access_expires_at, idle_expires_at, expires_at, access_ttl_seconds, idle_ttl_seconds, revoked_at)
  SELECT $1, $2, sha256(('a'||g||random())::bytea), sha256(('b'||g||random())::bytea), 'native', now()+interval '1h', now()+interval '1h', now()+interval '1d', 3600, 3600, CASE WHEN g > $3 THEN now() END FROM generate_series(1,10000) g`, [user, acct, n]); return user; };
const users = []; for (let i = 0; i < 12; i++) users.push(await mk(i === 0 ? 10000 : 3));
await c.query('ANALYZE');
const text = `WITH ${r.endOldestCtes()} SELECT ${r.END_OLDEST_COLUMNS} FROM summary`;
const vals = (user) => [user, null, null, null, null, 2, null, 'session limit', 'native', 'session_invalidation', 'n:i:a', acct,
  'session.policy_logout','success',acct,null,null,'policy',user,'native',null,null,'req',  'session limit', null, false, '{}'];
for (const mode of ['auto', 'force_generic_plan']) {
  await c.query(`SET plan_cache_mode = ${mode}`);
  const ts = [];
  for (let i = 1; i < 12; i++) {
    await c.query('BEGIN');
    const t = process.hrtime.bigint();
    const res = await c.query({ name: 'big-' + mode, text, values: vals(users[i]) });
    ts.push(Number(process.hrtime.bigint() - t) / 1e6);
    await c.query('ROLLBACK');
  }
  console.log(mode, ts.map((x) => x.toFixed(2)).join(' '));
  await c.query('BEGIN');
  const ex = await c.query({ text: `EXPLAIN (ANALYZE) EXECUTE "big-${mode}"(${vals(users[3]).map((v) => v === null ? 'NULL' : typeof v === 'number' || typeof v === 'boolean' ? v : `'${v}'`).join(',')})` }).catch(e => ({ rows: [{ 'QUERY PLAN': e.message }] }));
  console.log(ex.rows.map(x=>x['QUERY PLAN']).filter(l=>/Execution|Planning|Seq Scan|rror/.test(l)).join('\n'));
  await c.query('ROLLBACK');
}
await c.end();
