import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What verifying and pruning the audit chain need: a digest check that renders timestamps in UTC
 * whatever the caller's TimeZone (as the chain trigger does), and the anchor the retention job
 * leaves behind so a chain whose oldest events were removed still verifies from its new start.
 */
export class AuditVerifyRetention1700000000100 implements MigrationInterface {
  name = 'AuditVerifyRetention1700000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION audit_event_hash_ok(e audit_events) RETURNS boolean
      LANGUAGE sql STABLE SET timezone = 'UTC' AS $$ SELECT audit_event_digest(e.prev_hash, to_jsonb(e)) = e.hash $$`);
    // Per chain: the newest event retention removed; the oldest kept event must follow it.
    await q.query(`
      CREATE TABLE audit_chain_anchors (
        chain_key uuid NOT NULL,
        last_seq bigint NOT NULL,
        last_hash bytea NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_audit_chain_anchors PRIMARY KEY (chain_key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS audit_chain_anchors`);
    await q.query(`DROP FUNCTION IF EXISTS audit_event_hash_ok(audit_events)`);
  }
}
