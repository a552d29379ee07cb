import { EntityManager } from 'typeorm';
import { preparedQuery, PreparedStatement } from '../database/prepared-query.js';
import { LIVE_SESSION_OF_ONE_USER_SQL, LIVE_SESSION_OF_USER_SQL, LIVE_SESSION_SQL, SESSION_JOINS } from './session-sql.js';

/**
 * The user's maintained live-session count (migration 1700000001600): how a forced logout knows its
 * exact `revokedCount` without counting the sessions. Everything here runs with the user row locked
 * FOR UPDATE (RevocationService.liveOfUser) or, for `uncount`, FOR NO KEY UPDATE.
 */

/** A session's expiry: the sooner of its idle and absolute expiry (the ix_sessions_user_expiry key). */
const EXPIRY = 'least(s.idle_expires_at, s.expires_at)';
/**
 * The user's maintained count is current: it was made since the newest watermark of the user and its
 * account (`u` the user, `a` its account); otherwise it is recounted once before it is used.
 */
export const COUNT_IS_CURRENT = 'u.live_epoch IS NOT DISTINCT FROM greatest(u.sessions_valid_after, a.sessions_valid_after)';

/** Sessions of the user in the count's epoch, as LIVE_SESSION_OF_USER_SQL minus its expiry test ($1…$5). */
const IN_EPOCH_OF_USER = `s.user_id = $1 AND s.revoked_at IS NULL
  AND ($2::timestamptz IS NULL OR s.created_at > $2 OR s.id = $3)
  AND ($4::timestamptz IS NULL OR s.created_at > $4 OR s.id = $5)`;

/** A session of user `u` (account `a`) that no watermark of either has ended. */
const IN_EPOCH_OF_JOINED = `(u.sessions_valid_after IS NULL OR s.created_at > u.sessions_valid_after OR s.id = u.sessions_keep_id)
  AND (a.sessions_valid_after IS NULL OR s.created_at > a.sessions_valid_after OR s.id = a.sessions_keep_id)`;

/** 1 when $6 is a live session of the user, else 0. */
const KEEP_LIVE = `(SELECT count(*)::int FROM sessions s WHERE s.id = $6 AND ${LIVE_SESSION_OF_ONE_USER_SQL})`;

export const SESSION_COUNTS = {
  /**
   * A current count, less the sessions that expired since it was last folded ($7, found by expiry
   * range), folded into it now; whether the kept session $6 is among the live; the newest live ids
   * but $6. Parameters as LIVE_SESSION_OF_USER_SQL, then $7 expired_counted_until.
   */
  fold: {
    name: 'sessions.count.fold',
    text: `WITH e AS (SELECT count(*)::int AS n FROM sessions s
                       WHERE ${IN_EPOCH_OF_USER} AND ${EXPIRY} > $7 AND ${EXPIRY} <= now()),
                f AS (UPDATE users SET live_sessions = live_sessions - e.n, expired_counted_until = now() FROM e WHERE users.id = $1 AND e.n > 0)
           SELECT e.n AS expired,
                  ${KEEP_LIVE} AS "keepLive",
                  ARRAY(SELECT s.id FROM sessions s WHERE ${LIVE_SESSION_OF_USER_SQL} ORDER BY s.created_at DESC LIMIT $8) AS ids
             FROM e`,
  },
  /**
   * A stale count (an account-wide logout or a watermark set elsewhere since): recount the live
   * sessions (an index range of the sessions created since the watermark) and store the count again.
   */
  recount: {
    name: 'sessions.count.recount',
    text: `WITH c AS (SELECT count(*)::int AS n FROM sessions s WHERE ${LIVE_SESSION_OF_ONE_USER_SQL}),
                f AS (UPDATE users SET live_sessions = c.n, live_epoch = greatest($2::timestamptz, $4::timestamptz), expired_counted_until = now()
                        FROM c WHERE users.id = $1)
           SELECT c.n AS total,
                  ${KEEP_LIVE} AS "keepLive",
                  ARRAY(SELECT s.id FROM sessions s WHERE ${LIVE_SESSION_OF_USER_SQL} ORDER BY s.created_at DESC LIMIT $7) AS ids
             FROM c`,
  },
  /**
   * The user's watermark ("every session created up to now is dead, but $2"), with the count it leaves:
   * $3 (1 when the kept session is live, else 0), counted under the new epoch.
   */
  watermark: {
    name: 'sessions.count.watermark',
    text: `WITH t AS (SELECT clock_timestamp() AS at)
           UPDATE users u SET sessions_valid_after = t.at, sessions_keep_id = $2,
                  live_sessions = $3, live_epoch = greatest(t.at, a.sessions_valid_after), expired_counted_until = now()
             FROM t, accounts a WHERE u.id = $1 AND a.id = u.account_id
           RETURNING u.sessions_valid_after AS at, u.sessions_valid_after::text AS "atText"`,
  },
  /**
   * The exact number of an account's live sessions ($1), from its users' maintained counts: a current
   * count less the sessions that expired since it was folded (an index range per user, not written
   * back), a stale one recounted; and whether the kept session $2 is among them. O(users of the
   * account), not O(sessions). Run with the account row locked FOR UPDATE, which orders it against
   * logins (they lock it FOR SHARE).
   */
  account: {
    name: 'sessions.count.account',
    text: `SELECT coalesce(sum(CASE
                    WHEN NOT (${COUNT_IS_CURRENT}) THEN
                      (SELECT count(*) FROM sessions s WHERE s.user_id = u.id AND s.revoked_at IS NULL AND s.expires_at > now() AND s.idle_expires_at > now() AND ${IN_EPOCH_OF_JOINED})
                    WHEN u.live_sessions = 0 THEN 0
                    ELSE u.live_sessions - (SELECT count(*) FROM sessions s WHERE s.user_id = u.id AND s.revoked_at IS NULL AND ${IN_EPOCH_OF_JOINED}
                                              AND ${EXPIRY} > u.expired_counted_until AND ${EXPIRY} <= now())
                  END), 0)::int AS total,
                  (SELECT count(*)::int FROM ${SESSION_JOINS} WHERE s.id = $2 AND s.account_id = $1 AND ${LIVE_SESSION_SQL}) AS "keepLive"
             FROM users u JOIN accounts a ON a.id = u.account_id
            WHERE u.account_id = $1 AND u.status = 'active'`,
  },
  /**
   * Sessions ($1) just revoked one by one leave their users' current counts, unless already folded
   * away as expired. Users locked in id order first, so two such revocations never deadlock.
   */
  uncount: {
    name: 'sessions.count.uncount',
    text: `WITH owners AS (SELECT id FROM users WHERE id IN (SELECT user_id FROM sessions WHERE id = ANY($1::uuid[])) ORDER BY id FOR NO KEY UPDATE)
           UPDATE users u SET live_sessions = u.live_sessions
                    - (SELECT count(*)::int FROM sessions s WHERE s.id = ANY($1::uuid[]) AND s.user_id = u.id AND ${EXPIRY} > u.expired_counted_until)
             FROM owners, accounts a
            WHERE u.id = owners.id AND a.id = u.account_id
              AND ${COUNT_IS_CURRENT}`,
  },
} satisfies Record<string, PreparedStatement>;

/** What liveOfUser reads with the user row: the watermarks, and the count with its bookkeeping. */
export interface CountedOwner {
  active: boolean;
  userAfter: string | null;
  userKeep: string | null;
  accountAfter: string | null;
  accountKeep: string | null;
  liveSessions: number;
  /** The count is current: counted under the watermarks in force. */
  counted: boolean;
  expiredCountedUntil: string;
}

/** The owner-row columns liveOfUser adds to its locking read (`u` users, `a` accounts). */
export const COUNT_COLUMNS = `u.live_sessions AS "liveSessions",
  (${COUNT_IS_CURRENT}) AS counted,
  u.expired_counted_until::text AS "expiredCountedUntil"`;

/**
 * The exact number of the user's live sessions but `keep`, and the newest `limit` of their ids, from
 * the maintained count: constant time, plus the sessions that expired since the last reading.
 */
export async function countLiveOfUser(
  manager: EntityManager,
  userId: string,
  owner: CountedOwner,
  keep: string | null,
  limit: number,
): Promise<{ ids: string[]; count: number; keepLive: boolean }> {
  const base = [userId, owner.userAfter, owner.userKeep, owner.accountAfter, owner.accountKeep, keep];
  if (owner.counted) {
    const [row] = await preparedQuery<{ expired: number; keepLive: number; ids: string[] }>(manager, SESSION_COUNTS.fold, [
      ...base,
      owner.expiredCountedUntil,
      limit,
    ]);
    return { ids: row.ids, count: owner.liveSessions - row.expired - row.keepLive, keepLive: row.keepLive > 0 };
  }
  const [row] = await preparedQuery<{ total: number; keepLive: number; ids: string[] }>(manager, SESSION_COUNTS.recount, [...base, limit]);
  return { ids: row.ids, count: row.total - row.keepLive, keepLive: row.keepLive > 0 };
}

/** The exact number of the account's live sessions but `keep`, from its users' counts (see SESSION_COUNTS.account). */
export async function countLiveOfAccount(manager: EntityManager, accountId: string, keep: string | null): Promise<{ count: number; keepLive: boolean }> {
  const [row] = await preparedQuery<{ total: number; keepLive: number }>(manager, SESSION_COUNTS.account, [accountId, keep]);
  return { count: row.total - row.keepLive, keepLive: row.keepLive > 0 };
}

/** Sessions just revoked one by one (in this transaction) leave their users' counts. */
export async function uncount(manager: EntityManager, sessionIds: string[]): Promise<void> {
  if (sessionIds.length > 0) await preparedQuery(manager, SESSION_COUNTS.uncount, [sessionIds]);
}
