import { MigrationInterface, QueryRunner } from 'typeorm';

/** The outbox retention job finds settled rows older than DELIVERY_RETENTION_SECONDS by when they were written. */
export class OutboxRetention1700000002000 implements MigrationInterface {
  name = 'OutboxRetention1700000002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_outbox_settled_created ON outbox (created_at) WHERE status <> 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ix_outbox_settled_created`);
  }
}
