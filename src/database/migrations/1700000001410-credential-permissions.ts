import { MigrationInterface, QueryRunner } from 'typeorm';

/** The creator's permissions through their roles (as permissions.ts's userPermissionsSql, frozen here). */
const creatorPermissions = `SELECT p FROM user_roles ur JOIN roles r ON r.id = ur.role_id CROSS JOIN unnest(r.permissions) p WHERE ur.user_id = k.created_by`;

/** Of `granted`, what the key's creator holds today (all of it for the system admin; none unless active). */
const heldByCreator = (granted: string) =>
  `ARRAY(SELECT g FROM unnest(${granted}::text[]) g
          WHERE EXISTS (SELECT 1 FROM users c WHERE c.id = k.created_by AND c.status = 'active')
            AND ('accounts.manage' IN (${creatorPermissions}) OR g IN (${creatorPermissions}))
          ORDER BY g)`;

/**
 * What each API key and access key was granted: at most what its creator held when creating it (at
 * each use, only what its creator still holds: see credentialPermissionsSql). Until now every key
 * carried its kind's whole set whoever made it; existing keys keep only the part their creator holds
 * today (nothing when the creator is gone or disabled).
 */
export class CredentialPermissions1700000001410 implements MigrationInterface {
  name = 'CredentialPermissions1700000001410';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_keys ADD COLUMN permissions text[] NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE access_keys ADD COLUMN permissions text[] NOT NULL DEFAULT '{}'`);
    await q.query(`UPDATE api_keys k SET permissions = ${heldByCreator(`'{sessions.revoke-any}'`)}`);
    await q.query(`UPDATE access_keys k SET permissions = ${heldByCreator(`'{sessions.read-any,sessions.revoke-any}'`)}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE access_keys DROP COLUMN IF EXISTS permissions`);
    await q.query(`ALTER TABLE api_keys DROP COLUMN IF EXISTS permissions`);
  }
}
