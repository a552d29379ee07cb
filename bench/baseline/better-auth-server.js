// Baseline: better-auth 1.x (its own Kysely/pg adapter) on its own database of the same Postgres.
// Env: DATABASE_URL, PORT, COOKIE_CACHE=1 (session cookie cache) or unset (DB lookup on every get-session).
import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { betterAuth } from 'better-auth';
import { getMigrations } from 'better-auth/db/migration';
import { toNodeHandler } from 'better-auth/node';
import pg from 'pg';

const port = Number(process.env.PORT);
const origin = `http://127.0.0.1:${port}`;
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 10) });
const sha = (s) => createHash('sha256').update(s).digest('hex');

const options = {
  database: pool,
  baseURL: origin,
  secret: 'bench-only-secret-bench-only-secret-0123456789',
  trustedOrigins: [origin],
  telemetry: { enabled: false },
  rateLimit: { enabled: false },
  // Seeding 1,000 sessions must be quick: a cheap password hash. get-session (what is measured) never hashes.
  emailAndPassword: {
    enabled: true,
    password: { hash: async (p) => sha(p), verify: async ({ hash, password }) => timingSafeEqual(Buffer.from(hash), Buffer.from(sha(password))) },
  },
  session: process.env.COOKIE_CACHE === '1' ? { cookieCache: { enabled: true, maxAge: 3600 } } : {},
};

const auth = betterAuth(options);
if (process.env.MIGRATE === '1') {
  const { runMigrations } = await getMigrations(options);
  await runMigrations();
}
const handler = toNodeHandler(auth);
const server = http.createServer((req, res) => handler(req, res));
server.keepAliveTimeout = 60_000;
server.listen(port, '127.0.0.1', () => process.stdout.write(`ready ${port}\n`));
process.once('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
