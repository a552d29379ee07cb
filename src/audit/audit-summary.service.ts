import { Injectable } from '@nestjs/common';
import { Actor } from '../common/actor.js';
import { DomainException, ErrorCode } from '../common/error-codes.js';
import { MIN_STORABLE_DATE } from '../common/storable-date.js';
import { assertRange, AuditQueryService } from './audit-query.service.js';
import { AuditSummaryDto, AuditSummaryQueryDto } from './dto/audit-summary.dto.js';

const DAY_MS = 86_400_000;
const DEFAULT_DAYS = 30;
/** A chart of more days than this is unreadable and the query unbounded. */
const MAX_DAYS = 400;

/**
 * Counts for the console's chart of the events the list's filters match (the same WHERE clause):
 * per UTC day (every day, zeros included), per actor, per surface, each with its dry runs.
 */
@Injectable()
export class AuditSummaryService {
  constructor(private readonly query: AuditQueryService) {}

  async summary(actor: Actor, q: AuditSummaryQueryDto): Promise<AuditSummaryDto> {
    const to = q.to ?? new Date();
    // Not before the first instant the API takes, however early `to` is.
    const from = q.from ?? new Date(Math.max(to.getTime() - DEFAULT_DAYS * DAY_MS, MIN_STORABLE_DATE.getTime()));
    assertRange(from, to);
    if (to.getTime() - from.getTime() > MAX_DAYS * DAY_MS) throw new DomainException(ErrorCode.VALIDATION_FAILED, `The range may span at most ${MAX_DAYS} days`);
    const where = await this.query.where(actor, { ...q, from, to });
    const [from$, to$] = [`$${where.params.length + 1}`, `$${where.params.length + 2}`];
    // One statement, one scan of the filtered events: the three groupings read the same CTE.
    const [summary] = (await this.query.read((m) => m.query(
      `WITH f AS (SELECT occurred_at, actor_user_id, actor_label, surface, dry_run FROM audit_events WHERE ${where.sql}),
            days AS (SELECT generate_series(date_trunc('day', ${from$}::timestamptz AT TIME ZONE 'UTC'),
                                            date_trunc('day', (${to$}::timestamptz - interval '1 microsecond') AT TIME ZONE 'UTC'),
                                            interval '1 day') AS day),
            per_day AS (SELECT days.day, count(f.occurred_at)::int AS n, count(*) FILTER (WHERE f.dry_run)::int AS d
                          FROM days LEFT JOIN f ON date_trunc('day', f.occurred_at AT TIME ZONE 'UTC') = days.day GROUP BY days.day),
            per_actor AS (SELECT actor_user_id, actor_label, count(*)::int AS n, count(*) FILTER (WHERE dry_run)::int AS d FROM f GROUP BY actor_user_id, actor_label),
            per_surface AS (SELECT surface, count(*)::int AS n, count(*) FILTER (WHERE dry_run)::int AS d FROM f GROUP BY surface)
       SELECT (SELECT coalesce(json_agg(json_build_object('day', to_char(day, 'YYYY-MM-DD'), 'count', n, 'dryRuns', d) ORDER BY day), '[]') FROM per_day) AS "perDay",
              (SELECT coalesce(json_agg(json_build_object('actorUserId', actor_user_id, 'actorLabel', actor_label, 'count', n, 'dryRuns', d)
                                        ORDER BY n DESC, actor_label NULLS LAST), '[]') FROM per_actor) AS "perActor",
              (SELECT coalesce(json_agg(json_build_object('surface', surface, 'count', n, 'dryRuns', d) ORDER BY n DESC, surface), '[]') FROM per_surface) AS "perSurface",
              (SELECT count(*)::int FROM f) AS total, (SELECT count(*) FILTER (WHERE dry_run)::int FROM f) AS "dryRuns"`,
      [...where.params, from, to],
    ))) as Pick<AuditSummaryDto, 'perDay' | 'perActor' | 'perSurface' | 'total' | 'dryRuns'>[];
    return { from, to, ...summary };
  }
}
