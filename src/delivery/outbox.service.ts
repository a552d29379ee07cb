import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxEntry } from './delivery.types.js';

type Waker = () => void;

/**
 * Writes outbox rows in the caller's transaction, so an event exists exactly when what caused it
 * committed. `wake` asks this instance's dispatcher to look now (after the commit) instead of at its
 * next poll.
 */
@Injectable()
export class OutboxService {
  private wakers: Waker[] = [];

  async enqueue(manager: EntityManager, entries: readonly OutboxEntry[]): Promise<number> {
    if (entries.length === 0) return 0;
    // One statement for any number of rows; in entry order, so ids (the delivery order) follow it.
    await manager.query(
      `INSERT INTO outbox (destination_kind, destination_id, account_id, audit_event_id, payload)
       SELECT k, d, a, e, p FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::bigint[], $5::jsonb[]) WITH ORDINALITY AS t(k, d, a, e, p, n) ORDER BY n`,
      [
        entries.map((e) => e.destinationKind),
        entries.map((e) => e.destinationId),
        entries.map((e) => e.accountId),
        entries.map((e) => e.auditEventId ?? null),
        entries.map((e) => JSON.stringify(e.payload)),
      ],
    );
    return entries.length;
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
}
