import { Injectable } from '@nestjs/common';
import { Actor } from '../common/actor.js';
import { DomainException, ErrorCode, notFound } from '../common/error-codes.js';
import { AuditService } from '../audit/audit.service.js';
import { canonicalPermission, Permission, PERMISSIONS } from './permissions.js';

/**
 * The action a refusal is recorded as: `auth.permission_denied`, or the action that was attempted (a
 * refused forced logout is a `session.forced_logout` whose outcome is `denied`, found where the
 * forced logouts are).
 */
export type DeniedAction = 'auth.permission_denied' | 'session.forced_logout';

/** The one place permission and tenancy checks happen; every refusal is audited. */
@Injectable()
export class PermissionsService {
  constructor(private readonly audit: AuditService) {}

  has(actor: Actor, permission: Permission | string): boolean {
    const canonical = canonicalPermission(permission);
    return canonical !== undefined && actor.permissions.has(canonical);
  }

  /**
   * Of `wanted`, what the actor holds and so may lend to a credential it creates (all of it for the
   * system admin, who holds every power).
   */
  lendable(actor: Actor, wanted: readonly Permission[]): Permission[] {
    if (this.has(actor, PERMISSIONS.accountsManage)) return [...wanted];
    return wanted.filter((permission) => this.has(actor, permission));
  }

  /** May the actor act inside this account? Its own, or any for the system admin. */
  canReachAccount(actor: Actor, accountId: string): boolean {
    // Ids compare in the canonical lower case Postgres returns them in: a path's or a query's UUID may
    // come in either case (the actor's own comes from the database).
    return actor.accountId === accountId.toLowerCase() || actor.permissions.has(PERMISSIONS.accountsManage);
  }

  /** Refuses (403, audited) unless the actor holds the permission. */
  async require(actor: Actor, permission: Permission, attempted: string, targetUserId: string | null = null, as: DeniedAction = 'auth.permission_denied'): Promise<void> {
    if (this.has(actor, permission)) return;
    await this.deny(actor, actor.accountId, targetUserId, { permission, attempted, reason: 'missing_permission' }, as);
    throw new DomainException(ErrorCode.PERMISSION_DENIED, `Missing permission ${permission}`, { permission });
  }

  /**
   * Refuses (403, audited, naming the first one missing) unless the actor holds every permission: no
   * one lends more power than they hold. The system admin holds every power.
   */
  async requireAll(actor: Actor, permissions: readonly Permission[], attempted: string, targetUserId: string | null = null): Promise<void> {
    if (this.has(actor, PERMISSIONS.accountsManage)) return;
    for (const permission of permissions) await this.require(actor, permission, attempted, targetUserId);
  }

  /**
   * Refuses a target in another account. Answered as NOT_FOUND, the same as an id that does not
   * exist, so one account cannot probe another's ids; audited as a denied cross-account attempt.
   */
  async requireAccount(
    actor: Actor,
    accountId: string,
    what: string,
    attempted: string,
    targetUserId: string | null = null,
    as: DeniedAction = 'auth.permission_denied',
  ): Promise<void> {
    if (this.canReachAccount(actor, accountId)) return;
    // Recorded in the caller's account with only the id the caller gave: not the other account's id
    // (and the trail shows a target's name only within its own account), so the caller's own
    // auditors learn nothing an unknown id would not tell them.
    await this.deny(actor, actor.accountId, targetUserId, { attempted, reason: 'cross_account' }, as);
    throw notFound(what);
  }

  /**
   * Refuses (403, audited) an account the caller names for itself — a path's account, a key's scope —
   * where a 403 reveals nothing about anyone else's ids.
   */
  async requireOwnAccount(actor: Actor, accountId: string, attempted: string, details: Record<string, unknown> = {}): Promise<void> {
    if (this.canReachAccount(actor, accountId)) return;
    await this.deny(actor, actor.accountId, null, { ...details, attempted, reason: 'cross_account', targetAccountId: accountId });
    throw new DomainException(ErrorCode.PERMISSION_DENIED, 'This credential does not act in that account');
  }

  private deny(actor: Actor, accountId: string, targetUserId: string | null, details: Record<string, unknown>, action: DeniedAction = 'auth.permission_denied'): Promise<void> {
    return this.audit.recordStandalone({
      action,
      outcome: 'denied',
      accountId,
      actor,
      context: actor.context,
      targetUserId,
      reason: String(details.reason),
      details,
    });
  }
}
