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
