import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People search (`GET /v1/users?q=`): a case-insensitive prefix of the username or the email, within
 * one account. `text_pattern_ops` lets `lower(x) LIKE 'prefix%'` use a btree whatever the database's
 * collation (the unique indexes on lower(x) serve equality only outside the C locale).
 */
export class UserSearchIndexes1700000002500 implements MigrationInterface {
  name = 'UserSearchIndexes1700000002500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_users_account_username_prefix ON users (account_id, lower(username) text_pattern_ops)`);
    await q.query(`CREATE INDEX ix_users_account_email_prefix ON users (account_id, lower(email) text_pattern_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ix_users_account_email_prefix`);
    await q.query(`DROP INDEX IF EXISTS ix_users_account_username_prefix`);
  }
}
