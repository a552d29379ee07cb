import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { preparedQuery, PreparedStatement } from '../database/prepared-query.js';
import { DeliveryRegistry } from './delivery-registry.service.js';
import { OutboxEntry } from './delivery.types.js';

type Waker = () => void;

/** Every instance LISTENs here (OutboxListener); a write's NOTIFY is sent in its transaction, so it fires at commit. */
export const OUTBOX_CHANNEL = 'outbox_wake';

/** Any number of rows and their wake-ups in one statement; in entry order, so ids (the delivery order) follow it. */
const ENQUEUE: PreparedStatement = {
  name: 'outbox.enqueue',
  text: `WITH ins AS (
           INSERT INTO outbox (destination_kind, destination_id, account_id, audit_event_id, payload)
           SELECT k, d, a, e, p FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::bigint[], $5::jsonb[]) WITH ORDINALITY AS t(k, d, a, e, p, n) ORDER BY n
           RETURNING 1)
         SELECT pg_notify('${OUTBOX_CHANNEL}', note) FROM unnest($6::text[]) AS note`,
};

/**
 * One statement that writes an audit event's outbox rows, one per destination in order, and sends
 * their wake-ups: `event` yields the event's id, account_id and occurred_at (the INSERT that writes
 * it, RETURNING them), parameters `first` to `first + 2` are eventOutboxValues'. The statement
 * returns the event's id and occurred_at. Each row's payload holds the event's occurredAt: the
 * trail's key is (occurred_at, id), so whoever delivers the row reads its event by key.
 */
export function eventOutboxSql(event: string, first: number): string {
  return `WITH e AS (${event}),
    ${eventOutboxCte(first)}
  SELECT e.id, e.occurred_at, ${eventOutboxWokenSql(first)} AS woken FROM e`;
}

/** eventOutboxSql's rows as a CTE `o` of a caller's statement whose CTE `e` writes the event (id, account_id, occurred_at). */
export const eventOutboxCte = (first: number) => `o AS (INSERT INTO outbox (destination_kind, destination_id, account_id, audit_event_id, payload)
          SELECT t.k, t.d, e.account_id, e.id, jsonb_build_object('occurredAt', e.occurred_at)
            FROM e, unnest($${first}::text[], $${first + 1}::uuid[]) WITH ORDINALITY AS t(k, d, n) ORDER BY t.n)`;

/** eventOutboxSql's wake-ups, as an expression for the caller's statement to read (how many were sent). */
export const eventOutboxWokenSql = (first: number) => `(SELECT count(pg_notify('${OUTBOX_CHANNEL}', note)) FROM unnest($${first + 2}::text[]) AS note)`;

export type Destination = Pick<OutboxEntry, 'destinationKind' | 'destinationId'>;

/**
 * Writes outbox rows in the caller's transaction, so an event exists exactly when what caused it
 * committed, and wakes whoever delivers them: with the rows, a NOTIFY (`push:<instance>` when a
 * dispatcher has work, `pull:<destination>` for a poll receiver that may be waiting), delivered by
 * Postgres to every instance at commit. The writer's own dispatcher is woken in process by `wake`
 * after the commit, without waiting for its own NOTIFY to come back. Rows of a kind that lingers
 * (DeliveryKind.lingerMs) send no NOTIFY: this instance's dispatcher looks when their linger is over.
 */
@Injectable()
export class OutboxService implements BeforeApplicationShutdown {
  /** Marks this process's NOTIFYs, so its dispatcher skips their echo (it was woken in process). */
  readonly instance = randomUUID();
  private wakers: Waker[] = [];
  /** Shutting down: held polls are answered now, new ones are not held. */
  stopping = false;
  private readonly pullWaiters = new Map<string, Set<Waker>>();
  private lingerTimer: NodeJS.Timeout | null = null;

  constructor(private readonly registry: DeliveryRegistry) {}

  async enqueue(manager: EntityManager, entries: readonly OutboxEntry[]): Promise<number> {
    if (entries.length === 0) return 0;
    await preparedQuery(manager, ENQUEUE, [
      entries.map((e) => e.destinationKind),
      entries.map((e) => e.destinationId),
      entries.map((e) => e.accountId),
      entries.map((e) => e.auditEventId ?? null),
      entries.map((e) => JSON.stringify(e.payload)),
      this.notes(entries),
    ]);
    this.written(entries);
    return entries.length;
  }

  /** eventOutboxSql's three parameters for these destinations; call `written` with them once it ran. */
  eventOutboxValues(destinations: readonly Destination[]): unknown[] {
    return [destinations.map((d) => d.destinationKind), destinations.map((d) => d.destinationId), this.notes(destinations)];
  }

  /**
   * The wake-ups the rows' commit sends: `push:<instance>` when a dispatcher has work that does not
   * linger, `pull:<destination>` for a poll receiver that may be waiting.
   */
  private notes(destinations: readonly Destination[]): string[] {
    const pulled = new Set(destinations.filter((d) => this.registry.get(d.destinationKind)?.pull).map((d) => d.destinationId));
    return [...(this.wakesNow(destinations) ? [`push:${this.instance}`] : []), ...[...pulled].map((id) => `pull:${id}`)];
  }

  /**
   * Rows were written in a transaction about to commit: for rows that linger, this instance's
   * dispatcher looks once their linger is over (one timer for every row written meanwhile; a row
   * whose transaction had not committed by then is found by a poll). True when some are for a push
   * kind that does not linger: the writer then `wake`s this instance's dispatcher after its commit.
   */
  written(destinations: readonly Pick<OutboxEntry, 'destinationKind'>[]): boolean {
    let linger = 0;
    for (const d of destinations) linger = Math.max(linger, this.registry.get(d.destinationKind)?.lingerMs ?? 0);
    const now = this.wakesNow(destinations);
    if (linger === 0 || this.lingerTimer || this.stopping) return now;
    // A millisecond more: the claim must find the head at least that old.
    this.lingerTimer = setTimeout(() => {
      this.lingerTimer = null;
      for (const waker of this.wakers) waker();
    }, linger + 1);
    this.lingerTimer.unref();
    return now;
  }

  /** Whether rows for these destinations are for a push kind that does not linger (to `wake` for after the commit). */
  wakesNow(destinations: readonly Pick<OutboxEntry, 'destinationKind'>[]): boolean {
    return destinations.some((d) => {
      const kind = this.registry.get(d.destinationKind);
      return !kind?.pull && !((kind?.lingerMs ?? 0) > 0);
    });
  }

  /** In the caller's transaction: a destination's pending rows will not be sent (it was deleted); how many. */
  async dropPending(manager: EntityManager, destinationId: string, why: string): Promise<number> {
    const [{ n }]: { n: number }[] = await manager.query(
      `WITH u AS (UPDATE outbox SET status = 'dead', last_error = $2 WHERE destination_id = $1 AND status = 'pending' RETURNING 1) SELECT count(*)::int AS n FROM u`,
      [destinationId, why],
    );
    return n;
  }

  /** Before the HTTP server closes (it waits for requests in flight): held polls answer now. */
  beforeApplicationShutdown(): void {
    this.stopping = true;
    if (this.lingerTimer) clearTimeout(this.lingerTimer);
    this.lingerTimer = null;
    for (const waiters of this.pullWaiters.values()) for (const waiter of [...waiters]) waiter();
  }

  /** The dispatcher of this instance listens here. */
  onWake(waker: Waker): void {
    this.wakers.push(waker);
  }

  /** After the caller's answer is on its way (setImmediate): delivery never competes with the answer. */
  wake(): void {
    setImmediate(() => {
      for (const waker of this.wakers) waker();
    });
  }

  /** A NOTIFY of any instance's commit, as OutboxListener received it. */
  notified(note: string): void {
    if (note.startsWith('pull:')) {
      for (const waiter of [...(this.pullWaiters.get(note.slice(5)) ?? [])]) waiter();
    } else if (note !== `push:${this.instance}`) {
      for (const waker of this.wakers) waker();
    }
  }

  /** The listener (re)connected: what was written while it was away is looked at now. */
  resumed(): void {
    for (const waker of this.wakers) waker();
    for (const waiters of this.pullWaiters.values()) for (const waiter of [...waiters]) waiter();
  }

  /**
   * Resolves when an event for this poll destination commits on any instance, or after `ms`, or when
   * `stop` is called (returned, for a caller that gives up early).
   */
  waitForPull(destinationId: string, ms: number): { done: Promise<void>; stop: () => void } {
    let stop: () => void = () => {};
    const done = new Promise<void>((resolve) => {
      const waiters = this.pullWaiters.get(destinationId) ?? new Set<Waker>();
      this.pullWaiters.set(destinationId, waiters);
      const finish = () => {
        clearTimeout(timer);
        waiters.delete(finish);
        if (waiters.size === 0 && this.pullWaiters.get(destinationId) === waiters) this.pullWaiters.delete(destinationId);
        resolve();
      };
      const timer = setTimeout(finish, ms);
      timer.unref();
      waiters.add(finish);
      stop = finish;
    });
    return { done, stop };
  }
}
