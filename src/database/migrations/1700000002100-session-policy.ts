import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Session policy (issue 17): one policy per account (with its per-role overrides, as JSON validated by
 * the API); per session, when its user last proved their password (`authenticated_at`, NULL for the
 * sessions made before: their creation), the idle and access-token lifetimes it was issued with (NULL:
 * the environment's), and when its idle or absolute expiry was recorded in the audit trail (the sweep's
 * work list, a partial index that holds only the sessions not yet recorded).
 */
export class SessionPolicy1700000002100 implements MigrationInterface {
  name = 'SessionPolicy1700000002100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE session_policies (
        account_id uuid NOT NULL,
        policy jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid,
        CONSTRAINT pk_session_policies PRIMARY KEY (account_id),
        CONSTRAINT fk_session_policies_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
      )`);
    // Added without a default first, so the existing rows stay NULL (no rewrite), then defaulted.
    await q.query(`ALTER TABLE sessions ADD COLUMN authenticated_at timestamptz`);
    await q.query(`ALTER TABLE sessions ALTER COLUMN authenticated_at SET DEFAULT now()`);
    await q.query(`ALTER TABLE sessions ADD COLUMN idle_ttl_seconds integer, ADD COLUMN access_ttl_seconds integer, ADD COLUMN expiry_recorded_at timestamptz`);
    // What expired before this migration is history, not news for the sweep.
    await q.query(`UPDATE sessions SET expiry_recorded_at = now() WHERE revoked_at IS NULL AND least(idle_expires_at, expires_at) <= now()`);
    await q.query(
      `CREATE INDEX ix_sessions_expiry_unrecorded ON sessions ((least(idle_expires_at, expires_at))) WHERE revoked_at IS NULL AND expiry_recorded_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_sessions_expiry_unrecorded`);
    await q.query(`ALTER TABLE sessions DROP COLUMN expiry_recorded_at, DROP COLUMN access_ttl_seconds, DROP COLUMN idle_ttl_seconds, DROP COLUMN authenticated_at`);
    await q.query(`DROP TABLE session_policies`);
  }
}
