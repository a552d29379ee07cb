import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A maintained count of each user's live sessions, so that a forced logout answers its exact
 * `revokedCount` in constant time whatever the number of sessions (see src/sessions/session-counts.ts).
 *
 * `users.live_sessions` counts the user's sessions that are in the current epoch (not dead by a
 * watermark), not revoked one by one, and whose expiry (least of idle and absolute) is after
 * `users.expired_counted_until`. It is trusted only while `users.live_epoch` equals the watermark it
 * was counted under (greatest of the user's and the account's); an account-wide logout, or a watermark
 * set by hand, makes it stale and the next reading recounts (only the sessions created since). Sessions
 * that expired since `expired_counted_until` are found through ix_sessions_user_expiry and subtracted.
 *
 * Every INSERT into sessions (the login statement, and anything else) counts its rows in a statement
 * trigger; revocations subtract what they end in their own transaction.
 */
export class SessionLiveCounts1700000001600 implements MigrationInterface {
  name = 'SessionLiveCounts1700000001600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users
        ADD COLUMN live_sessions integer NOT NULL DEFAULT 0,
        ADD COLUMN live_epoch timestamptz DEFAULT '-infinity',
        ADD COLUMN expired_counted_until timestamptz NOT NULL DEFAULT '-infinity'`);
    await q.query(`CREATE INDEX ix_sessions_user_expiry ON sessions (user_id, (least(idle_expires_at, expires_at))) WHERE revoked_at IS NULL`);

    // The existing users, counted once.
    await q.query(`
      UPDATE users u SET
        live_epoch = greatest(u.sessions_valid_after, a.sessions_valid_after),
        expired_counted_until = now(),
        live_sessions = (SELECT count(*)::int FROM sessions s
                          WHERE s.user_id = u.id AND s.revoked_at IS NULL AND least(s.idle_expires_at, s.expires_at) > now()
                            AND (u.sessions_valid_after IS NULL OR s.created_at > u.sessions_valid_after OR s.id = u.sessions_keep_id)
                            AND (a.sessions_valid_after IS NULL OR s.created_at > a.sessions_valid_after OR s.id = a.sessions_keep_id))
        FROM accounts a WHERE a.id = u.account_id`);

    // A new user starts counted (zero) under its account's current watermark.
    await q.query(`
      CREATE FUNCTION users_live_count_start() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        NEW.live_sessions := 0;
        NEW.live_epoch := greatest(NEW.sessions_valid_after, (SELECT sessions_valid_after FROM accounts WHERE id = NEW.account_id));
        NEW.expired_counted_until := now();
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER trg_users_live_count_start BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION users_live_count_start()`);

    // New sessions add to their user's count, if it is current (a stale one is recounted when read).
    // The login statement holds the user row FOR NO KEY UPDATE and the account row FOR SHARE, so the
    // watermarks read here cannot change before the commit.
    await q.query(`
      CREATE FUNCTION sessions_live_count_inserted() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE users u SET live_sessions = u.live_sessions + c.n
          FROM (SELECT n.user_id, count(*)::int AS n
                  FROM inserted_sessions n JOIN users u2 ON u2.id = n.user_id JOIN accounts a ON a.id = u2.account_id
                 WHERE n.revoked_at IS NULL AND least(n.idle_expires_at, n.expires_at) > u2.expired_counted_until
                   AND (u2.sessions_valid_after IS NULL OR n.created_at > u2.sessions_valid_after OR n.id = u2.sessions_keep_id)
                   AND (a.sessions_valid_after IS NULL OR n.created_at > a.sessions_valid_after OR n.id = a.sessions_keep_id)
                 GROUP BY n.user_id) c
         WHERE u.id = c.user_id
           AND u.live_epoch IS NOT DISTINCT FROM greatest(u.sessions_valid_after, (SELECT sessions_valid_after FROM accounts WHERE id = u.account_id));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER trg_sessions_live_count_inserted AFTER INSERT ON sessions
      REFERENCING NEW TABLE AS inserted_sessions FOR EACH STATEMENT EXECUTE FUNCTION sessions_live_count_inserted()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS trg_sessions_live_count_inserted ON sessions`);
    await q.query(`DROP FUNCTION IF EXISTS sessions_live_count_inserted()`);
    await q.query(`DROP TRIGGER IF EXISTS trg_users_live_count_start ON users`);
    await q.query(`DROP FUNCTION IF EXISTS users_live_count_start()`);
    await q.query(`DROP INDEX IF EXISTS ix_sessions_user_expiry`);
    await q.query(`ALTER TABLE users DROP COLUMN IF EXISTS live_sessions, DROP COLUMN IF EXISTS live_epoch, DROP COLUMN IF EXISTS expired_counted_until`);
  }
}
