import { Actor } from '../common/actor.js';
import { RequestContext } from '../common/request-context.js';

export const AUDIT_ACTIONS = [
  'session.login',
  'session.logout',
  'session.forced_logout',
  'session.revoked_all',
  'session.refresh_reuse',
  /** The session policy ended sessions: the session limit, or an idle or absolute expiry found by the sweep. */
  'session.policy_logout',
  'session.reauthenticated',
  'auth.step_up_required',
  'auth.login_failed',
  'auth.login_throttled',
  'auth.permission_denied',
  'user.created',
  'user.updated',
  'user.password_changed',
  'user.disabled',
  'user.roles_changed',
  'role.created',
  'account.created',
  'account.updated',
  'session_policy.updated',
  'client.created',
  'client.revoked',
  'access_key.created',
  'access_key.revoked',
  'audit.retention_run',
  'receiver.created',
  'receiver.updated',
  'receiver.deleted',
  'delivery.failed',
  'signing_key.rotated',
  'audit_stream.created',
  'audit_stream.updated',
  'audit_stream.deleted',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** What a caller says about one event; AuditService fills in the rest from actor and context. */
export interface AuditRecord {
  action: AuditAction;
  outcome?: AuditOutcome;
  accountId: string | null;
  actor?: Actor | null;
  context: RequestContext;
  targetUserId?: string | null;
  sessionIds?: string[];
  sessionCount?: number;
  reason?: string | null;
  ticket?: string | null;
  dryRun?: boolean;
  details?: Record<string, unknown>;
}

export interface RecordedAuditEvent {
  id: string;
  occurredAt: Date;
  /** It has outbox rows for a stream that does not linger: this instance's dispatcher is to be woken after the commit. */
  streamed: boolean;
}

/** Most session ids one event (or receipt) lists; the count is always exact. */
export const MAX_LISTED_SESSION_IDS = 1000;

/**
 * Most session ids a watermark revocation (every session of a user or of an account) lists: the newest.
 * Listing 1,000 cost a third of a forced logout's answer (the audit row, its hash, the receipt); the
 * whole set is found again from the event's `details.revokedSet` (see README, "Auditing forced logouts").
 */
export const MAX_LISTED_WATERMARK_SESSION_IDS = 100;

