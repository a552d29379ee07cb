import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every published invalidation, kept for a replay window so that a consumer's stream resumes after a
 * reconnect without a gap. `xid` is the writing transaction: a stream's resume point is a snapshot's
 * xmin, and every invalidation the consumer may have missed has an xid at or above it (rows below it
 * committed before the point and were delivered). Ids and kinds only: never a token or hash.
 */
export class InvalidationLog1700000001700 implements MigrationInterface {
  name = 'InvalidationLog1700000001700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE invalidation_log (
        seq bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_invalidation_log PRIMARY KEY,
        account_id uuid NOT NULL,
        kind char(1) NOT NULL CONSTRAINT ck_invalidation_log_kind CHECK (kind IN ('s', 'u', 'a', 'c')),
        target_id text NOT NULL,
        xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_invalidation_log_account_xid ON invalidation_log (account_id, xid)`);
    await q.query(`CREATE INDEX ix_invalidation_log_created ON invalidation_log (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS invalidation_log`);
  }
}
