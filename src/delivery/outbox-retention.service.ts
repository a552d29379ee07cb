import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { AppConfigService } from '../config/app-config.service.js';

/** How often the job runs (its name in @nestjs/schedule's SchedulerRegistry: OUTBOX_RETENTION_JOB). */
export const OUTBOX_RETENTION_INTERVAL_MS = 3_600_000;
export const OUTBOX_RETENTION_JOB = 'outbox-retention';
/** Rows deleted per statement, so the job never holds many locks or one long transaction. */
const CHUNK = 5000;

/**
 * Deletes delivered and dead outbox rows written more than DELIVERY_RETENTION_SECONDS ago. Pending
 * rows are never deleted (they are dead first, after DELIVERY_MAX_AGE_SECONDS, then pruned). What is
 * left of the record: the audit event says `deliveriesPruned`, and each dead delivery has its own
 * `delivery.failed` audit event, which only the audit retention removes.
 */
@Injectable()
export class OutboxRetentionService {
  private readonly logger = new Logger(OutboxRetentionService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfigService,
  ) {}

  @Interval(OUTBOX_RETENTION_JOB, OUTBOX_RETENTION_INTERVAL_MS)
  async scheduledRun(): Promise<void> {
    // Tests run the job explicitly; a background run would race them.
    if (this.config.get('NODE_ENV') === 'test') return;
    await this.prune().catch((error: Error) => this.logger.warn({ err: error.message }, 'outbox retention failed'));
  }

  /** Deletes what is past the retention; the number of rows deleted. */
  async prune(): Promise<number> {
    const retention = this.config.get('DELIVERY_RETENTION_SECONDS');
    if (retention <= 0) return 0;
    let total = 0;
    for (;;) {
      const [{ n }]: { n: number }[] = await this.dataSource.query(
        `WITH d AS (DELETE FROM outbox WHERE id IN (
            SELECT id FROM outbox WHERE status <> 'pending' AND created_at < clock_timestamp() - make_interval(secs => $1)
             ORDER BY created_at LIMIT $2)
          RETURNING 1) SELECT count(*)::int AS n FROM d`,
        [retention, CHUNK],
      );
      total += n;
      if (n < CHUNK) return total;
    }
  }
}
