// Baseline: plain Fastify + pg, one indexed SELECT by token hash on the service's own sessions table.
// Env: DATABASE_URL, PORT. Uses the root node_modules (fastify, pg).
import { createHash } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 10) });
const app = Fastify({ logger: false });

app.get('/session', async (request, reply) => {
  const header = request.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : '';
  const hash = createHash('sha256').update(token, 'utf8').digest();
  const { rows } = await pool.query({
    name: 'by-token',
    text: `SELECT id, user_id, account_id, expires_at FROM sessions
            WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()`,
    values: [hash],
  });
  if (!rows[0]) return reply.code(401).send({ error: 'UNAUTHENTICATED' });
  return { sessionId: rows[0].id, userId: rows[0].user_id, accountId: rows[0].account_id };
});

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.stdout.write(`ready ${process.env.PORT}\n`);
process.once('SIGTERM', () => app.close().then(() => pool.end()).then(() => process.exit(0)));
