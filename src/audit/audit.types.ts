import { Actor } from '../common/actor.js';
import { RequestContext } from '../common/request-context.js';

export const AUDIT_ACTIONS = [
  'session.login',
  'session.logout',
  'session.forced_logout',
  'session.revoked_all',
  'session.refresh_reuse',
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
}

/** Most session ids one event (or receipt) lists; the count is always exact. */
export const MAX_LISTED_SESSION_IDS = 1000;

