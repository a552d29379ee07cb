import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { Transform } from 'class-transformer';
import { RevocationReceipt } from '../revocation.types.js';
import { SessionView } from '../sessions.service.js';

export class SessionDto {
  id: string;
  /** Small integer id, for clients that address sessions by int32. */
  number: number;
  userId: string;
  accountId: string;
  /** The API surface the session was created through. */
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

export const mapSession = (s: SessionView): SessionDto => ({ ...s });

/** The proof that a logout happened: what ended, and the audit event that records it. */
export class RevocationReceiptDto {
  /** How many sessions ended (0 when none was live). */
  revokedCount: number;
  /**
   * Ids of the sessions ended: the newest 100 when every session of a user or account ended (the audit
   * event's details.revokedSet finds the whole set), else up to 1000; see sessionIdsTruncated.
   */
  sessionIds: string[];
  sessionIdsTruncated: boolean;
  targetUserId: string | null;
  accountId: string;
  /** The audit event recording this revocation. */
  auditEventId: string;
  action: string;
  /** When the revocation took effect; tokens are refused everywhere from then on. */
  effectiveAt: Date;
  /** True when nothing was changed (dryRun=true). */
  dryRun: boolean;
}

export const mapReceipt = (r: RevocationReceipt): RevocationReceiptDto => ({ ...r });

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** Why and under which ticket an admin forces a logout; dryRun reports without changing anything. */
export class ForcedLogoutDto {
  /** Why the sessions are being ended; kept in the audit trail. */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;

  /** Reference to a ticket or incident. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  ticket?: string;
}

export class DryRunQueryDto {
  /** Report what would be revoked, change nothing (the dry run is itself audited). */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  dryRun?: boolean;
}
