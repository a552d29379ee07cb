import { PreparedStatement } from '../database/prepared-query.js';

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
  /**
   * A batch kind whose destination is not waiting on each row (a SIEM): a destination's head is not
   * claimed until it is this old, milliseconds, so the rows written meanwhile go with it in one call
   * instead of one call each. Its rows wake no one at their commit (no NOTIFY: a notifying commit
   * holds a cluster-wide lock through its WAL flush, so notifying writers commit one at a time); the
   * writer's own dispatcher looks when the linger is over, the others at their next poll.
   */
  readonly lingerMs?: number;
  deliver(row: OutboxRow, context: DeliveryContext): Promise<DeliveryResult>;
  deliverBatch?(rows: OutboxRow[], context: DeliveryContext): Promise<DeliveryResult>;
}

/**
 * What the dispatcher lends a kind for one claim (a head and the rows after it, one destination):
 * `once` keeps what a kind looks up about the destination (its URL, its status) for the rest of this
 * claim, so a backlog costs one lookup per claim, not per row; `query` reads on the dispatcher's own
 * connection, in the delivery's transaction, never on the request pool.
 */
export interface DeliveryContext {
  once<T>(key: string, load: () => Promise<T>): Promise<T>;
  /** A statement run per claim is best given prepared (parsed and planned once per connection). */
  query<T>(statement: string | PreparedStatement, values?: unknown[]): Promise<T[]>;
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
