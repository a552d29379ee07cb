import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../common/actor.js';
import { DomainException, ErrorCode } from '../common/error-codes.js';
import { assertRange, AuditQueryService } from './audit-query.service.js';
import { AuditSummaryDto, AuditSummaryQueryDto } from './dto/audit-summary.dto.js';

const DAY_MS = 86_400_000;
const DEFAULT_DAYS = 30;
/** A chart of more days than this is unreadable and the query unbounded. */
const MAX_DAYS = 400;

/** Forced-logout counts for the admin page's chart: per UTC day (every day, zeros included), per actor, per surface. */
@Injectable()
export class AuditSummaryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly query: AuditQueryService,
  ) {}

  async summary(actor: Actor, q: AuditSummaryQueryDto): Promise<AuditSummaryDto> {
    const to = q.to ?? new Date();
    const from = q.from ?? new Date(to.getTime() - DEFAULT_DAYS * DAY_MS);
    assertRange(from, to);
    if (to.getTime() - from.getTime() > MAX_DAYS * DAY_MS) throw new DomainException(ErrorCode.VALIDATION_FAILED, `The range may span at most ${MAX_DAYS} days`);
    const where = await this.query.where(actor, { accountId: q.accountId, from, to, action: ['session.forced_logout'] });
    const filtered = `SELECT * FROM audit_events WHERE ${where.sql} AND NOT dry_run`;

    const [perDay, perActor, perSurface] = await Promise.all([
      this.dataSource.query(
        `WITH f AS (${filtered}),
              days AS (SELECT generate_series(date_trunc('day', $${where.params.length + 1}::timestamptz AT TIME ZONE 'UTC'),
                                              date_trunc('day', ($${where.params.length + 2}::timestamptz - interval '1 microsecond') AT TIME ZONE 'UTC'),
                                              interval '1 day') AS day)
         SELECT to_char(days.day, 'YYYY-MM-DD') AS day, count(f.id)::int AS count
           FROM days LEFT JOIN f ON date_trunc('day', f.occurred_at AT TIME ZONE 'UTC') = days.day
          GROUP BY days.day ORDER BY days.day`,
        [...where.params, from, to],
      ) as Promise<{ day: string; count: number }[]>,
      this.dataSource.query(
        `SELECT actor_user_id AS "actorUserId", actor_label AS "actorLabel", count(*)::int AS count
           FROM (${filtered}) f GROUP BY actor_user_id, actor_label ORDER BY count DESC, actor_label NULLS LAST`,
        where.params,
      ) as Promise<{ actorUserId: string | null; actorLabel: string | null; count: number }[]>,
      this.dataSource.query(
        `SELECT surface, count(*)::int AS count FROM (${filtered}) f GROUP BY surface ORDER BY count DESC, surface`,
        where.params,
      ) as Promise<{ surface: string; count: number }[]>,
    ]);
    return { from, to, perDay, perActor, perSurface };
  }
}
