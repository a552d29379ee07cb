import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The API key whose private key signed a session in (Uberall's `private_key` login), so that revoking
 * the key also ends those sessions. Indexed over the live ones only: the revocation looks for those.
 */
export class SessionSignedInByKey1700000000300 implements MigrationInterface {
  name = 'SessionSignedInByKey1700000000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sessions ADD COLUMN signed_in_by_key uuid`);
    await q.query(`CREATE INDEX ix_sessions_signed_in_by_key ON sessions (signed_in_by_key) WHERE signed_in_by_key IS NOT NULL AND revoked_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ix_sessions_signed_in_by_key`);
    await q.query(`ALTER TABLE sessions DROP COLUMN IF EXISTS signed_in_by_key`);
  }
}
