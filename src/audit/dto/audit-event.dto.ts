import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { IsStorableDate } from '../../common/storable-date.js';
import { SURFACES } from '../../common/surface.js';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, AuditOutcome } from '../audit.types.js';

export class AuditActorDto {
  userId: string | null;
  sessionId: string | null;
  /** Username, API key name or access key id of who acted. */
  label: string | null;
}

export class AuditEventDto {
  id: string;
  occurredAt: Date;
  action: string;
  outcome: AuditOutcome;
  accountId: string | null;
  actor: AuditActorDto;
  targetUserId: string | null;
  /** The target user's username. */
  targetLabel: string | null;
  /**
   * Sessions affected. Listings show the first 20 (GET /v1/audit/events/{id} and the export show up to
   * 1000; a logout of every session of a user or account records its newest 100, and
   * details.revokedSet to find the whole set again); sessionCount is always exact.
   */
  sessionIds: string[];
  sessionCount: number;
  /** True when sessionIds lists fewer sessions than sessionCount. */
  sessionIdsTruncated: boolean;
  /** API surface the action came through: native or a vendor dialect. */
  surface: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  reason: string | null;
  ticket: string | null;
  dryRun: boolean;
  details: Record<string, unknown>;
}

/** Where one event this audit event caused stands at one receiver. */
export class AuditDeliveryDto {
  /** ssf_push, ssf_poll, backchannel… */
  destinationKind: string;
  destinationId: string;
  /** The id the receiver sees (the same on every attempt). */
  jti: string;
  status: 'delivered' | 'pending' | 'failed';
  attempts: number;
  lastError: string | null;
  lastAttemptAt: Date | null;
  deliveredAt: Date | null;
  /** When a pending delivery is tried next. */
  nextAttemptAt: Date | null;
}

/** One audit event, with the deliveries of what it sent downstream. */
export class AuditEventDetailDto extends AuditEventDto {
  deliveries: AuditDeliveryDto[];
  /**
   * true when the event is older than DELIVERY_RETENTION_SECONDS: its delivered and failed deliveries
   * may have been pruned, so `deliveries` lists only what is left (pending ones are never pruned; a
   * failed one stays in the trail as its `delivery.failed` event). false: the list is complete.
   */
  deliveriesPruned: boolean;
}

export class AuditEventIdParamDto {
  @Matches(/^\d{1,19}$/, { message: 'id must be an audit event id' })
  id: string;
}

export class AuditEventPageDto {
  items: AuditEventDto[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
  /** Pass as `before` for the previous (newer) page; null on the first page. */
  prevCursor: string | null;
  /** The page size used. */
  limit: number;
  /** How many events match the filters (all pages); counted up to 10,000, or 1,000 with a `reason` text filter (see totalExact). */
  total: number;
  /** False when more events match than were counted (10,000, or 1,000 with `reason`): `total` is then that count, a lower bound. */
  totalExact: boolean;
}

/** What an account filter says for the events that belong to no account (a failed login for an unknown username, …). */
export const NO_ACCOUNT = 'none';

/**
 * An account filter: an account id, or `none` for the events of no account. One field names one chain,
 * so no two fields can contradict each other, and Swagger shows both choices on the one parameter.
 */
export const IsAccountSelector = () =>
  applyDecorators(
    IsOptional(),
    ValidateIf((_, value) => value !== NO_ACCOUNT),
    IsUUID(undefined, { message: `$property must be an account id (UUID) or ${NO_ACCOUNT}` }),
    // Both choices spelled out: the plugin's validator shim does not see into this decorator.
    ApiPropertyOptional({ oneOf: [{ type: 'string', format: 'uuid' }, { type: 'string', enum: [NO_ACCOUNT] }] }),
  );

const csv = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((v) => v.trim()).filter(Boolean) : value);

/** Filters shared by listing, export and summary. */
export class AuditFilterDto {
  /** One action or several, comma-separated (e.g. session.forced_logout,session.logout). */
  @IsOptional()
  @Transform(csv)
  @IsArray()
  @ArrayMaxSize(AUDIT_ACTIONS.length)
  @IsIn(AUDIT_ACTIONS, { each: true })
  action?: string[];

  @IsOptional()
  @IsUUID()
  actorUserId?: string;

  @IsOptional()
  @IsUUID()
  targetUserId?: string;

  /** The actor by username or email (exact, case-insensitive), a user of the account read. */
  @IsOptional()
  @IsString()
  @Length(1, 254)
  actorName?: string;

  /** The target by username or email (exact, case-insensitive), a user of the account read. */
  @IsOptional()
  @IsString()
  @Length(1, 254)
  targetName?: string;

  /** Another account, or `none` for the events that belong to no account: system admin only. Defaults to the caller's. */
  @IsAccountSelector()
  accountId?: string;

  @IsOptional()
  @IsIn(SURFACES)
  surface?: string;

  @IsOptional()
  @IsIn(AUDIT_OUTCOMES)
  outcome?: AuditOutcome;

  /** Case-insensitive text the reason contains. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;

  /** Inclusive lower bound (ISO 8601, years 0001-9999). */
  @IsOptional()
  @IsStorableDate()
  from?: Date;

  /** Exclusive upper bound (ISO 8601, years 0001-9999). */
  @IsOptional()
  @IsStorableDate()
  to?: Date;
}

export class AuditListQueryDto extends AuditFilterDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  /** The `nextCursor` of a page: the page after it (older events). */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  /** The `prevCursor` of a page: the page before it (newer events). Not with `cursor`. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  before?: string;
}
