import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { now } from './util.js';

export const sha256 = (s) => createHash('sha256').update(s, 'utf8').digest();
export const newToken = () => `sat_${randomBytes(32).toString('base64url')}`;

export async function connect(url) {
  const client = new pg.Client({ connectionString: url, application_name: 'bench' });
  await client.connect();
  return client;
}

/** Users straight into the table (no login needed for them: they only own seeded sessions). */
export async function insertUsers(db, accountId, count, prefix) {
  const { rows } = await db.query(
    `INSERT INTO users (account_id, username, email, password_hash)
     SELECT $1, $2 || g, $2 || g || '@bench.test', 'not-a-hash' FROM generate_series(1, $3) g RETURNING id`,
    [accountId, `${prefix}${Date.now().toString(36)}-`, count],
  );
  return rows.map((r) => r.id);
}

const SESSION_COLUMNS = 'user_id, account_id, token_hash, refresh_hash, surface, access_expires_at, idle_expires_at, expires_at';
const LIFETIMES = `now() + interval '1 hour', now() + interval '7 days', now() + interval '30 days'`;

/** Sessions with tokens we know (to present them), same columns as the migration's INSERT. */
export async function insertKnownSessions(db, userId, accountId, count) {
  const tokens = Array.from({ length: count }, newToken);
  const { rows } = await db.query(
    `INSERT INTO sessions (${SESSION_COLUMNS})
     SELECT $1, $2, th, sha256(th || '\\x72'::bytea), 'native', ${LIFETIMES} FROM unnest($3::bytea[]) WITH ORDINALITY AS x(th, n)
     ORDER BY n RETURNING id, token_hash`,
    [userId, accountId, tokens.map(sha256)],
  );
  const byHash = new Map(rows.map((r) => [r.token_hash.toString('hex'), r.id]));
  return tokens.map((token) => ({ token, sessionId: byHash.get(sha256(token).toString('hex')) }));
}

/** Many sessions per user, hashes of random tokens nobody keeps; returns elapsed ms. */
export async function insertAnonymousSessions(db, userIds, accountId, perUser) {
  const started = now();
  await db.query(
    `INSERT INTO sessions (${SESSION_COLUMNS})
     SELECT u, $2, sha256(convert_to('sat_' || gen_random_uuid() || gen_random_uuid(), 'UTF8')),
            sha256(convert_to('srt_' || gen_random_uuid() || gen_random_uuid(), 'UTF8')), 'native', ${LIFETIMES}
       FROM unnest($1::uuid[]) u CROSS JOIN generate_series(1, $3)`,
    [userIds, accountId, perUser],
  );
  return now() - started;
}

/**
 * The sessions table after a seed, as it is in steady state: vacuumed and analysed, so that no
 * autovacuum of the seed runs while the phase measures and the planner knows its size.
 */
export async function settleSessions(db) {
  await db.query('VACUUM (ANALYZE) sessions');
}
