import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How far the delivery of a fan-out outbox row has got: an account-wide logout writes ONE row per
 * back-channel client in its transaction, and the row is expanded into one logout token per user of
 * the account when it is delivered (src/receivers/backchannel-fan-out.ts). The deliverer records the
 * last user whose token the client accepted, so a retry goes on after it rather than from the start.
 * No foreign key to `outbox`: the progress is written while the dispatcher holds the row FOR UPDATE,
 * which a key-share lock from the foreign key would wait on.
 */
export class OutboxFanOut1700000001900 implements MigrationInterface {
  name = 'OutboxFanOut1700000001900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox_fan_out_progress (
        outbox_id bigint NOT NULL,
        last_subject uuid NOT NULL,
        sent integer NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT pk_outbox_fan_out_progress PRIMARY KEY (outbox_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS outbox_fan_out_progress`);
  }
}
