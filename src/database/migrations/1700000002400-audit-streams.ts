import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An account's audit streams to its SIEM: where (`endpoint`: an https URL, or `host:port` for syslog),
 * in which format (`kind`), which actions (`actions`, empty = every action), the settings that are not
 * secret (`settings`) and those that are (`secret`: JSON encrypted with the secrets key, never shown).
 * Each audit event of the account is written as one outbox row per matching stream, in the event's
 * transaction; the `last_*` columns are the stream's delivery status, kept by its delivery kind.
 */
export class AuditStreams1700000002400 implements MigrationInterface {
  name = 'AuditStreams1700000002400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_streams (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL,
        name text NOT NULL,
        kind text NOT NULL,
        status text NOT NULL DEFAULT 'enabled',
        actions text[] NOT NULL DEFAULT '{}',
        endpoint text NOT NULL,
        settings jsonb NOT NULL DEFAULT '{}',
        secret bytea,
        configured_by uuid,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        last_delivered_at timestamptz,
        last_delivered_event_id bigint,
        last_error text,
        last_error_at timestamptz,
        CONSTRAINT pk_audit_streams PRIMARY KEY (id),
        CONSTRAINT fk_audit_streams_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE,
        CONSTRAINT ck_audit_streams_kind CHECK (kind IN ('http', 'splunk', 'syslog')),
        CONSTRAINT ck_audit_streams_status CHECK (status IN ('enabled', 'paused'))
      )`);
    await q.query(`CREATE INDEX ix_audit_streams_account ON audit_streams (account_id)`);
    // A stream's status counts its dead rows without reading its delivered ones.
    await q.query(`CREATE INDEX ix_outbox_dead ON outbox (destination_id) WHERE status = 'dead'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ix_outbox_dead`);
    await q.query(`DELETE FROM outbox WHERE destination_kind IN ('audit_http', 'audit_splunk', 'audit_syslog')`);
    await q.query(`DROP TABLE IF EXISTS audit_streams`);
  }
}
