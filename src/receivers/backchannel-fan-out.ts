import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DeliveryResult, OutboxRow } from '../delivery/delivery.types.js';

/**
 * An account-wide logout is ONE outbox row per back-channel client, written in the revoking
 * transaction; the row names whom it is for (the users of the account up to the revocation) instead
 * of listing them, and is expanded here, when it is delivered, into one logout token per user, in user
 * id order. So the logout writes O(receivers) rows whatever the number of users; each token still has
 * a stable jti (derived from the row's and the user's ids, so a retry resends the same one); the
 * client's tokens stay in order (the next row waits until this one is delivered or dead); and progress
 * is recorded after every accepted token, so a retry goes on after the last user the client accepted.
 */
export interface FanOut {
  /** Every user of the account created up to `createdUpTo` (the revocation, rounded up to the millisecond). */
  users: 'account';
  accountId: string;
  createdUpTo: string;
}

/** Users read per query while expanding. */
const PAGE = 200;

/** A logout token's jti for one user of a fan-out row: the same on every attempt, unique per (row, user). */
export function fanOutJti(rowJti: string, userId: string): string {
  const h = createHash('sha256').update(`${rowJti}:${userId}`).digest();
  h[6] = (h[6] & 0x0f) | 0x80; // RFC 9562 version 8 (custom)
  h[8] = (h[8] & 0x3f) | 0x80; // RFC 9562 variant
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function fanOutOf(row: OutboxRow): FanOut | null {
  const fanOut = row.payload.fanOut as FanOut | undefined;
  return fanOut && fanOut.users === 'account' ? fanOut : null;
}

/**
 * Sends `send(userId, jti)` for every user of the fan-out after the recorded progress, recording it
 * after each accepted token (on its own connection: the dispatcher holds the row locked meanwhile).
 * The first token not accepted ends the attempt with its result; all sent: delivered.
 */
export async function deliverFanOut(
  dataSource: DataSource,
  row: OutboxRow,
  fanOut: FanOut,
  send: (userId: string, jti: string) => Promise<DeliveryResult>,
): Promise<DeliveryResult> {
  const [progress] = await dataSource.query(`SELECT last_subject::text AS "last", sent FROM outbox_fan_out_progress WHERE outbox_id = $1`, [row.id]);
  let last: string | null = progress?.last ?? null;
  let sent: number = progress?.sent ?? 0;
  for (;;) {
    const users: { id: string }[] = await dataSource.query(
      `SELECT id::text FROM users WHERE account_id = $1 AND created_at <= $2::timestamptz AND ($3::uuid IS NULL OR id > $3::uuid) ORDER BY id LIMIT ${PAGE}`,
      [fanOut.accountId, fanOut.createdUpTo, last],
    );
    for (const { id } of users) {
      const result = await send(id, fanOutJti(row.jti, id));
      if (result.outcome !== 'delivered') return result;
      last = id;
      sent++;
      await dataSource.query(
        `INSERT INTO outbox_fan_out_progress (outbox_id, last_subject, sent) VALUES ($1, $2, $3)
         ON CONFLICT (outbox_id) DO UPDATE SET last_subject = EXCLUDED.last_subject, sent = EXCLUDED.sent, updated_at = clock_timestamp()`,
        [row.id, id, sent],
      );
    }
    if (users.length < PAGE) break;
  }
  return { outcome: 'delivered' };
}
