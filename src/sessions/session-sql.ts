/**
 * The one definition of a live session, over `sessions s JOIN users u JOIN accounts a`: not revoked
 * one by one, not expired, and created after the user's and the account's "valid after" watermarks
 * (which revoke every older session in O(1)), unless it is the session a watermark kept.
 */
export const LIVE_SESSION_SQL = `(s.revoked_at IS NULL AND s.expires_at > now() AND s.idle_expires_at > now()
  AND u.status = 'active'
  AND (u.sessions_valid_after IS NULL OR s.created_at > u.sessions_valid_after OR s.id = u.sessions_keep_id)
  AND (a.sessions_valid_after IS NULL OR s.created_at > a.sessions_valid_after OR s.id = a.sessions_keep_id))`;

export const SESSION_JOINS = 'sessions s JOIN users u ON u.id = s.user_id JOIN accounts a ON a.id = s.account_id';

/**
 * The same definition for the sessions of one user whose row and account row were read first (and the
 * user found active): the joined columns become parameters — $2/$3 the user's watermark and kept
 * session, $4/$5 the account's. Without a join per row, counting a user's 10,000 sessions is one index
 * range scan (about a third of the joined query's time).
 */
export const LIVE_SESSION_OF_ONE_USER_SQL = `s.user_id = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND s.idle_expires_at > now()
  AND ($2::timestamptz IS NULL OR s.created_at > $2 OR s.id = $3)
  AND ($4::timestamptz IS NULL OR s.created_at > $4 OR s.id = $5)`;

/** LIVE_SESSION_OF_ONE_USER_SQL, and $6 a session to leave out. */
export const LIVE_SESSION_OF_USER_SQL = `${LIVE_SESSION_OF_ONE_USER_SQL}
  AND s.id IS DISTINCT FROM $6`;

/**
 * The whole set a user's watermark revocation ended (its audit event lists only the newest), found
 * again from the event: $1 its target user, then its `details.revokedSet`: $2 `at`, $3 `keep`, $4/$5
 * `before.userAfter`/`userKeep`, $6/$7 `before.accountAfter`/`accountKeep`. The sessions created up
 * to the watermark that were live then: not ended one by one before it, not expired by then, not ended
 * by an earlier watermark. (A user's sessions never revive, and a revoked row's expiry never moves.)
 */
export const REVOKED_BY_USER_WATERMARK_SQL = `SELECT s.id FROM sessions s
  WHERE s.user_id = $1 AND s.created_at <= $2::timestamptz AND s.id IS DISTINCT FROM $3::uuid
    AND (s.revoked_at IS NULL OR s.revoked_at >= $2::timestamptz) AND least(s.idle_expires_at, s.expires_at) > $2::timestamptz
    AND ($4::timestamptz IS NULL OR s.created_at > $4::timestamptz OR s.id = $5::uuid)
    AND ($6::timestamptz IS NULL OR s.created_at > $6::timestamptz OR s.id = $7::uuid)`;

/**
 * The same for an account-wide logout: $1 the account, $2 `at`, $3 `keep`, $4/$5
 * `before.accountAfter`/`accountKeep`. Each user's own earlier watermark is known from the rows: the
 * service marks the rows a revocation ended with its time (`revoked_at` = `at`) right after it answers,
 * so the set is the account's rows marked with this watermark's time that had not expired by then.
 */
export const REVOKED_BY_ACCOUNT_WATERMARK_SQL = `SELECT s.id FROM sessions s
  WHERE s.account_id = $1 AND s.revoked_at = $2::timestamptz AND s.id IS DISTINCT FROM $3::uuid
    AND least(s.idle_expires_at, s.expires_at) > $2::timestamptz
    AND ($4::timestamptz IS NULL OR s.created_at > $4::timestamptz OR s.id = $5::uuid)`;
