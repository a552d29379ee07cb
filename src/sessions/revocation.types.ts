/** What to revoke. Every logout in every dialect is one of these. */
export type RevocationTarget =
  | { kind: 'current' }
  | { kind: 'session'; sessionId: string }
  | { kind: 'session-number'; number: number }
  | { kind: 'user'; userId: string; exceptCurrent?: boolean }
  | { kind: 'device'; userId: string; deviceToken: string }
  /** Some sessions of one user, by id (the session policy's limit ends the least recently used). */
  | { kind: 'sessions'; userId: string; sessionIds: string[] }
  | { kind: 'account'; accountId: string };

export interface RevokeOptions {
  reason?: string | null;
  ticket?: string | null;
  dryRun?: boolean;
  /** For the core's own revocation of a reused refresh token: the audit action to record instead. */
  action?: 'session.refresh_reuse';
  outcome?: 'success' | 'denied';
}

/** The answer to a revocation: what ended, provably (the audit event that records it). */
export interface RevocationReceipt {
  revokedCount: number;
  sessionIds: string[];
  /** True when more sessions were revoked than sessionIds lists. */
  sessionIdsTruncated: boolean;
  targetUserId: string | null;
  accountId: string;
  auditEventId: string;
  action: string;
  effectiveAt: Date;
  dryRun: boolean;
}
