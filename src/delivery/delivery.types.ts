/** One row of the outbox as a destination kind sees it when delivering it. */
export interface OutboxRow {
  id: string;
  destinationKind: string;
  destinationId: string;
  accountId: string | null;
  /** Fixed when the row was written: every attempt sends the same id. */
  jti: string;
  auditEventId: string | null;
  payload: Record<string, unknown>;
  attempts: number;
  createdAt: Date;
}

/** What an attempt came to. `hold` postpones the row without counting an attempt (a paused stream). */
export type DeliveryResult = { outcome: 'delivered' } | { outcome: 'retry'; error: string } | { outcome: 'dead'; error: string } | { outcome: 'hold' };

/**
 * A kind of destination (an SSF push stream, a back-channel logout client, later a SIEM stream or a
 * checkpoint sink): how one row is formatted and sent. The dispatcher owns claiming, order, retries
 * and recording; a kind only delivers. `pull` kinds are never pushed: their receiver fetches rows.
 */
export interface DeliveryKind {
  readonly kind: string;
  readonly pull?: boolean;
  deliver(row: OutboxRow): Promise<DeliveryResult>;
}

/** A row to write, in the caller's transaction. */
export interface OutboxEntry {
  destinationKind: string;
  destinationId: string;
  accountId: string | null;
  auditEventId?: string | null;
  payload: Record<string, unknown>;
}

/** A row's delivery as the audit trail shows it. */
export interface DeliveryStatus {
  destinationKind: string;
  destinationId: string;
  jti: string;
  status: 'delivered' | 'pending' | 'failed';
  attempts: number;
  lastError: string | null;
  lastAttemptAt: Date | null;
  deliveredAt: Date | null;
  nextAttemptAt: Date | null;
}
