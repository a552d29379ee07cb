import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A device's push token is a credential (whoever holds it can log that device out), so only its
 * SHA-256 is kept, as with every other token: it is only ever matched for equality. A digest also
 * has a fixed size, so a long push token no longer overflows the btree index row (a 2.7 KB token did).
 * Existing tokens are hashed in place (Postgres' sha256 over the UTF-8 bytes is what `sha256()` in
 * common/crypto.ts computes). `down()` cannot recover the tokens: sessions lose their device binding.
 */
export class SessionDeviceTokenHash1700000000400 implements MigrationInterface {
  name = 'SessionDeviceTokenHash1700000000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sessions ADD COLUMN device_token_hash bytea`);
    // Nulling the plain value in the same UPDATE keeps it out of the new row versions; a dropped
    // column's bytes stay in every row version until rewritten (the old versions go with VACUUM).
    await q.query(`UPDATE sessions SET device_token_hash = sha256(convert_to(device_token, 'UTF8')), device_token = NULL WHERE device_token IS NOT NULL`);
    await q.query(`DROP INDEX IF EXISTS ix_sessions_device`);
    await q.query(`ALTER TABLE sessions DROP COLUMN device_token`);
    await q.query(`CREATE INDEX ix_sessions_device ON sessions (user_id, device_token_hash) WHERE device_token_hash IS NOT NULL AND revoked_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ix_sessions_device`);
    await q.query(`ALTER TABLE sessions ADD COLUMN device_token text`);
    await q.query(`ALTER TABLE sessions DROP COLUMN IF EXISTS device_token_hash`);
    await q.query(`CREATE INDEX ix_sessions_device ON sessions (user_id, device_token) WHERE device_token IS NOT NULL AND revoked_at IS NULL`);
  }
}
