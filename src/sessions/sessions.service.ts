import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { StreamRef } from '../audit/audit-stream-cache.service.js';
import { AuditService, eventInsertSql, eventValues } from '../audit/audit.service.js';
import { AuditRecord } from '../audit/audit.types.js';
import { Actor, systemActor } from '../common/actor.js';
import { newOpaqueToken, sha256 } from '../common/crypto.js';
import { DomainException, ErrorCode, notFound } from '../common/error-codes.js';
import { RequestContext } from '../common/request-context.js';
import { TransactionService, uuidLiteral } from '../common/transaction.service.js';
import { AppConfigService } from '../config/app-config.service.js';
import { preparedQuery, PreparedStatement } from '../database/prepared-query.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { PERMISSIONS } from '../permissions/permissions.js';
import { PermissionsService } from '../permissions/permissions.service.js';
import { END_OLDEST_COLUMNS, END_OLDEST_PARAMS, EndedOldest, endOldestCtes, LockedOwner, PendingRevocation, RevocationService } from './revocation.service.js';
import { EffectivePolicy } from '../policy/session-policy.js';
import { LIVE_SESSION_OF_ONE_USER_SQL, LIVE_SESSION_SQL, SESSION_JOINS } from './session-sql.js';
import { SessionInvalidationService } from './session-invalidation.service.js';

export interface SessionView {
  id: string;
  number: number;
  userId: string;
  accountId: string;
  surface: string;
  deviceName: string | null;
  hasDeviceToken: boolean;
  ip: string | null;
  userAgent: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  idleExpiresAt: Date;
  expiresAt: Date;
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  session: SessionView;
}

export interface NewSessionInput {
  userId: string;
  accountId: string;
  deviceToken?: string | null;
  deviceName?: string | null;
  /** The API key whose private key signs the user in: the session ends with the key. */
  signedInByKey?: string;
  /** The user's session policy (lifetimes, session limit); without it, the environment's lifetimes and no limit. */
  policy?: EffectivePolicy;
}

/**
 * A login under a session limit, in one transaction: the user row locked FOR NO KEY UPDATE (and the
 * account row FOR SHARE) first, so concurrent logins of one user take turns on every instance, then
 * their live sessions read by a statement of their own (whose snapshot sees every login that held
 * the lock before), most recently used first. The locks are sent with the BEGIN, in one round trip,
 * as statements without parameters (their ids as uuidLiteral's literals).
 */
const limitLockSql = (userId: string, accountId: string) =>
  // The watermarks as text: a JS Date would cut them to the millisecond, and they are compared to the microsecond.
  `SELECT u.sessions_valid_after::text AS "userAfter", u.sessions_keep_id AS "userKeep", a.sessions_valid_after::text AS "accountAfter", a.sessions_keep_id AS "accountKeep"
     FROM users u JOIN accounts a ON a.id = u.account_id
    WHERE u.id = ${uuidLiteral(userId)} AND u.account_id = ${uuidLiteral(accountId)} AND u.status = 'active' FOR NO KEY UPDATE OF u FOR SHARE OF a`;
const LIMIT_LIVE: PreparedStatement = {
  name: 'sessions.limit.live',
  text: `SELECT s.id FROM sessions s WHERE ${LIVE_SESSION_OF_ONE_USER_SQL} ORDER BY s.last_seen_at DESC, s.created_at DESC, s.id`,
};
/** A key's sign-in locks the key row first, as the key's revocation does (see issueStatement). */
const limitKeyLockSql = (keyId: string) => `SELECT 1 FROM api_keys WHERE id = ${uuidLiteral(keyId)} AND revoked_at IS NULL FOR SHARE`;

/** The session policy's own actor: it ends sessions at the limit (initiating entity `policy` downstream). */
export const policyActor = (accountId: string, context: RequestContext): Actor => ({
  ...systemActor(accountId, context, 'policy'),
  permissions: new Set<string>([PERMISSIONS.sessionsRevokeAny]),
});

/** Rolls the limited login's transaction back when the user or key ended meanwhile. */
class NoSession extends Error {}

const VIEW_COLUMNS = `s.id, s.number, s.user_id AS "userId", s.account_id AS "accountId", s.surface, s.device_name AS "deviceName",
  (s.device_token_hash IS NOT NULL) AS "hasDeviceToken", s.ip, s.user_agent AS "userAgent", s.created_at AS "createdAt",
  s.last_seen_at AS "lastSeenAt", s.idle_expires_at AS "idleExpiresAt", s.expires_at AS "expiresAt"`;

/**
 * A new session and its audit event, in one statement that also locks the user row (FOR NO KEY UPDATE:
 * the insert trigger adds the session to the user's live count, see session-counts.ts) and the account
 * row FOR SHARE (ordering it against a concurrent "log out everywhere"). Neither row is written when the
 * user is no longer active. One autocommit statement is atomic on its own: the login path saves the
 * BEGIN, a second INSERT and the COMMIT round trips. Prepared: it runs on every login.
 */
function issueStatement(byKey: boolean): PreparedStatement {
  return {
    name: byKey ? 'sessions.issue-by-key' : 'sessions.issue',
    text: `WITH ${issueCtes(byKey, false)}
     SELECT ${VIEW_COLUMNS}, (SELECT e.id::text FROM e) AS "auditEventId" FROM s`,
  };
}

/**
 * The session's and its event's CTEs (`s`, `e`). Unless `locked` (the caller's transaction has locked
 * the rows already, see limitLockSql), an `owner` CTE locks them and the session is written only if it
 * yields its row. `eventAfter`: a relation the event's insert reads first, which orders it after an
 * event the same statement writes (the session limit's).
 */
function issueCtes(byKey: boolean, locked: boolean, eventAfter?: string): string {
  // Signed in by an API key's private key ($14): only while the key is live, and FOR SHARE of its row,
  // so a revocation of the key either sees this session (and ends it) or makes this statement insert none.
  // The key row is locked first (rows are locked in the order of the FOR clauses): the key's revocation
  // locks it, then the sessions, then their users, so taking the user row first could deadlock with it.
  const owner = `owner AS (
       SELECT u.id FROM ${byKey ? 'api_keys k JOIN users u ON k.id = $14 AND k.revoked_at IS NULL' : 'users u'} JOIN accounts a ON a.id = u.account_id
        WHERE u.id = $2 AND u.account_id = $3 AND u.status = 'active' ${byKey ? 'FOR SHARE OF k ' : ''}FOR NO KEY UPDATE OF u FOR SHARE OF a),`;
  return `${locked ? '' : owner}
     s AS (
       INSERT INTO sessions (id, user_id, account_id, token_hash, refresh_hash, surface, device_token_hash, device_name, ip, user_agent,
                             access_expires_at, idle_expires_at, expires_at, access_ttl_seconds, idle_ttl_seconds${byKey ? ', signed_in_by_key' : ''})
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10,
              least(now() + make_interval(secs => $11), now() + make_interval(secs => $13)),
              least(now() + make_interval(secs => $12), now() + make_interval(secs => $13)),
              now() + make_interval(secs => $13), $11::int, $12::int${byKey ? ', $14' : ''}
         ${locked ? '' : 'FROM owner'}
       RETURNING *),
     e AS (${eventInsertSql(byKey ? 15 : 14, eventAfter ? `s, ${eventAfter}` : 's')} RETURNING id)`;
}

/** `sql` with each parameter $n as $(n + by): a statement's parameters after another's. */
const shiftParams = (sql: string, by: number) => sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + by}`);

/**
 * A login at a session limit that ends the oldest, after limitLockSql in its transaction: one statement
 * that ends the user's least recently used live sessions beyond the limit with their audit event and
 * invalidation (RevocationService's endOldestCtes, whose snapshot is taken after the lock, so it sees
 * every login that held it before), then writes the new session and its event after that one. Its
 * parameters: endOldestCtes' (END_OLDEST_PARAMS of them), then ISSUE_SESSION's.
 */
function endOldestStatement(byKey: boolean): PreparedStatement {
  return {
    name: byKey ? 'sessions.issue-by-key.end-oldest' : 'sessions.issue.end-oldest',
    text: `WITH ${endOldestCtes()},
     ${shiftParams(issueCtes(byKey, true, '(SELECT count(*) FROM policy_event) ordered'), END_OLDEST_PARAMS)}
     SELECT ${VIEW_COLUMNS}, (SELECT e.id::text FROM e) AS "auditEventId", ${END_OLDEST_COLUMNS} FROM s, summary`,
  };
}

const END_OLDEST = endOldestStatement(false);
const END_OLDEST_BY_KEY = endOldestStatement(true);

const ISSUE_SESSION = issueStatement(false);
type IssuedRow = SessionView & { auditEventId: string };
const ISSUE_SESSION_BY_KEY = issueStatement(true);

/** Session lifecycle other than revocation: issuing, listing, refreshing. */
@Injectable()
export class SessionsService {
  private readonly logger = new Logger(SessionsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly config: AppConfigService,
    private readonly permissions: PermissionsService,
    private readonly revocation: RevocationService,
    private readonly invalidation: SessionInvalidationService,
    private readonly metrics: MetricsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Creates a session and records `event` for it (ISSUE_SESSION); null when the user is no longer
   * active (or the signing key was revoked). Under a session limit (`input.policy.maxSessions`), a
   * user at the limit is refused (SESSION_LIMIT_REACHED) or their least recently used sessions end
   * through the revocation path (`session.policy_logout`, reason "session limit"), in the login's
   * transaction; without one, the login stays the one autocommit statement.
   */
  async issue(input: NewSessionInput, context: RequestContext, event: Omit<AuditRecord, 'sessionIds' | 'sessionCount'>): Promise<IssuedTokens | null> {
    const defaults = this.config.tokens;
    const policy = input.policy;
    const accessTtlSeconds = policy?.accessTokenTtlSeconds ?? defaults.accessTtlSeconds;
    const absoluteTtlSeconds = policy?.absoluteLifetimeSeconds ?? defaults.absoluteTtlSeconds;
    const idleTtlSeconds = policy?.idleTimeoutSeconds ?? defaults.idleTtlSeconds;
    const sessionId = randomUUID();
    const accessToken = newOpaqueToken('sat');
    const refreshToken = newOpaqueToken('srt');
    const byKey = input.signedInByKey !== undefined;
    const statement = byKey ? ISSUE_SESSION_BY_KEY : ISSUE_SESSION;
    const params = [
      sessionId,
      input.userId,
      input.accountId,
      sha256(accessToken),
      sha256(refreshToken),
      context.surface,
      input.deviceToken == null ? null : sha256(input.deviceToken),
      input.deviceName ?? null,
      context.ip,
      context.userAgent,
      accessTtlSeconds,
      idleTtlSeconds,
      absoluteTtlSeconds,
      ...(byKey ? [input.signedInByKey] : []),
      ...eventValues({ ...event, sessionIds: [sessionId], sessionCount: 1 }),
    ];
    const maxSessions = policy?.maxSessions ?? null;
    const streams = await this.audit.streamsFor(input.accountId, event.action);
    // Streamed to a SIEM: the session, its event and the event's outbox rows commit together.
    const rows =
      maxSessions !== null && policy
        ? await this.issueLimited(input, context, policy, maxSessions, params, streams)
        : streams.length === 0
          ? await preparedQuery<IssuedRow>(this.dataSource, statement, params)
          : await this.tx.run(async (manager) => {
              const issued = await preparedQuery<IssuedRow>(manager, statement, params);
              if (issued[0]) await this.audit.enqueueStreams(manager, streams, input.accountId, issued[0].auditEventId);
              return issued;
            });
    if (!rows[0]) return null;
    if (streams.length > 0) this.audit.streamed(streams);
    this.metrics.audited(event);
    const { auditEventId: _eventId, ...session } = rows[0];
    return { accessToken, refreshToken, expiresIn: Math.min(accessTtlSeconds, absoluteTtlSeconds), session };
  }

  private async issueLimited(
    input: NewSessionInput,
    context: RequestContext,
    policy: EffectivePolicy,
    maxSessions: number,
    params: unknown[],
    streams: StreamRef[],
  ): Promise<IssuedRow[]> {
    const actor = policyActor(input.accountId, context);
    const byKey = input.signedInByKey !== undefined;
    let done: { rows: IssuedRow[]; pending: PendingRevocation | null };
    try {
      // The locks go with the BEGIN, in one round trip: the key's first, as its revocation takes them.
      const locks = [...(byKey ? [limitKeyLockSql(input.signedInByKey as string)] : []), limitLockSql(input.userId, input.accountId)];
      // END_OLDEST's custom plan cost more to make (about 1 ms) than the statement takes to run; its
      // parameters are ids and id arrays, so one plan serves every login.
      done = await this.tx.run(async (manager, first) => {
        if (byKey && first[0].length === 0) throw new NoSession();
        const [owner] = first.at(-1) as LockedOwner[];
        if (!owner) throw new NoSession();
        let rows: IssuedRow[];
        let pending: PendingRevocation | null = null;
        if (policy.atLimit === 'end-oldest') {
          // Ends what is over the limit and writes the session, in one statement (see endOldestStatement).
          const ending = this.revocation.endOldestParams(actor, input.userId, owner, maxSessions - 1);
          const issued = await preparedQuery<IssuedRow & EndedOldest>(manager, byKey ? END_OLDEST_BY_KEY : END_OLDEST, [...ending, ...params]);
          if (!issued[0]) throw new NoSession();
          pending = await this.revocation.endedOldest(manager, actor, input.userId, issued[0]);
          rows = issued.map(({ endedCount: _n, endedAt: _at, endedListed: _l, policyEventId: _e, receivers: _r, endedIds: _i, ...row }) => row);
        } else {
          const live = await preparedQuery<{ id: string }>(manager, LIMIT_LIVE, [input.userId, owner.userAfter, owner.userKeep, owner.accountAfter, owner.accountKeep]);
          if (live.length >= maxSessions) {
            throw new DomainException(ErrorCode.SESSION_LIMIT_REACHED, `This user already has ${live.length} live sessions, the most the session policy allows; end one first`, {
              maxSessions,
              liveSessions: live.length,
            });
          }
          rows = await preparedQuery<IssuedRow>(manager, byKey ? ISSUE_SESSION_BY_KEY : ISSUE_SESSION, params);
          if (!rows[0]) throw new NoSession();
        }
        if (streams.length > 0) await this.audit.enqueueStreams(manager, streams, input.accountId, rows[0].auditEventId);
        return { rows, pending };
      }, { genericPlans: true, first: locks });
    } catch (error) {
      if (error instanceof NoSession) return [];
      throw error;
    }
    // Not awaited: no one waits for this revocation's answer (the login's is a new session), nor for
    // the other instances' acknowledgements (see endOldestParams).
    if (done.pending) void this.revocation.settle(actor, done.pending).catch((error: Error) => this.logger.warn({ err: error.message }, 'could not settle a session-limit logout'));
    return done.rows;
  }

  /** The session's user proved their password just now (step-up); null when the session is no longer live. */
  async markAuthenticated(sessionId: string): Promise<Date | null> {
    const rows: { at: Date }[] = await this.dataSource.query(
      `WITH m AS (UPDATE sessions s SET authenticated_at = now() FROM users u, accounts a
                   WHERE s.id = $1 AND u.id = s.user_id AND a.id = s.account_id AND ${LIVE_SESSION_SQL} RETURNING s.authenticated_at)
       SELECT authenticated_at AS at FROM m`,
      [sessionId],
    );
    return rows[0]?.at ?? null;
  }

  async get(sessionId: string): Promise<SessionView> {
    const rows: SessionView[] = await this.dataSource.query(`SELECT ${VIEW_COLUMNS} FROM sessions s WHERE s.id = $1`, [sessionId]);
    if (!rows[0]) throw notFound('Session');
    return rows[0];
  }

  /** The session an access or refresh token belongs to (whatever its state). */
  async findByToken(token: string): Promise<{ sessionId: string; accountId: string } | null> {
    // One lookup over both unique indexes: RFC 7009 lets the server ignore token_type_hint.
    const rows: { id: string; account_id: string }[] = await this.dataSource.query(
      'SELECT id, account_id FROM sessions WHERE token_hash = $1 OR refresh_hash = $1',
      [sha256(token)],
    );
    return rows[0] ? { sessionId: rows[0].id, accountId: rows[0].account_id } : null;
  }

  /** The caller's own live sessions, newest first. */
  listOwn(actor: Actor): Promise<SessionView[]> {
    if (!actor.userId) throw new DomainException(ErrorCode.PERMISSION_DENIED, 'Only a signed-in user has sessions');
    return this.listLive(actor.userId);
  }

  /** A user's live sessions; someone else's need sessions.read-any within the caller's account. */
  async listForUser(actor: Actor, userId: string): Promise<SessionView[]> {
    if (userId !== actor.userId) {
      await this.permissions.require(actor, PERMISSIONS.sessionsReadAny, 'sessions:list', userId);
      const rows: { account_id: string }[] = await this.dataSource.query('SELECT account_id FROM users WHERE id = $1', [userId]);
      if (!rows[0]) throw notFound('User');
      await this.permissions.requireAccount(actor, rows[0].account_id, 'User', 'sessions:list', userId);
    }
    return this.listLive(userId);
  }

  /** Every live session in the caller's account (sessions.read-any), newest first, at most `limit`. */
  async listForAccount(actor: Actor, limit = 500): Promise<SessionView[]> {
    await this.permissions.require(actor, PERMISSIONS.sessionsReadAny, 'sessions:list-account');
    return this.dataSource.query(
      `SELECT ${VIEW_COLUMNS} FROM ${SESSION_JOINS} WHERE s.account_id = $1 AND ${LIVE_SESSION_SQL} ORDER BY s.created_at DESC LIMIT $2`,
      [actor.accountId, limit],
    );
  }

  private listLive(userId: string): Promise<SessionView[]> {
    return this.dataSource.query(
      `SELECT ${VIEW_COLUMNS} FROM ${SESSION_JOINS} WHERE s.user_id = $1 AND ${LIVE_SESSION_SQL} ORDER BY s.created_at DESC LIMIT 1000`,
      [userId],
    );
  }

  /**
   * Rotates the refresh token (and the access token with it). A refresh token that was already
   * rotated away is evidence of theft: the session is revoked and `session.refresh_reuse` audited.
   */
  async refresh(refreshToken: string, context: RequestContext): Promise<IssuedTokens> {
    const hash = sha256(refreshToken);
    const { accessTtlSeconds } = this.config.tokens;
    const accessToken = newOpaqueToken('sat');
    const nextRefresh = newOpaqueToken('srt');
    const rotated = await this.tx.run(async (manager) => {
      const rows: (SessionView & { live: boolean; accessTtl: number | null })[] = await manager.query(
        `SELECT ${VIEW_COLUMNS}, ${LIVE_SESSION_SQL} AS live, s.access_ttl_seconds AS "accessTtl" FROM ${SESSION_JOINS} WHERE s.refresh_hash = $1 FOR UPDATE OF s`,
        [hash],
      );
      const row = rows[0];
      if (!row) return null;
      if (!row.live) throw new DomainException(ErrorCode.REFRESH_TOKEN_INVALID, 'The session has ended; log in again');
      await manager.query('INSERT INTO session_refresh_history (refresh_hash, session_id) VALUES ($1, $2)', [hash, row.id]);
      await manager.query(
        `UPDATE sessions SET token_hash = $2, refresh_hash = $3, last_seen_at = now(),
                access_expires_at = least(now() + make_interval(secs => coalesce(access_ttl_seconds, $4)), expires_at),
                idle_expires_at = least(now() + make_interval(secs => coalesce(idle_ttl_seconds, $5)), expires_at)
          WHERE id = $1`,
        [row.id, sha256(accessToken), sha256(nextRefresh), accessTtlSeconds, this.config.tokens.idleTtlSeconds],
      );
      // The old access token must stop working on every instance.
      const nonce = await this.invalidation.publish(manager, { kind: 's', id: row.id }, row.accountId);
      const { live: _live, accessTtl, ...session } = row;
      return { session, nonce, accessTtl: accessTtl ?? accessTtlSeconds };
    });
    if (rotated) {
      await this.invalidation.waitForEcho(rotated.nonce);
      const expiresIn = Math.max(0, Math.min(rotated.accessTtl, Math.floor((new Date(rotated.session.expiresAt).getTime() - Date.now()) / 1000)));
      return { accessToken, refreshToken: nextRefresh, expiresIn, session: rotated.session };
    }
    await this.handleReuse(hash, context);
    throw new DomainException(ErrorCode.REFRESH_TOKEN_INVALID, 'Unknown or expired refresh token');
  }

  private async handleReuse(hash: Buffer, context: RequestContext): Promise<void> {
    const rows: { session_id: string; user_id: string; account_id: string }[] = await this.dataSource.query(
      `SELECT h.session_id, s.user_id, s.account_id FROM session_refresh_history h JOIN sessions s ON s.id = h.session_id WHERE h.refresh_hash = $1`,
      [hash],
    );
    const reused = rows[0];
    if (!reused) return;
    const actor = { ...systemActor(reused.account_id, context, 'refresh-reuse-detector'), permissions: new Set<string>([PERMISSIONS.sessionsRevokeAny]) };
    // One transaction: the session ends and session.refresh_reuse is recorded together.
    await this.revocation.revoke(
      actor,
      { kind: 'session', sessionId: reused.session_id },
      { reason: 'a rotated refresh token was presented again', action: 'session.refresh_reuse', outcome: 'denied' },
    );
    throw new DomainException(ErrorCode.REFRESH_TOKEN_REUSED, 'Refresh token already used; the session has been revoked');
  }
}
