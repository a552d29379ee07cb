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
 *
 * A kind that can send several rows in one call (an NDJSON or HEC batch) defines `deliverBatch` and
 * `maxBatch`: the dispatcher then hands it a destination's head and the due rows after it, up to
 * `maxBatch`, all of one destination and in order, and the one result applies to every row of the
 * call (all or nothing: a retry resends them all, with the same jtis). A kind with `deliverBatch` is
 * always called through it, a lone row as a batch of one; `deliver` may simply call `deliverBatch([row])`.
 */
export interface DeliveryKind {
  readonly kind: string;
  readonly pull?: boolean;
  /** Most rows per `deliverBatch` call, the head included (at least 1). */
  readonly maxBatch?: number;
  deliver(row: OutboxRow): Promise<DeliveryResult>;
  deliverBatch?(rows: OutboxRow[]): Promise<DeliveryResult>;
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
