import { randomUUID } from 'node:crypto';
import { fanOutJti, fanOutOf } from './backchannel-fan-out.js';
import type { OutboxRow } from '../delivery/delivery.types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('fanOutJti', () => {
  it('is a version-8 UUID, the same for the same row and user on every attempt', () => {
    const row = randomUUID();
    const user = randomUUID();
    expect(fanOutJti(row, user)).toMatch(UUID);
    expect(fanOutJti(row, user)).toBe(fanOutJti(row, user));
  });

  it('differs per user of a row and per row of a user', () => {
    const rows = Array.from({ length: 20 }, () => randomUUID());
    const users = Array.from({ length: 50 }, () => randomUUID());
    const all = new Set(rows.flatMap((r) => users.map((u) => fanOutJti(r, u))));
    expect(all.size).toBe(rows.length * users.length);
    // Never the row's own jti (a single-token row keeps that one).
    for (const r of rows) expect(all.has(r)).toBe(false);
  });
});

describe('fanOutOf', () => {
  const row = (payload: Record<string, unknown>) => ({ payload }) as unknown as OutboxRow;
  it('reads an account fan-out and nothing else', () => {
    const fanOut = { users: 'account', accountId: randomUUID(), createdUpTo: new Date().toISOString() };
    expect(fanOutOf(row({ iss: 'x', fanOut }))).toEqual(fanOut);
    expect(fanOutOf(row({ iss: 'x', sub: 'u' }))).toBeNull();
    expect(fanOutOf(row({ fanOut: { users: 'everyone' } }))).toBeNull();
  });
});
