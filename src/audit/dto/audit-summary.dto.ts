import { AuditFilterDto } from './audit-event.dto.js';

/**
 * The list's filters (GET /v1/audit/events), with the same meaning: the summary counts exactly the
 * events the list shows. `from` defaults to 30 days before `to`, `to` to now; at most 400 days.
 */
export class AuditSummaryQueryDto extends AuditFilterDto {}

export class AuditDayCountDto {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  /** Matching events that day, dry runs included. */
  count: number;
  /** Of `count`, the dry runs. */
  dryRuns: number;
}

export class AuditActorCountDto {
  actorUserId: string | null;
  actorLabel: string | null;
  count: number;
  dryRuns: number;
}

export class AuditSurfaceCountDto {
  surface: string;
  count: number;
  dryRuns: number;
}

/** The matching events in the range: every UTC day (zeros included), per actor, per surface. */
export class AuditSummaryDto {
  from: Date;
  to: Date;
  /** Matching events in the range, dry runs included. */
  total: number;
  /** Of `total`, the dry runs. */
  dryRuns: number;
  perDay: AuditDayCountDto[];
  perActor: AuditActorCountDto[];
  perSurface: AuditSurfaceCountDto[];
}
