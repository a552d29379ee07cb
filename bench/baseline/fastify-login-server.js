// Baseline: the least a password login can do, with no framework on top: plain Fastify + pg +
// argon2id. Look the user up (one prepared SELECT), verify the password at the same cost as the
// service, write the session (one prepared INSERT, committed durably), answer the token. No audit,
// no throttle, no validation: what goal 6's ratio would be for any service on this machine.
// Env: DATABASE_URL (a database of its own: it creates its two tables there), PORT,
// ARGON2_MEMORY_KIB, ARGON2_ITERATIONS. Uses the root node_modules (fastify, pg, @node-rs/argon2).
import { Algorithm, hash, verify } from '@node-rs/argon2';
import { createHash, randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
await pool.query(`CREATE TABLE IF NOT EXISTS bare_login_users (username text PRIMARY KEY, password_hash text NOT NULL)`);
await pool.query(`CREATE TABLE IF NOT EXISTS bare_login_sessions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, username text NOT NULL REFERENCES bare_login_users,
  token_hash bytea NOT NULL UNIQUE, created_at timestamptz NOT NULL DEFAULT now())`);

const params = {
  algorithm: Algorithm.Argon2id,
  memoryCost: Number(process.env.ARGON2_MEMORY_KIB ?? 19456),
  timeCost: Number(process.env.ARGON2_ITERATIONS ?? 2),
  parallelism: 1,
};
const app = Fastify({ logger: false });

app.post('/users', async (request) => {
  const { username, password } = request.body;
  await pool.query('INSERT INTO bare_login_users VALUES ($1, $2) ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash', [
    username,
    await hash(password, params),
  ]);
  return { ok: true };
});

app.post('/login', async (request, reply) => {
  const { username, password } = request.body ?? {};
  const { rows } = await pool.query({ name: 'user', text: 'SELECT password_hash FROM bare_login_users WHERE username = $1', values: [username] });
  if (!rows[0] || !(await verify(rows[0].password_hash, password))) return reply.code(401).send({ error: 'INVALID_CREDENTIALS' });
  const token = randomBytes(32).toString('base64url');
  await pool.query({
    name: 'session',
    text: 'INSERT INTO bare_login_sessions (username, token_hash) VALUES ($1, $2)',
    values: [username, createHash('sha256').update(token).digest()],
  });
  return { accessToken: token };
});

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.stdout.write(`ready ${process.env.PORT}\n`);
process.once('SIGTERM', () => app.close().then(() => pool.end()).then(() => process.exit(0)));
