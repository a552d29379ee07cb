import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The delivery core and its first destinations. `outbox` holds one row per (event, destination),
 * written in the transaction that caused the event and delivered by the dispatcher of any instance;
 * its `jti` is fixed at insert time so a retry resends the same id. `receivers` are the downstream
 * services of an account (SSF streams, back-channel logout clients); `receiver_subjects` the subjects
 * a stream added (included) or removed (excluded) from its default of every subject of the account. `signing_keys` hold the Ed25519 keys that
 * sign what leaves, encrypted with the secrets key.
 */
export class OutboxReceivers1700000001800 implements MigrationInterface {
  name = 'OutboxReceivers1700000001800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE signing_keys (
        kid text NOT NULL,
        alg text NOT NULL,
        private_jwk bytea NOT NULL,
        public_jwk jsonb NOT NULL,
        status text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        retired_at timestamptz,
        CONSTRAINT pk_signing_keys PRIMARY KEY (kid),
        CONSTRAINT ck_signing_keys_status CHECK (status IN ('active', 'retiring', 'retired'))
      )`);
    await q.query(`CREATE UNIQUE INDEX ux_signing_keys_active ON signing_keys ((true)) WHERE status = 'active'`);
    await q.query(`
      CREATE TABLE receivers (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL,
        kind text NOT NULL,
        status text NOT NULL DEFAULT 'enabled',
        status_reason text,
        endpoint_url text,
        authorization_header bytea,
        audience text NOT NULL,
        events_requested text[] NOT NULL DEFAULT '{}',
        subject_format text,
        all_subjects boolean NOT NULL DEFAULT true,
        description text,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT pk_receivers PRIMARY KEY (id),
        CONSTRAINT fk_receivers_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE,
        CONSTRAINT ck_receivers_kind CHECK (kind IN ('ssf_push', 'ssf_poll', 'backchannel')),
        CONSTRAINT ck_receivers_status CHECK (status IN ('enabled', 'paused', 'disabled'))
      )`);
    await q.query(`CREATE INDEX ix_receivers_account ON receivers (account_id) WHERE status <> 'disabled'`);
    await q.query(`
      CREATE TABLE receiver_subjects (
        receiver_id uuid NOT NULL,
        user_id uuid NOT NULL,
        included boolean NOT NULL,
        CONSTRAINT pk_receiver_subjects PRIMARY KEY (receiver_id, user_id),
        CONSTRAINT fk_receiver_subjects_receiver FOREIGN KEY (receiver_id) REFERENCES receivers (id) ON DELETE CASCADE,
        CONSTRAINT fk_receiver_subjects_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE outbox (
        id bigint GENERATED ALWAYS AS IDENTITY,
        destination_kind text NOT NULL,
        destination_id uuid NOT NULL,
        account_id uuid,
        jti uuid NOT NULL DEFAULT gen_random_uuid(),
        audit_event_id bigint,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        last_attempt_at timestamptz,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        delivered_at timestamptz,
        CONSTRAINT pk_outbox PRIMARY KEY (id),
        CONSTRAINT ux_outbox_jti UNIQUE (jti),
        CONSTRAINT ck_outbox_status CHECK (status IN ('pending', 'delivered', 'dead'))
      )`);
    // The head of each destination's queue (the dispatcher's claim) and a poll receiver's backlog.
    await q.query(`CREATE INDEX ix_outbox_pending ON outbox (destination_id, id) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX ix_outbox_audit_event ON outbox (audit_event_id) WHERE audit_event_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS outbox`);
    await q.query(`DROP TABLE IF EXISTS receiver_subjects`);
    await q.query(`DROP TABLE IF EXISTS receivers`);
    await q.query(`DROP TABLE IF EXISTS signing_keys`);
  }
}
