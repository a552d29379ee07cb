import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const TEST_ADMIN = { username: 'admin', password: 'admin-password-for-tests', email: 'admin@example.test' };

/**
 * The same database as the service role of this run (made by the global setup): what DATABASE_URL is
 * for every app of the suite, so every e2e test proves the service role's grants suffice.
 */
export function serviceUrlOf(ownerUrl: string): string {
  const u = new URL(ownerUrl);
  u.username = process.env.SST_SERVICE_ROLE as string;
  u.password = process.env.SST_SERVICE_PASSWORD as string;
  return u.toString();
}

/**
 * Environment every test app starts with (cheap argon2 so the suite stays fast; real algorithm): the
 * given URL (the owner's) for migrations, the service role for everything else.
 */
export function applyTestEnv(databaseUrl: string): void {
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: serviceUrlOf(databaseUrl),
    DATABASE_OWNER_URL: databaseUrl,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'sst-data-')),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    BOOTSTRAP_ADMIN_USERNAME: TEST_ADMIN.username,
    BOOTSTRAP_ADMIN_PASSWORD: TEST_ADMIN.password,
    BOOTSTRAP_ADMIN_EMAIL: TEST_ADMIN.email,
    ARGON2_MEMORY_KIB: '1024',
    ARGON2_ITERATIONS: '1',
    LOGIN_THROTTLE_LIMIT: process.env.LOGIN_THROTTLE_LIMIT ?? '1000',
    // Every test request comes from 127.0.0.1.
    LOGIN_THROTTLE_ADDRESS_LIMIT: process.env.LOGIN_THROTTLE_ADDRESS_LIMIT ?? '100000',
    SECRETS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    DATABASE_POOL_SIZE: '5',
    // Many apps run at once across the suite: each metrics listener takes a free loopback port.
    METRICS_PORT: '0',
    // The checkpoint job only where a test turns it on (startApp overrides).
    AUDIT_CHECKPOINT_EVERY_EVENTS: '0',
    AUDIT_CHECKPOINT_INTERVAL_SECONDS: '0',
  });
}
