import { IsOptional } from 'class-validator';
import { IsStorableDate } from '../../common/storable-date.js';
import { IsAccountSelector } from './audit-event.dto.js';

export class AuditSummaryQueryDto {
  /** Inclusive lower bound (ISO 8601, years 0001-9999); defaults to 30 days before `to`. */
  @IsOptional()
  @IsStorableDate()
  from?: Date;

  /** Exclusive upper bound (ISO 8601, years 0001-9999); defaults to now. */
  @IsOptional()
  @IsStorableDate()
  to?: Date;

  /** Another account, or `none` for the events that belong to no account: system admin only. Defaults to the caller's. */
  @IsAccountSelector()
  accountId?: string;
}

export class AuditDayCountDto {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  count: number;
}

export class AuditActorCountDto {
  actorUserId: string | null;
  actorLabel: string | null;
  count: number;
}

export class AuditSurfaceCountDto {
  surface: string;
  count: number;
}

/** Forced logouts (not dry runs) in the range: every UTC day (zeros included), per actor, per surface. */
export class AuditSummaryDto {
  from: Date;
  to: Date;
  perDay: AuditDayCountDto[];
  perActor: AuditActorCountDto[];
  perSurface: AuditSurfaceCountDto[];
}
