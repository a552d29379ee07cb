import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, eventInsertSql, eventInsertWithSessionsSql, EVENT_VALUES_WITHOUT_SESSIONS, eventValues, eventValuesWithoutSessions } from '../audit/audit.service.js';
import { AuditRecord, MAX_LISTED_SESSION_IDS, MAX_LISTED_WATERMARK_SESSION_IDS } from '../audit/audit.types.js';
import { Actor } from '../common/actor.js';
import { sha256 } from '../common/crypto.js';
import { isUuid } from '../common/uuid.js';
import { DomainException, ErrorCode, notFound } from '../common/error-codes.js';
import { TransactionService } from '../common/transaction.service.js';
import { eventOutboxCte, eventOutboxWokenSql } from '../delivery/outbox.service.js';
import { preparedQuery, PreparedStatement } from '../database/prepared-query.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { PERMISSIONS } from '../permissions/permissions.js';
import { PermissionsService } from '../permissions/permissions.service.js';
import { StepUpService } from '../policy/step-up.service.js';
import { ReceiverRow, receiversOfSql, SessionSignalsService } from '../receivers/session-signals.service.js';
import { SESSION_REVOKED } from '../receivers/ssf.constants.js';
import { RevocationReceipt, RevocationTarget, RevokeOptions } from './revocation.types.js';
import { COUNT_COLUMNS, COUNT_IS_CURRENT, CountedOwner, countLiveOfAccount, countLiveOfUser, SESSION_COUNTS, uncount } from './session-counts.js';
import { LIVE_SESSION_OF_ONE_USER_SQL, LIVE_SESSION_SQL, SESSION_JOINS } from './session-sql.js';
import { invalidationCtes, listenersSql, PublishedInvalidation, SessionInvalidationService } from './session-invalidation.service.js';

/**
 * Ids in the canonical (lower-case) form Postgres returns them in: the actor's own id, the cache's
 * entries and the invalidation all compare them as text, and UUID validation accepts upper case.
 */
function canonical(target: RevocationTarget): RevocationTarget {
  switch (target.kind) {
    case 'session':
      return { ...target, sessionId: target.sessionId.toLowerCase() };
    case 'user':
    case 'device':
      return { ...target, userId: target.userId.toLowerCase() };
    case 'sessions':
      return { ...target, userId: target.userId.toLowerCase(), sessionIds: target.sessionIds.map((id) => id.toLowerCase()) };
    case 'account':
      return { ...target, accountId: target.accountId.toLowerCase() };
    default:
      return target;
  }
}

/** O(1) revocation: every session of the user or account created up to now is dead, whatever their number. */
const watermarkUpdate = (table: 'users' | 'accounts'): PreparedStatement => ({
  name: `revoke.${table}.watermark`,
  text: `UPDATE ${table} SET sessions_valid_after = clock_timestamp(), sessions_keep_id = $2 WHERE id = $1
         RETURNING sessions_valid_after AS at, sessions_valid_after::text AS "atText"`,
});

/**
 * The statements of a watermark revocation ("log out everywhere", forced logout of a user, account-wide
 * logout), per target: the owner read that authorizes it, then in its transaction the row lock (which
 * orders it against logins, which lock the user row FOR NO KEY UPDATE and the account row FOR SHARE),
 * the live sessions (a user's: its maintained count, see session-counts.ts; an account's: the sum of
 * its users' counts; and the newest ids) and the watermark. Prepared: Postgres parsed and planned them on every call,
 * about 2.5 ms of a forced logout's 20 (its log, 10,000-session user).
 */
const WATERMARK = {
  user: {
    owner: { name: 'revoke.users.owner', text: 'SELECT account_id FROM users WHERE id = $1' },
    // Also reads the user's and its account's watermarks, so the scan needs no join per session. The
    // account row is locked FOR SHARE so that its watermark is read as committed when the lock is
    // granted, not as it was when the statement began: an account-wide logout that commits while this
    // waits for the user row is seen. The watermarks as text: a JS Date would cut them to the
    // millisecond, and they are compared to the microsecond.
    lock: {
      name: 'revoke.users.lock-read',
      text: `SELECT u.status = 'active' AS active, u.sessions_valid_after::text AS "userAfter", u.sessions_keep_id AS "userKeep",
                    a.sessions_valid_after::text AS "accountAfter", a.sessions_keep_id AS "accountKeep", ${COUNT_COLUMNS}
               FROM users u JOIN accounts a ON a.id = u.account_id WHERE u.id = $1 FOR UPDATE OF u FOR SHARE OF a`,
    },
    // The user's watermark also resets its maintained count (session-counts.ts).
    watermark: SESSION_COUNTS.watermark,
  },
  account: {
    owner: { name: 'revoke.accounts.owner', text: 'SELECT id AS account_id FROM accounts WHERE id = $1' },
    // The account's watermark before this one, as text (to the microsecond), for the audit event.
    lock: {
      name: 'revoke.accounts.lock-read',
      text: 'SELECT sessions_valid_after::text AS "accountAfter", sessions_keep_id AS "accountKeep" FROM accounts WHERE id = $1 FOR UPDATE',
    },
    // The newest live sessions, for the receipt (the count is the users', SESSION_COUNTS.account): the
    // account's index read backwards, each session's user checked for it by a scalar subquery, which
    // the planner cannot turn into a join: as a join (or EXISTS) it started from the users and sorted
    // all their sessions (120-500 ms at 100,000). $3/$4: the account's watermark, read with its lock.
    live: {
      name: 'revoke.accounts.newest',
      text: `SELECT s.id FROM sessions s
              WHERE s.account_id = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND s.idle_expires_at > now()
                AND ($3::timestamptz IS NULL OR s.created_at > $3::timestamptz OR s.id = $4::uuid)
                AND s.id IS DISTINCT FROM $2
                AND (SELECT u.status = 'active' AND (u.sessions_valid_after IS NULL OR s.created_at > u.sessions_valid_after OR s.id = u.sessions_keep_id)
                       FROM users u WHERE u.id = s.user_id)
              ORDER BY s.created_at DESC LIMIT ${MAX_LISTED_WATERMARK_SESSION_IDS}`,
    },
    watermark: watermarkUpdate('accounts'),
  },
} satisfies { user: Record<'owner' | 'lock' | 'watermark', PreparedStatement>; account: Record<'owner' | 'lock' | 'live' | 'watermark', PreparedStatement> };

interface Resolved {
  accountId: string;
  targetUserId: string | null;
  own: boolean;
  scope: 'session' | 'user' | 'device' | 'account';
}

/** What a revocation writes on each session row it ends: $2 by whom, $3 why, $4 through which surface. */
const MARK = `revoked_at = clock_timestamp(), revoked_by = $2, revoke_reason = $3, revoked_surface = $4`;

/**
 * Ends one live session (locked by the caller) and takes it out of its user's maintained count
 * (session-counts.ts) in the same statement, unless the count is stale or already folded it away.
 */
const REVOKE_ONE: PreparedStatement = {
  name: 'revoke.session.one',
  text: `WITH m AS (UPDATE sessions SET ${MARK} WHERE id = $1 RETURNING revoked_at, user_id, least(idle_expires_at, expires_at) AS expiry),
          c AS (UPDATE users u SET live_sessions = u.live_sessions - 1 FROM m, accounts a
                 WHERE u.id = m.user_id AND a.id = u.account_id AND m.expiry > u.expired_counted_until
                   AND ${COUNT_IS_CURRENT})
         SELECT revoked_at AS at FROM m`,
};
/** Of the sessions $2 of user $1, the live ones, locked in id order. */
const LIVE_OF_LIST_SQL = `SELECT s.id FROM ${SESSION_JOINS} WHERE s.user_id = $1 AND s.id = ANY($2::uuid[]) AND ${LIVE_SESSION_SQL} ORDER BY s.id FOR UPDATE OF s`;
const LIVE_OF_LIST: PreparedStatement = { name: 'revoke.sessions.live', text: `SELECT id, clock_timestamp() AS at FROM (${LIVE_OF_LIST_SQL}) l` };
/**
 * Ends them ($3 by whom, $4 why, $5 surface) and takes them out of the user's current count, unless
 * already folded away as expired (as REVOKE_ONE does for one).
 */
const REVOKE_LIST: PreparedStatement = {
  name: 'revoke.sessions.list',
  text: `WITH live AS (${LIVE_OF_LIST_SQL}),
          m AS (UPDATE sessions SET revoked_at = clock_timestamp(), revoked_by = $3, revoke_reason = $4, revoked_surface = $5
                  FROM live WHERE sessions.id = live.id RETURNING sessions.id, sessions.revoked_at, least(sessions.idle_expires_at, sessions.expires_at) AS expiry),
          c AS (UPDATE users u SET live_sessions = u.live_sessions - (SELECT count(*)::int FROM m WHERE m.expiry > u.expired_counted_until)
                  FROM accounts a WHERE u.id = $1 AND a.id = u.account_id AND ${COUNT_IS_CURRENT})
         SELECT id, revoked_at AS at FROM m ORDER BY id`,
};
/**
 * The receivers of account `account` that take a session-revoked event about user `user`, as one
 * JSON array (null: none), for a revoking statement to return so that SessionSignalsService need not
 * look them up.
 */
const receiversJsonSql = (account: string, user: string) =>
  `(SELECT json_agg(x ORDER BY x.id) FROM (${receiversOfSql(account, user, `'${SESSION_REVOKED}'::text`)}) x)`;

/**
 * The session limit's end-oldest, as CTEs for the login's own statement (SessionsService): with the
 * user row locked and its watermarks read ($1 the user, $2…$5 as LIVE_SESSION_OF_ONE_USER_SQL), the
 * live sessions after the $6 most recently used are locked in id order, ended ($7 by whom, $8 why, $9
 * surface) and taken out of the user's count, as REVOKE_LIST does for a given list. Only when some
 * ended: their audit event (values from $13 in eventValuesWithoutSessions' order; the session list
 * and count from what ended), the invalidation logged for account $12 and NOTIFYed on $10 with the
 * payload suffix $11 (SessionInvalidationService.inline). One statement instead of five round trips;
 * END_OLDEST_COLUMNS reads the outcome `FROM summary`.
 */
export const END_OLDEST_PARAMS = 12 + EVENT_VALUES_WITHOUT_SESSIONS;
export const endOldestCtes = (): string => `live AS (
       SELECT s.id FROM sessions s WHERE ${LIVE_SESSION_OF_ONE_USER_SQL} ORDER BY s.last_seen_at DESC, s.created_at DESC, s.id OFFSET $6::int),
     -- Locked in id order, as every revocation of several rows locks them. The user row is locked and the
     -- account row shared: no watermark can move meanwhile, so only a revocation of the row itself
     -- (checked again once its lock is had) can have ended it since the snapshot.
     -- (Arrays of ids rather than joins: the plan is the same whatever the parameters, see limitLockSql in SessionsService.)
     locked AS (SELECT id FROM sessions WHERE id = ANY(ARRAY(SELECT id FROM live)) AND revoked_at IS NULL ORDER BY id FOR UPDATE),
     ended AS (UPDATE sessions SET revoked_at = clock_timestamp(), revoked_by = $7::uuid, revoke_reason = $8::text, revoked_surface = $9::text
                WHERE sessions.id = ANY(ARRAY(SELECT id FROM locked))
               RETURNING sessions.id, sessions.revoked_at, least(sessions.idle_expires_at, sessions.expires_at) AS expiry),
     counted AS (UPDATE users u SET live_sessions = u.live_sessions - (SELECT count(*)::int FROM ended WHERE ended.expiry > u.expired_counted_until)
                   FROM accounts a WHERE u.id = $1 AND a.id = u.account_id AND ${COUNT_IS_CURRENT} AND EXISTS (SELECT 1 FROM ended)),
     summary AS (SELECT count(*)::int AS n, (array_agg(revoked_at ORDER BY id))[1] AS at,
                        coalesce((array_agg(id ORDER BY id))[1:${MAX_LISTED_SESSION_IDS}], '{}') AS listed, coalesce(array_agg(id ORDER BY id), '{}') AS ids
                   FROM ended),
     policy_event AS (${eventInsertWithSessionsSql(13, 'summary', 'summary.listed', 'summary.n')} WHERE summary.n > 0 RETURNING id),
     ${invalidationCtes({
       accountId: '$12::uuid',
       kind: `CASE WHEN n = 1 THEN 's' ELSE 'u' END`,
       targetId: 'CASE WHEN n = 1 THEN listed[1]::text ELSE $1::text END',
       channel: '$10::text',
       payload: `CASE WHEN n = 1 THEN 's:' || listed[1]::text ELSE 'u:' || $1::text END || ':' || $11::text`,
       from: 'FROM summary WHERE n > 0',
     })},
     signalled_to AS (SELECT CASE WHEN n > 0 THEN ${receiversJsonSql('$12::uuid', '$1::uuid')} END AS receivers FROM summary)`;
/** What endOldestCtes did, for its statement's SELECT … FROM summary: every id ended only when receivers take its events (they list them). */
export const END_OLDEST_COLUMNS = `summary.n AS "endedCount", summary.at AS "endedAt", summary.listed AS "endedListed",
       (SELECT id::text FROM policy_event) AS "policyEventId", (SELECT count(*)::int FROM notified) AS notified,
       (SELECT receivers FROM signalled_to) AS receivers,
       CASE WHEN (SELECT receivers FROM signalled_to) IS NOT NULL THEN summary.ids END AS "endedIds"`;

/** The user row as the session limit's lock read it (its watermarks, to the microsecond, as text). */
export interface LockedOwner {
  userAfter: string | null;
  userKeep: string | null;
  accountAfter: string | null;
  accountKeep: string | null;
}

/** END_OLDEST_COLUMNS as read. */
export interface EndedOldest {
  endedCount: number;
  endedAt: Date | null;
  endedListed: string[];
  policyEventId: string | null;
  /** The receivers its events go to; null when none. */
  receivers: ReceiverRow[] | null;
  /** Null when no receiver takes its events. */
  endedIds: string[] | null;
}

/** The session limit's revocation as its audit event records it (endOldestParams, endedOldest). */
const POLICY_LOGOUT = { reason: 'session limit', action: 'session.policy_logout' } as const;

/**
 * A revocation's audit event ($1…$17, eventValues) with its audit streams' outbox rows ($25…$27,
 * AuditService.outboxFor; none when the account streams nothing) and, when it ended something ($18),
 * its invalidation: logged (account $22, kind $23, target $24) and NOTIFYed on $19 with payload $20,
 * with the number of instances listening (connections named $21) whose acknowledgements to wait for,
 * and the account's receivers that take its session-revoked events (about user $28; null: none), so
 * that SessionSignalsService need not look them up. One round trip instead of four or five.
 */
const RECORD_REVOCATION: PreparedStatement = {
  name: 'revoke.record',
  text: `WITH e AS (${eventInsertSql(1)} RETURNING id, account_id, occurred_at),
          ${eventOutboxCte(25)},
          ${invalidationCtes({ accountId: '$22::uuid', kind: '$23::text', targetId: '$24::text', channel: '$19::text', payload: '$20::text', from: 'WHERE $18::boolean' })}
         SELECT e.id::text AS id, e.occurred_at AS "occurredAt", (SELECT count(*)::int FROM notified) AS notified, ${eventOutboxWokenSql(25)} AS woken,
                CASE WHEN $18::boolean THEN ${listenersSql('$21::text')} END AS listeners,
                CASE WHEN $18::boolean THEN ${receiversJsonSql('$22::uuid', '$28::uuid')} END AS receivers
           FROM e`,
};

const markParamsOf = (actor: Actor, reason: string | null) => [actor.userId, reason, actor.context.surface];

/**
 * How a watermark revocation's whole set of sessions is found again (its event lists only the newest
 * MAX_LISTED_WATERMARK_SESSION_IDS): the watermark's time to the microsecond, the session it kept,
 * and the watermarks in force before it. See REVOKED_BY_USER_WATERMARK_SQL.
 */
export interface RevokedSet {
  watermark: 'user' | 'account';
  at: string;
  keep: string | null;
  before: { userAfter?: string | null; userKeep?: string | null; accountAfter?: string | null; accountKeep?: string | null };
}

interface Live {
  ids: string[];
  count: number;
  keepLive: boolean;
  before: RevokedSet['before'];
}

interface Executed {
  ids: string[];
  count: number;
  /** When it took effect; null: when it is recorded (nothing ended, a dry run, a device's logout). */
  at: Date | null;
  invalidation: PublishedInvalidation | null;
  watermark: Watermark | null;
  revokedSet?: RevokedSet;
}

/** A revocation checked by `authorize`, to run in the caller's transaction. */
export interface AuthorizedRevocation {
  target: RevocationTarget;
  resolved: Resolved;
}

/** A revocation written in a transaction, waiting for the commit to be `settle`d. */
export interface PendingRevocation {
  receipt: RevocationReceipt;
  nonce: string | null;
  watermark: Watermark | null;
  reason: string | null;
  /** It wrote outbox rows (receivers' events, audit streams): this instance's dispatcher looks at the commit. */
  wake: boolean;
}

interface Watermark {
  table: 'users' | 'accounts';
  id: string;
  /** To the microsecond (a Date holds milliseconds). */
  at: string;
  keep: string | null;
}

/**
 * The one operation that ends sessions. Every caller — native logout, admin forced logout, each
 * vendor dialect, refresh-token reuse — goes through `revoke`, which checks permission and tenancy,
 * ends the sessions and writes the audit event in ONE transaction, pushes the invalidation to every
 * instance, and answers with a receipt only once the invalidation has been dispatched. A change that
 * ends a user's sessions with it (disabling them, an admin's password reset) takes `revoke`'s three
 * steps apart, `authorize`, `revokeWithin` its own transaction, then `settle`. `endSignedInByKey`
 * runs inside an API key's revocation, whose transaction it shares.
 */
@Injectable()
export class RevocationService {
  private readonly logger = new Logger(RevocationService.name);

  constructor(
    private readonly tx: TransactionService,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly permissions: PermissionsService,
    private readonly invalidation: SessionInvalidationService,
    private readonly metrics: MetricsService,
    private readonly signals: SessionSignalsService,
    private readonly stepUp: StepUpService,
  ) {}

  async revoke(actor: Actor, given: RevocationTarget, options: RevokeOptions = {}): Promise<RevocationReceipt> {
    const authorized = await this.authorize(actor, given);
    const pending = await this.tx.run((manager) => this.revokeWithin(manager, actor, authorized, options));
    return this.settle(actor, pending);
  }

  /**
   * Checks permission and tenancy for a revocation (refusals audited, nothing changed), for a caller
   * that runs it inside its own transaction (`revokeWithin`) and then `settle`s it after the commit:
   * a change to a user that ends their sessions (disabling, an admin's password reset) is then one
   * transaction, refused before anything is written.
   */
  async authorize(actor: Actor, given: RevocationTarget): Promise<AuthorizedRevocation> {
    const target = canonical(given);
    return { target, resolved: await this.resolve(actor, target) };
  }

  /**
   * The session limit's revocation (actor: the policy, which may end any session of its account, so
   * nothing to look up): endOldestCtes' parameters for keeping the `keep` most recently used live
   * sessions of the user whose row the caller locked and read (`owner`). Then `endedOldest`, in the
   * same transaction. No one waits for this revocation's acknowledgements (the login's answer is a
   * new session): every instance drops the ended sessions when the NOTIFY arrives, and stops trusting
   * its cache one lease after the commit at the latest, as for any revocation.
   */
  endOldestParams(actor: Actor, userId: string, owner: LockedOwner, keep: number): unknown[] {
    const inline = this.invalidation.inline(actor.accountId);
    return [
      userId,
      owner.userAfter,
      owner.userKeep,
      owner.accountAfter,
      owner.accountKeep,
      keep,
      ...markParamsOf(actor, POLICY_LOGOUT.reason),
      inline.channel,
      inline.suffix,
      actor.accountId,
      ...eventValuesWithoutSessions(this.policyLogoutEvent(actor, userId, [], 0)),
    ];
  }

  /**
   * After the statement that ran endOldestCtes, in its transaction, what revokeWithin does besides its
   * statements: the event's streams, the receivers' events (only when some take them).
   * Null when nothing ended; otherwise `settle` it after the commit.
   */
  async endedOldest(manager: EntityManager, actor: Actor, userId: string, row: EndedOldest): Promise<PendingRevocation | null> {
    if (row.endedCount === 0 || !row.policyEventId || !row.endedAt) return null;
    const { streamed } = await this.audit.recorded(manager, this.policyLogoutEvent(actor, userId, row.endedListed, row.endedCount), row.policyEventId);
    const { action, reason } = POLICY_LOGOUT;
    let signalled = 0;
    if (row.receivers && row.endedIds) {
      signalled = await this.signals.revoked(manager, actor, {
        accountId: actor.accountId,
        targetUserId: userId,
        scope: 'session',
        auditEventId: row.policyEventId,
        action,
        sessionIds: row.endedIds,
        reason,
        effectiveAt: row.endedAt,
      }, row.receivers);
    }
    const receipt: RevocationReceipt = {
      revokedCount: row.endedCount,
      sessionIds: row.endedListed,
      sessionIdsTruncated: row.endedCount > row.endedListed.length,
      targetUserId: userId,
      accountId: actor.accountId,
      auditEventId: row.policyEventId,
      action,
      effectiveAt: row.endedAt,
      dryRun: false,
    };
    return { receipt, nonce: null, watermark: null, reason, wake: streamed || signalled > 0 };
  }

  private policyLogoutEvent(actor: Actor, userId: string, sessionIds: string[], sessionCount: number): AuditRecord {
    return {
      action: POLICY_LOGOUT.action,
      outcome: 'success',
      accountId: actor.accountId,
      actor,
      context: actor.context,
      targetUserId: userId,
      sessionIds,
      sessionCount,
      reason: POLICY_LOGOUT.reason,
      ticket: null,
      dryRun: false,
      details: { scope: 'session' },
    };
  }

  /** Ends the sessions and writes the audit event in the caller's transaction; `settle` it after the commit. */
  async revokeWithin(manager: EntityManager, actor: Actor, { target, resolved }: AuthorizedRevocation, options: RevokeOptions = {}): Promise<PendingRevocation> {
    const reason = options.reason ?? (actor.context.surface === 'native' || actor.context.surface === 'system' ? null : `${actor.context.surface} logout`);
    const dryRun = options.dryRun ?? false;
    const action = options.action
      ? options.action
      : resolved.own
      ? resolved.scope === 'session' || resolved.scope === 'device'
        ? 'session.logout'
        : 'session.revoked_all'
      : 'session.forced_logout';
    const outcome = await this.execute(manager, actor, target, resolved, reason, dryRun);
    const record: AuditRecord = {
      action,
      outcome: options.outcome ?? 'success',
      accountId: resolved.accountId,
      actor,
      context: actor.context,
      targetUserId: resolved.targetUserId,
      sessionIds: outcome.ids,
      sessionCount: outcome.count,
      reason,
      ticket: options.ticket ?? null,
      dryRun,
      details: {
        scope: resolved.scope,
        ...(target.kind === 'user' && target.exceptCurrent ? { exceptCurrent: true } : {}),
        ...(outcome.revokedSet ? { revokedSet: outcome.revokedSet } : {}),
      },
    };
    // The event, the invalidation (when something ended: every execute path that ends sessions names
    // one) and the receivers its events go to, in one round trip.
    const published = !dryRun && outcome.count > 0 ? outcome.invalidation : null;
    const inline = published ? this.invalidation.inline(resolved.accountId) : null;
    const streams = await this.audit.outboxFor(manager, record);
    const [event] = await preparedQuery<{ id: string; occurredAt: Date; listeners: number | null; receivers: ReceiverRow[] | null }>(manager, RECORD_REVOCATION, [
      ...eventValues(record),
      inline !== null,
      inline?.channel ?? null,
      published && inline ? `${published.kind}:${published.id}:${inline.suffix}` : null,
      inline?.applicationName ?? null,
      resolved.accountId,
      published?.kind ?? null,
      published?.id ?? null,
      ...streams.values,
      resolved.targetUserId,
    ]);
    const { streamed } = this.audit.wrote(record, streams.destinations);
    if (inline) this.invalidation.expect(inline.nonce, event.listeners ?? 0);
    const nonce = inline?.nonce ?? null;
    // A revocation with no time of its own (nothing ended, a dry run) is effective when it is recorded.
    const effectiveAt = outcome.at ?? event.occurredAt;
    // Downstream receivers' events (SSF, back-channel logout) commit with the revocation.
    const signalled = event.receivers
      ? await this.signals.revoked(manager, actor, { ...resolved, auditEventId: event.id, action, sessionIds: outcome.ids, reason, effectiveAt }, event.receivers)
      : 0;
    const receipt: RevocationReceipt = {
      revokedCount: outcome.count,
      sessionIds: outcome.ids.slice(0, MAX_LISTED_SESSION_IDS),
      sessionIdsTruncated: outcome.count > Math.min(outcome.ids.length, MAX_LISTED_SESSION_IDS),
      targetUserId: resolved.targetUserId,
      accountId: resolved.accountId,
      auditEventId: event.id,
      action,
      effectiveAt,
      dryRun,
    };
    return { receipt, nonce, watermark: outcome.watermark, reason, wake: streamed || signalled > 0 };
  }

  /** After the commit: every instance has dropped the sessions before the caller answers. */
  async settle(actor: Actor, { receipt, nonce, watermark, reason, wake }: PendingRevocation): Promise<RevocationReceipt> {
    if (nonce) await this.invalidation.waitForEcho(nonce);
    if (wake) this.signals.committed();
    if (watermark) this.markRevokedRows(watermark, actor, reason);
    this.metrics.revoked(actor.context.surface, receipt);
    return receipt;
  }

  /**
   * Who owns the target, and may the actor end it? Refusals are audited by PermissionsService; ending
   * what is not one's own is a forced logout, and its refusal is recorded as one (outcome denied).
   */
  private async resolve(actor: Actor, target: RevocationTarget): Promise<Resolved> {
    const attempted = `revoke:${target.kind}`;
    const forced = 'session.forced_logout';
    // An id that cannot exist is simply not found (after the permission check, so nothing is probed).
    const malformed =
      (target.kind === 'session' && !isUuid(target.sessionId)) ||
      ((target.kind === 'user' || target.kind === 'device' || target.kind === 'sessions') && !isUuid(target.userId)) ||
      (target.kind === 'account' && !isUuid(target.accountId)) ||
      (target.kind === 'session-number' && !(Number.isInteger(target.number) && target.number > 0 && target.number <= 2 ** 31 - 1));
    if (malformed) {
      const own = (target.kind === 'user' || target.kind === 'device' || target.kind === 'sessions') && target.userId === actor.userId;
      if (!own) await this.permissions.require(actor, target.kind === 'account' ? PERMISSIONS.sessionsRevokeAccount : PERMISSIONS.sessionsRevokeAny, attempted, null, forced);
      throw notFound(target.kind === 'account' ? 'Account' : target.kind.startsWith('session') ? 'Session' : 'User');
    }
    switch (target.kind) {
      case 'current': {
        if (!actor.sessionId || !actor.userId) throw new DomainException(ErrorCode.UNAUTHENTICATED, 'This credential has no session to end');
        return { accountId: actor.accountId, targetUserId: actor.userId, own: true, scope: 'session' };
      }
      case 'session':
      case 'session-number': {
        const rows: { user_id: string; account_id: string }[] = await this.dataSource.query(
          target.kind === 'session'
            ? 'SELECT user_id, account_id FROM sessions WHERE id = $1'
            : 'SELECT user_id, account_id FROM sessions WHERE number = $1',
          [target.kind === 'session' ? target.sessionId : target.number],
        );
        const own = rows[0]?.user_id === actor.userId && actor.userId !== null;
        if (!own) await this.permissions.require(actor, PERMISSIONS.sessionsRevokeAny, attempted, rows[0]?.user_id ?? null, forced);
        if (!rows[0]) throw notFound('Session');
        await this.permissions.requireAccount(actor, rows[0].account_id, 'Session', attempted, rows[0].user_id, forced);
        const current = target.kind === 'session' ? target.sessionId === actor.sessionId : target.number === actor.sessionNumber;
        // A client revoking a session by its own token (RFC 7009) holds that token: the session's own logout, not a forced one.
        if (!own && actor.kind !== 'client') await this.stepUp.require(actor, 'admin-logout', rows[0].user_id);
        else if (own && !current) await this.stepUp.require(actor, 'end-other-sessions', actor.userId);
        return { accountId: rows[0].account_id, targetUserId: rows[0].user_id, own, scope: 'session' };
      }
      case 'user':
      case 'device':
      case 'sessions': {
        const own = target.userId === actor.userId;
        if (!own) await this.permissions.require(actor, PERMISSIONS.sessionsRevokeAny, attempted, target.userId, forced);
        // A device's logout is that device's own (ZAP); ending all or the other sessions of one's own is ASVS 7.5.2's case.
        const policy = !own || target.kind === 'user' ? this.stepUp.prefetch(actor) : null;
        const rows = await preparedQuery<{ account_id: string }>(this.dataSource, WATERMARK.user.owner, [target.userId]);
        if (!rows[0]) throw notFound('User');
        await this.permissions.requireAccount(actor, rows[0].account_id, 'User', attempted, target.userId, forced);
        if (!own) await this.stepUp.require(actor, 'admin-logout', target.userId, policy);
        else if (target.kind === 'user') await this.stepUp.require(actor, 'end-other-sessions', target.userId, policy);
        return { accountId: rows[0].account_id, targetUserId: target.userId, own, scope: target.kind === 'sessions' ? 'session' : target.kind };
      }
      case 'account': {
        await this.permissions.require(actor, PERMISSIONS.sessionsRevokeAccount, attempted, null, forced);
        const policy = this.stepUp.prefetch(actor);
        const rows = await preparedQuery<{ account_id: string }>(this.dataSource, WATERMARK.account.owner, [target.accountId]);
        if (!rows[0]) throw notFound('Account');
        await this.permissions.requireAccount(actor, target.accountId, 'Account', attempted, null, forced);
        await this.stepUp.require(actor, 'account-logout', null, policy);
        return { accountId: target.accountId, targetUserId: null, own: false, scope: 'account' };
      }
    }
  }

  private async execute(
    manager: EntityManager,
    actor: Actor,
    target: RevocationTarget,
    resolved: Resolved,
    reason: string | null,
    dryRun: boolean,
  ): Promise<Executed> {
    const markParams = markParamsOf(actor, reason);
    switch (target.kind) {
      case 'current':
      case 'session':
      case 'session-number': {
        const sessionId = target.kind === 'current' ? actor.sessionId : target.kind === 'session' ? target.sessionId : null;
        const live: { id: string }[] = await manager.query(
          `SELECT s.id FROM ${SESSION_JOINS} WHERE ${sessionId ? 's.id = $1' : 's.number = $1'} AND ${LIVE_SESSION_SQL} FOR UPDATE OF s`,
          [sessionId ?? (target as { number: number }).number],
        );
        if (live.length === 0 || dryRun) return { ids: live.map((r) => r.id), count: live.length, at: null, invalidation: null, watermark: null };
        // The revocation's own time is its effective time (no separate clock read).
        const [{ at }] = await preparedQuery<{ at: Date }>(manager, REVOKE_ONE, [live[0].id, ...markParams]);
        return { ids: [live[0].id], count: 1, at, invalidation: { kind: 's', id: live[0].id }, watermark: null };
      }
      case 'device': {
        // Only the push token's hash is stored (see SessionsService.issue).
        const deviceTokenHash = sha256(target.deviceToken);
        const live: { id: string }[] = await manager.query(
          `SELECT s.id FROM ${SESSION_JOINS} WHERE s.user_id = $1 AND s.device_token_hash = $2 AND ${LIVE_SESSION_SQL} FOR UPDATE OF s`,
          [target.userId, deviceTokenHash],
        );
        if (dryRun) return { ids: live.map((r) => r.id), count: live.length, at: null, invalidation: null, watermark: null };
        // End the live sessions on that device and unregister the device token from every session.
        await manager.query(`UPDATE sessions SET ${MARK} WHERE id = ANY($1::uuid[])`, [live.map((r) => r.id), ...markParams]);
        await uncount(manager, live.map((r) => r.id));
        await manager.query('UPDATE sessions SET device_token_hash = NULL WHERE user_id = $1 AND device_token_hash = $2', [target.userId, deviceTokenHash]);
        return { ids: live.map((r) => r.id), count: live.length, at: null, invalidation: { kind: 'u', id: target.userId }, watermark: null };
      }
      case 'sessions': {
        // One statement: the live ones locked in id order (as every revocation of several rows locks
        // them), ended, and taken out of the user's maintained count (as REVOKE_ONE and uncount do).
        const ended = await preparedQuery<{ id: string; at: Date }>(manager, dryRun ? LIVE_OF_LIST : REVOKE_LIST, [target.userId, target.sessionIds, ...(dryRun ? [] : markParams)]);
        const ids = ended.map((r) => r.id);
        const at = ended[0]?.at ?? null;
        if (dryRun || ids.length === 0) return { ids, count: ids.length, at, invalidation: null, watermark: null };
        return { ids, count: ids.length, at, invalidation: ids.length === 1 ? { kind: 's', id: ids[0] } : { kind: 'u', id: target.userId }, watermark: null };
      }
      case 'user':
      case 'account': {
        const table = target.kind === 'user' ? 'users' : 'accounts';
        const statements = WATERMARK[target.kind];
        const id = target.kind === 'user' ? target.userId : target.accountId;
        const keep = target.kind === 'account' || target.exceptCurrent ? actor.sessionId : null;
        const { ids, count, keepLive, before } = target.kind === 'user' ? await this.liveOfUser(manager, id, keep) : await this.liveOfAccount(manager, id, keep);
        if (dryRun || count === 0) return { ids, count, at: null, invalidation: null, watermark: null };
        const [{ at, atText }] = await preparedQuery<{ at: Date; atText: string }>(manager, statements.watermark, target.kind === 'user' ? [id, keep, keepLive ? 1 : 0] : [id, keep]);
        return {
          ids,
          count,
          at,
          invalidation: { kind: target.kind === 'user' ? 'u' : 'a', id },
          watermark: { table, id, at: atText, keep },
          revokedSet: { watermark: target.kind, at: atText, keep, before },
        };
      }
    }
  }

  /**
   * Ends, inside the caller's transaction, the live sessions an API key's private key signed in (the
   * key is being revoked), and records one forced logout per user so each user's trail shows it. The
   * rows are locked in id order and ended before any audit write, as `revoke` does, so a concurrent
   * logout of one of them waits instead of deadlocking on the audit chain. The caller's invalidation
   * of the key ('c') drops them from every instance's cache.
   */
  async endSignedInByKey(manager: EntityManager, actor: Actor, keyId: string, reason: string): Promise<void> {
    const ended: { user_id: string; ids: string[] }[] = await manager.query(
      `WITH live AS (
         SELECT s.id FROM ${SESSION_JOINS} WHERE s.signed_in_by_key = $1 AND ${LIVE_SESSION_SQL} ORDER BY s.id FOR UPDATE OF s),
       ended AS (UPDATE sessions s SET ${MARK} FROM live WHERE s.id = live.id RETURNING s.id, s.user_id)
       SELECT user_id, array_agg(id ORDER BY id) AS ids FROM ended GROUP BY user_id ORDER BY user_id`,
      [keyId, ...markParamsOf(actor, reason)],
    );
    await uncount(manager, ended.flatMap((e) => e.ids));
    for (const { user_id: userId, ids } of ended) {
      const event = await this.audit.record(manager, {
        action: 'session.forced_logout',
        accountId: actor.accountId,
        actor,
        context: actor.context,
        targetUserId: userId,
        sessionIds: ids,
        sessionCount: ids.length,
        reason,
        details: { scope: 'client', apiKeyId: keyId },
      });
      await this.signals.revoked(manager, actor, { accountId: actor.accountId, auditEventId: event.id, action: 'session.forced_logout', scope: 'client', targetUserId: userId, sessionIds: ids, reason, effectiveAt: new Date() });
    }
  }

  /**
   * Locks the user row and counts its live sessions but `keep` (none when the user is disabled), in
   * constant time from the maintained count; `keepLive`: `keep` is one of the user's live sessions.
   */
  private async liveOfUser(manager: EntityManager, userId: string, keep: string | null): Promise<Live> {
    const [owner] = await preparedQuery<CountedOwner>(manager, WATERMARK.user.lock, [userId]);
    if (!owner?.active) return { ids: [], count: 0, keepLive: false, before: {} };
    const live = await countLiveOfUser(manager, userId, owner, keep, MAX_LISTED_WATERMARK_SESSION_IDS);
    const before = { userAfter: owner.userAfter, userKeep: owner.userKeep, accountAfter: owner.accountAfter, accountKeep: owner.accountKeep };
    return { ...live, before };
  }

  /**
   * Locks the account row and counts its live sessions but `keep` from its users' maintained counts
   * (each user's own watermark applies), and lists the newest.
   */
  private async liveOfAccount(manager: EntityManager, accountId: string, keep: string | null): Promise<Live> {
    const [account] = await preparedQuery<{ accountAfter: string | null; accountKeep: string | null }>(manager, WATERMARK.account.lock, [accountId]);
    const { count, keepLive } = await countLiveOfAccount(manager, accountId, keep);
    const before = { accountAfter: account?.accountAfter ?? null, accountKeep: account?.accountKeep ?? null };
    const rows = count > 0 ? await preparedQuery<{ id: string }>(manager, WATERMARK.account.live, [accountId, keep, before.accountAfter, before.accountKeep]) : [];
    return { ids: rows.map((r) => r.id), count, keepLive, before };
  }

  /**
   * After a watermark revocation has committed (and so already taken effect), copy the revocation
   * onto the session rows for listings, off the request's path. Idempotent; a failure loses nothing
   * (the watermark stays authoritative).
   */
  private markRevokedRows(watermark: Watermark, actor: Actor, reason: string | null): void {
    const column = watermark.table === 'users' ? 'user_id' : 'account_id';
    this.dataSource
      .query(
        `UPDATE sessions SET revoked_at = $2, revoked_by = $4, revoke_reason = $5, revoked_surface = $6
          WHERE ${column} = $1 AND revoked_at IS NULL AND created_at <= $2 AND id IS DISTINCT FROM $3`,
        [watermark.id, watermark.at, watermark.keep, actor.userId, reason, actor.context.surface],
      )
      .catch((error: Error) => this.logger.warn({ err: error.message }, 'could not mark revoked session rows'));
  }
}
