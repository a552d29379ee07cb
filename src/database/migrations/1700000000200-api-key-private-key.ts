import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A client application may be given a second secret, its private key, with which it signs in users
 * of its own account without their password (Uberall's `POST /users/login` with `private_key`).
 * Only its hash is kept; a key without one (every key created before, and the default) cannot.
 */
export class ApiKeyPrivateKey1700000000200 implements MigrationInterface {
  name = 'ApiKeyPrivateKey1700000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_keys ADD COLUMN private_key_hash bytea`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_keys DROP COLUMN IF EXISTS private_key_hash`);
  }
}
