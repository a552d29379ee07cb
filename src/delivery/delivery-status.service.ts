import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfigService } from '../config/app-config.service.js';
import { DeliveryStatus } from './delivery.types.js';

/** Where the events an audit event caused stand, per destination. */
@Injectable()
export class DeliveryStatusService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfigService,
  ) {}

  forAuditEvent(auditEventId: string): Promise<DeliveryStatus[]> {
    return this.dataSource.query(
      `SELECT destination_kind AS "destinationKind", destination_id AS "destinationId", jti,
              CASE status WHEN 'dead' THEN 'failed' ELSE status END AS status, attempts, last_error AS "lastError",
              last_attempt_at AS "lastAttemptAt", delivered_at AS "deliveredAt",
              CASE WHEN status = 'pending' THEN next_attempt_at END AS "nextAttemptAt"
         FROM outbox WHERE audit_event_id = $1 ORDER BY id LIMIT 1000`,
      [auditEventId],
    );
  }

  /**
   * Whether an event of this age is past the outbox retention: its settled deliveries (delivered,
   * failed) may have been pruned, so a list of them is no longer complete. Rows are pruned by when
   * they were written, which is never before their audit event: a younger event's list is complete.
   */
  mayBePruned(occurredAt: Date): boolean {
    const retention = this.config.get('DELIVERY_RETENTION_SECONDS');
    return retention > 0 && occurredAt.getTime() < Date.now() - retention * 1000;
  }
}
