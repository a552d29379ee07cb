import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signed checkpoints of the audit chains: per chain (an account's stripe), the last event's id and
 * place, its hash and the chain's event count at that moment, as the JWS the service signed. The
 * copies that count are those outside the database (the sinks); this table lists them, tells the
 * periodic job where each chain was last checkpointed, and is append-only like the trail.
 */
export class AuditCheckpoints1700000002200 implements MigrationInterface {
  name = 'AuditCheckpoints1700000002200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_checkpoints (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        chain_key uuid NOT NULL,
        stripe smallint NOT NULL,
        last_event_id bigint NOT NULL,
        last_seq bigint NOT NULL,
        head_hash bytea NOT NULL,
        event_count bigint NOT NULL,
        trigger text NOT NULL,
        jws text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT pk_audit_checkpoints PRIMARY KEY (id),
        CONSTRAINT ck_audit_checkpoints_trigger CHECK (trigger IN ('scheduled', 'on_demand'))
      )`);
    await q.query(`CREATE INDEX ix_audit_checkpoints_chain ON audit_checkpoints (chain_key, stripe, last_seq DESC)`);
    await q.query(`
      CREATE FUNCTION audit_checkpoints_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_checkpoints is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON audit_checkpoints
      FOR EACH ROW EXECUTE FUNCTION audit_checkpoints_append_only()`);
    // A checkpoint's deliveries to the HTTP sink, for its status.
    await q.query(`CREATE INDEX ix_outbox_audit_checkpoint ON outbox ((payload->>'checkpointId')) WHERE destination_kind = 'audit_checkpoint'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ix_outbox_audit_checkpoint`);
    await q.query(`DROP TABLE IF EXISTS audit_checkpoints`);
    await q.query(`DROP FUNCTION IF EXISTS audit_checkpoints_append_only()`);
  }
}
