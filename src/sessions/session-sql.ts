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
