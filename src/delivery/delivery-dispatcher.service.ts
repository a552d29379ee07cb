import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { eventInsertSql, eventValues } from '../audit/audit.service.js';
import { AppConfigService } from '../config/app-config.service.js';
import { PreparedStatement } from '../database/prepared-query.js';
import { retryDelayMs } from './backoff.js';
import { DeliveryRegistry } from './delivery-registry.service.js';
import { DeliveryContext, DeliveryKind, DeliveryResult, OutboxRow } from './delivery.types.js';
import { OutboxService } from './outbox.service.js';

/**
 * The head of every destination's queue (its oldest pending row), found with one index probe per
 * destination (a loose index scan over ix_outbox_pending), then the first due one not locked by another
 * instance, locked for this delivery. Only heads are candidates, so a destination's next row is never
 * sent while the one before it is pending: if another instance holds the head, SKIP LOCKED skips the
 * whole destination. `status = 'pending'` is checked again on the locked row, so a head delivered by
 * another instance between the scan and the lock is not sent twice. A head of a kind that lingers
 * ($3, $4: the kinds and their lingers, milliseconds) is a candidate once it is that old. A head
 * that failed before (its destination is down or hangs) is a candidate only when $5 is true.
 */
const CLAIM_SQL = `
  WITH RECURSIVE heads AS (
    (SELECT destination_id, id FROM outbox WHERE status = 'pending' ORDER BY destination_id, id LIMIT 1)
    UNION ALL
    SELECT n.destination_id, n.id FROM heads h,
      LATERAL (SELECT destination_id, id FROM outbox WHERE status = 'pending' AND destination_id > h.destination_id ORDER BY destination_id, id LIMIT 1) n
  )
  SELECT o.id::text, o.destination_kind AS "destinationKind", o.destination_id AS "destinationId", o.account_id AS "accountId", o.jti,
         o.audit_event_id::text AS "auditEventId", o.payload, o.attempts, o.created_at AS "createdAt",
         o.created_at + make_interval(secs => $2) <= clock_timestamp() AS expired
    FROM outbox o JOIN heads h ON h.id = o.id
   WHERE o.status = 'pending' AND o.next_attempt_at <= clock_timestamp() AND o.destination_kind = ANY($1::text[])
     AND o.created_at + coalesce(($4::float8[])[array_position($3::text[], o.destination_kind)], 0) * interval '1 millisecond' <= clock_timestamp()
     AND ($5 OR o.attempts = 0)
   ORDER BY o.next_attempt_at, o.id
   LIMIT 1
   FOR UPDATE OF o SKIP LOCKED`;

type ClaimedRow = OutboxRow & { expired: boolean };

interface Outcome {
  row: ClaimedRow;
  result: DeliveryResult;
}

const asOutboxRow = ({ expired: _expired, ...row }: ClaimedRow): OutboxRow => row;

/**
 * A claim's outcomes, one statement: per row its status, attempts, last error (kept when null: a hold
 * or a delivery after failures) and, when it is to be tried again, the delay before it is due.
 */
const RECORD_SQL = `
  UPDATE outbox o SET
    status = v.status,
    attempts = v.attempts,
    last_attempt_at = CASE WHEN v.attempts > o.attempts THEN clock_timestamp() ELSE o.last_attempt_at END,
    last_error = coalesce(v.error, o.last_error),
    delivered_at = CASE WHEN v.status = 'delivered' THEN clock_timestamp() END,
    next_attempt_at = CASE WHEN v.delay_ms IS NULL THEN o.next_attempt_at ELSE clock_timestamp() + v.delay_ms * interval '1 millisecond' END
   FROM unnest($1::bigint[], $2::text[], $3::int[], $4::text[], $5::float8[]) AS v(id, status, attempts, error, delay_ms)
  WHERE o.id = v.id`;

/** Per claim: lookups a kind keeps for the claim, and reads on the claim's own connection. */
function claimContext(client: pg.PoolClient): DeliveryContext {
  const kept = new Map<string, Promise<unknown>>();
  return {
    once<T>(key: string, load: () => Promise<T>): Promise<T> {
      let value = kept.get(key) as Promise<T> | undefined;
      if (!value) {
        value = load();
        kept.set(key, value);
      }
      return value;
    },
    async query<T>(statement: string | PreparedStatement, values: unknown[] = []): Promise<T[]> {
      const { rows } = typeof statement === 'string' ? await client.query(statement, values) : await client.query({ name: statement.name, text: statement.text, values });
      return rows as T[];
    },
  };
}

/**
 * The rows after a claimed head, same destination, in order: whoever holds the head is the only one
 * who may send them (others only ever claim heads), so they are locked without SKIP LOCKED and sent
 * one after another in the head's transaction, which stops at the first that is not delivered.
 */
const FOLLOWERS_SQL = `
  SELECT o.id::text, o.destination_kind AS "destinationKind", o.destination_id AS "destinationId", o.account_id AS "accountId", o.jti,
         o.audit_event_id::text AS "auditEventId", o.payload, o.attempts, o.created_at AS "createdAt",
         o.created_at + make_interval(secs => $3) <= clock_timestamp() AS expired, o.next_attempt_at <= clock_timestamp() AS due
    FROM outbox o
   WHERE o.destination_id = $1 AND o.status = 'pending' AND o.id > $2
   ORDER BY o.id
   LIMIT $4
   FOR UPDATE`;

/** Rows sent in one claim's transaction at most (a backlog is drained without a claim per row). */
const BATCH = 100;

/** How long a paused destination's head waits before it is looked at again. */
const HOLD_MS = 1000;

/**
 * Workers of an instance that may be retrying a destination that failed (half, at least one): the
 * rest only take heads not yet tried, so receivers that hang (each attempt holding its worker for
 * DELIVERY_TIMEOUT_MS) or are down never take every worker from the receivers that answer.
 */
function retryWorkers(concurrency: number): number {
  return Math.max(1, Math.floor(concurrency / 2));
}

/**
 * Delivers the outbox on every instance: at least once, in order per destination, never two instances
 * on one row. Each delivery runs in its own transaction on the dispatcher's own connections (never the
 * request pool): the row stays locked while the destination is called and its outcome is written in
 * the same transaction, so a crash or a database outage mid-delivery leaves it pending, to be sent
 * again with the same jti. Failures back off exponentially with jitter; a row older than
 * DELIVERY_MAX_AGE_SECONDS that still fails is dead, and its death is audited.
 */
@Injectable()
export class DeliveryDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliveryDispatcher.name);
  private pool: pg.Pool | null = null;
  private workers = 0;
  /** Workers holding (or about to claim) a slot for a head that failed before: at most retryWorkers(). */
  private retrying = 0;
  /** A wake-up came while every worker was busy: the next worker to find nothing looks once more. */
  private missed = false;
  private timer: NodeJS.Timeout | null = null;
  private stopping = false;
  private idle: Promise<void> = Promise.resolve();
  private markIdle: () => void = () => {};

  constructor(
    private readonly config: AppConfigService,
    private readonly registry: DeliveryRegistry,
    private readonly outbox: OutboxService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.get('DELIVERY_ENABLED')) return;
    const size = this.config.get('DELIVERY_CONCURRENCY');
    this.pool = new pg.Pool({ connectionString: this.config.get('DATABASE_URL') as string, max: size, idleTimeoutMillis: 30_000, application_name: 'session-service:delivery' });
    // An idle connection that dies (Postgres restarted) must not take the process with it.
    this.pool.on('error', (error) => this.logger.warn({ err: error.message }, 'delivery connection lost'));
    this.outbox.onWake(() => this.kick());
    this.schedule();
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    // Deliveries in flight finish (or fail) and record their outcome before the pool closes.
    await this.idle;
    await this.pool?.end();
    this.pool = null;
  }

  /**
   * Starts a worker (up to the concurrency): one per wake-up or poll, and each worker that found a row
   * starts another, so idle instances cost one claim query per poll while a backlog fans out.
   */
  kick(fanOut = false): void {
    if (!this.pool || this.stopping) return;
    if (this.workers >= this.config.get('DELIVERY_CONCURRENCY')) {
      if (!fanOut) this.missed = true;
      return;
    }
    if (this.workers === 0) this.idle = new Promise((resolve) => (this.markIdle = resolve));
    this.workers++;
    void this.work().finally(() => {
      if (--this.workers === 0) this.markIdle();
    });
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.kick();
      if (!this.stopping) this.schedule();
    }, this.config.get('DELIVERY_POLL_INTERVAL_MS'));
    this.timer.unref();
  }

  private async work(): Promise<void> {
    try {
      for (;;) {
        if (this.stopping) return;
        this.missed = false;
        if (await this.deliverOne()) this.kick(true);
        else if (!this.missed) return;
      }
    } catch (error) {
      // The database is unreachable: this worker stops; the next poll starts a new one.
      this.logger.warn({ err: (error as Error).message }, 'delivery pass failed');
    }
  }

  /** Claims a head, delivers it and what follows it, records every outcome; false when nothing is due. */
  private async deliverOne(): Promise<boolean> {
    const pool = this.pool;
    if (!pool) return false;
    const kinds = this.registry.pushKinds();
    if (kinds.length === 0) return false;
    const client = await pool.connect();
    let broken: Error | undefined;
    // A connection that dies while checked out (Postgres restarted, the backend terminated) emits
    // 'error' on the client: without a listener that would take the process down.
    const onError = (error: Error) => (broken = error);
    client.on('error', onError);
    // A retry slot is taken before the claim (so two workers cannot both take the last one) and
    // given back at once when the claimed head is a first attempt.
    let retrySlot = this.retrying < retryWorkers(this.config.get('DELIVERY_CONCURRENCY'));
    if (retrySlot) this.retrying++;
    try {
      await client.query('BEGIN');
      const lingering = this.registry.lingering();
      const { rows } = await client.query<ClaimedRow>({
        name: 'outbox.claim',
        text: CLAIM_SQL,
        values: [kinds, this.config.get('DELIVERY_MAX_AGE_SECONDS'), lingering.kinds, lingering.ms, retrySlot],
      });
      const row = rows[0];
      if (retrySlot && row?.attempts === 0) {
        retrySlot = false;
        this.retrying--;
      }
      if (!row) {
        await client.query('COMMIT');
        return false;
      }
      const kind = this.registry.get(row.destinationKind);
      const context = claimContext(client);
      const outcomes = kind?.deliverBatch ? await this.deliverBatch(client, kind, row, context) : await this.deliverInTurn(client, kind, row, context);
      await this.record(client, outcomes);
      await client.query('COMMIT');
      return true;
    } catch (error) {
      broken = error as Error;
      throw error;
    } finally {
      if (retrySlot) this.retrying--;
      client.off('error', onError);
      // A connection whose transaction failed is dropped, not returned half-open.
      client.release(broken);
    }
  }

  /** The head, then the rows after it one by one, stopping at the first that is not delivered. */
  private async deliverInTurn(client: pg.PoolClient, kind: DeliveryKind | undefined, head: ClaimedRow, context: DeliveryContext): Promise<Outcome[]> {
    const outcomes: Outcome[] = [{ row: head, result: await this.attempt(kind, head, context) }];
    if (outcomes[0].result.outcome !== 'delivered') return outcomes;
    for (const next of await this.followers(client, head, BATCH - 1)) {
      if (this.stopping) break;
      const result = await this.attempt(kind, next, context);
      outcomes.push({ row: next, result });
      if (result.outcome !== 'delivered') break;
    }
    return outcomes;
  }

  /** The head and the due rows after it, up to the kind's maxBatch, in one call whose result is every row's. */
  private async deliverBatch(client: pg.PoolClient, kind: DeliveryKind, head: ClaimedRow, context: DeliveryContext): Promise<Outcome[]> {
    const max = Math.max(1, Math.floor(kind.maxBatch ?? 1));
    const rows = max > 1 ? [head, ...(await this.followers(client, head, max - 1))] : [head];
    let result: DeliveryResult;
    try {
      result = await (kind.deliverBatch as NonNullable<DeliveryKind['deliverBatch']>).call(kind, rows.map(asOutboxRow), context);
    } catch (error) {
      result = { outcome: 'retry', error: (error as Error).message || String(error) };
    }
    return rows.map((row) => ({ row, result }));
  }

  private async followers(client: pg.PoolClient, head: ClaimedRow, limit: number): Promise<ClaimedRow[]> {
    const { rows } = await client.query<ClaimedRow>({
      name: 'outbox.followers',
      text: FOLLOWERS_SQL,
      values: [head.destinationId, head.id, this.config.get('DELIVERY_MAX_AGE_SECONDS'), limit],
    });
    // Up to the first row not yet due: a row backing off (each row of a failed batch gets its own
    // jittered delay) must not be overtaken by the rows after it.
    const firstNotDue = rows.findIndex((r) => !(r as ClaimedRow & { due: boolean }).due);
    return (firstNotDue === -1 ? rows : rows.slice(0, firstNotDue)).map(({ due: _, ...r }: ClaimedRow & { due?: boolean }) => r as ClaimedRow);
  }

  private async attempt(kind: DeliveryKind | undefined, row: ClaimedRow, context: DeliveryContext): Promise<DeliveryResult> {
    if (!kind) return { outcome: 'retry', error: `no delivery kind ${row.destinationKind} on this instance` };
    try {
      return await kind.deliver(asOutboxRow(row), context);
    } catch (error) {
      return { outcome: 'retry', error: (error as Error).message || String(error) };
    }
  }

  /** Every outcome of a claim in one statement (and an audit event per row that died). */
  private async record(client: pg.PoolClient, outcomes: Outcome[]): Promise<void> {
    const base = this.config.get('DELIVERY_RETRY_BASE_MS');
    const max = this.config.get('DELIVERY_RETRY_MAX_MS');
    const ids: string[] = [];
    const statuses: string[] = [];
    const attempts: number[] = [];
    const errors: (string | null)[] = [];
    const delays: (number | null)[] = [];
    const dead: { row: ClaimedRow; attempts: number; error: string }[] = [];
    let retryDelay: number | undefined;
    for (const { row, result } of outcomes) {
      ids.push(row.id);
      if (result.outcome === 'hold') {
        // Not an attempt: the destination is paused; looked at again in HOLD_MS.
        statuses.push('pending');
        attempts.push(row.attempts);
        errors.push(null);
        delays.push(HOLD_MS);
        continue;
      }
      const n = row.attempts + 1;
      attempts.push(n);
      if (result.outcome === 'delivered') {
        statuses.push('delivered');
        errors.push(null);
        delays.push(null);
        continue;
      }
      const error = result.error.slice(0, 500);
      errors.push(error);
      if (result.outcome === 'dead' || row.expired) {
        statuses.push('dead');
        delays.push(null);
        dead.push({ row, attempts: n, error });
      } else {
        statuses.push('pending');
        // One back-off per claim, drawn for its head: the rows of a failed batch come due together and
        // are retried as the batch they were, in order (a row's own jitter would split and reorder it).
        retryDelay ??= retryDelayMs(n, base, max);
        delays.push(retryDelay);
      }
    }
    await client.query({ name: 'outbox.record', text: RECORD_SQL, values: [ids, statuses, attempts, errors, delays] });
    for (const d of dead) {
      await this.auditDeath(client, d.row, d.attempts, d.error);
      this.logger.warn({ outboxId: d.row.id, destination: d.row.destinationId, kind: d.row.destinationKind, attempts: d.attempts }, 'delivery failed for good');
    }
  }

  /** A dead delivery is part of the accountable record: one audit event, in the same transaction. */
  private async auditDeath(client: pg.PoolClient, row: OutboxRow, attempts: number, error: string): Promise<void> {
    await client.query(
      eventInsertSql(1),
      eventValues({
        action: 'delivery.failed',
        outcome: 'failure',
        accountId: row.accountId,
        context: { requestId: `outbox-${row.id}`, ip: null, userAgent: null, surface: 'system' },
        reason: error,
        details: { outboxId: row.id, jti: row.jti, destinationKind: row.destinationKind, destinationId: row.destinationId, auditEventId: row.auditEventId, attempts },
      }),
    );
  }
}
