import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Actor } from '../common/actor.js';
import { DomainException, ErrorCode } from '../common/error-codes.js';
import { AppConfigService } from '../config/app-config.service.js';
import { preparedQuery, PreparedStatement } from '../database/prepared-query.js';
import { PERMISSIONS, userPermissionsSql } from '../permissions/permissions.js';
import { EffectivePolicy, effectivePolicy, SessionPolicy, StepUpAction } from './session-policy.js';

/** Ending one's own other sessions, under the policy flag of ASVS 7.5.2; the other actions are the policy's list. */
export type FreshAction = StepUpAction | 'end-other-sessions';

/** Holding any of these makes a user an admin, whose forced logout may need a fresh authentication. */
const ADMIN_PERMISSIONS = [PERMISSIONS.usersManage, PERMISSIONS.sessionsRevokeAny, PERMISSIONS.sessionsRevokeAccount, PERMISSIONS.accountsManage, PERMISSIONS.policyManage];

/** The actor's account policy, roles and session authentication time, in one read. */
const ACTOR_POLICY: PreparedStatement = {
  name: 'step-up.actor-policy',
  text: `SELECT (SELECT policy FROM session_policies WHERE account_id = $1::uuid) AS policy,
    ARRAY(SELECT r.name FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = $2::uuid) AS roles,
    (SELECT coalesce(authenticated_at, created_at) FROM sessions WHERE id = $3::uuid) AS "authenticatedAt",
    now() AS now`,
};

/** The actor's policy, when their session's password was last proved, and the database's time. */
export interface ActorPolicy {
  policy: EffectivePolicy;
  authenticatedAt: Date | null;
  now: Date;
}

/**
 * Fresh authentication for the actions the policy names (RFC 9470's shape): a session whose password
 * was proved longer ago than the policy's max age is refused with INSUFFICIENT_USER_AUTHENTICATION
 * and `max_age`, audited. A credential without a session (an API key, an access key) can never prove
 * a fresh authentication, so it is refused those actions too. Never on the validation path: only
 * the listed actions ask.
 */
@Injectable()
export class StepUpService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfigService,
  ) {}

  /** The user's policy from what the login lookup read (the account's policy, the user's role names): no database work. */
  effective(policy: SessionPolicy | null, roles: readonly string[]): EffectivePolicy {
    return effectivePolicy(policy, roles, this.config.tokens);
  }

  /** The policy that applies to a user (their account's, with their roles' overrides). */
  async policyOfUser(accountId: string, userId: string): Promise<EffectivePolicy> {
    return (await this.policyOf({ accountId, userId, sessionId: null })).policy;
  }

  /**
   * `policyOf(actor)` started now, for a `require` decided after the caller's own checks (permission,
   * tenancy, the target's owner read meanwhile on another connection): one round trip less on the
   * way. Null for the system, which is never asked. If `require` is never called (a check refused
   * first), the read's outcome is dropped.
   */
  prefetch(actor: Actor): Promise<ActorPolicy> | null {
    if (actor.kind === 'system') return null;
    const read = this.policyOf(actor);
    read.catch(() => undefined);
    return read;
  }

  /** The policy that applies to the actor (a user's roles count; a key has none). */
  async policyOf(actor: Pick<Actor, 'accountId' | 'userId' | 'sessionId'>): Promise<ActorPolicy> {
    // Prepared: every forced logout and account-wide logout asks (parsing it took as long as running it).
    const [row] = await preparedQuery<{ policy: SessionPolicy | null; roles: string[]; authenticatedAt: Date | null; now: Date }>(this.dataSource, ACTOR_POLICY, [
      actor.accountId,
      actor.userId,
      actor.sessionId,
    ]);
    return { policy: effectivePolicy(row.policy, row.roles, this.config.tokens), authenticatedAt: row.authenticatedAt, now: row.now };
  }

  /**
   * Refuses unless the actor's authentication is fresh enough for `action` (or the policy does not
   * ask for it). `targetUserId`: for 'admin-logout', whose admin permissions decide whether it applies.
   * The core's own revocations (the policy's, refresh-token reuse: system actors) never ask.
   */
  async require(actor: Actor, action: FreshAction, targetUserId: string | null = null, read: Promise<ActorPolicy> | null = null): Promise<void> {
    if (actor.kind === 'system') return;
    const { policy, authenticatedAt, now } = await (read ?? this.policyOf(actor));
    const asks = action === 'end-other-sessions' ? policy.endOtherSessionsRequiresReauth : policy.stepUpActions.has(action);
    if (!asks) return;
    if (action === 'admin-logout' && !(targetUserId && (await this.isAdmin(targetUserId)))) return;
    const maxAge = policy.stepUpMaxAgeSeconds;
    const age = authenticatedAt ? (now.getTime() - new Date(authenticatedAt).getTime()) / 1000 : null;
    if (age !== null && age <= maxAge) return;
    await this.audit.recordStandalone({
      action: 'auth.step_up_required',
      outcome: 'denied',
      accountId: actor.accountId,
      actor,
      context: actor.context,
      targetUserId,
      reason: 'insufficient_user_authentication',
      details: { attempted: action, maxAgeSeconds: maxAge, authenticatedAt: authenticatedAt ?? null, credential: actor.kind },
    });
    throw new DomainException(
      ErrorCode.INSUFFICIENT_USER_AUTHENTICATION,
      age === null
        ? `This action needs an authentication younger than ${maxAge} seconds, which this credential cannot give`
        : `This action needs an authentication younger than ${maxAge} seconds; re-authenticate and retry`,
      { max_age: maxAge },
    );
  }

  private async isAdmin(userId: string): Promise<boolean> {
    const rows: { admin: boolean }[] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM (${userPermissionsSql('$1')}) held WHERE p = ANY($2)) AS admin`,
      [userId, ADMIN_PERMISSIONS],
    );
    return rows[0]?.admin ?? false;
  }
}
