import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeliveryStatus } from './delivery.types.js';

/** Where the events an audit event caused stand, per destination. */
@Injectable()
export class DeliveryStatusService {
  constructor(private readonly dataSource: DataSource) {}

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
}
