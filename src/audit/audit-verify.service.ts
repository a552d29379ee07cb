import { Injectable } from '@nestjs/common';
import { Actor } from '../common/actor.js';
import { DomainException, ErrorCode } from '../common/error-codes.js';
import { AuditQueryService, AuditWhere, chainWhere, NO_ACCOUNT_CHAIN_KEY } from './audit-query.service.js';
import { AuditChainBreakDto, AuditVerifyQueryDto, AuditVerifyResultDto, ChainBreakReason } from './dto/audit-verify.dto.js';

const BATCH = 1000;

/** An event's chain (stripe) as stored: events chained before there were several have none, and are in chain 0. */
export const STRIPE_SQL = 'coalesce(chain_stripe, 0)';

interface ChainRow {
  id: string;
  chain_seq: string;
  occurred_at: Date;
  prev_hash: Buffer;
  hash: Buffer;
  hash_ok: boolean;
}

interface Link {
  seq: bigint;
  hash: Buffer;
}

interface StripeBounds {
  stripe: number;
  lo: bigint;
  hi: bigint;
}

/**
 * Recomputes the hash chains of an account, or those of the events of no account (see migrations
 * 1700000000000 and 1700000001610: each account's events form several chains, "stripes", so that
 * its writers don't queue on one head), each in chain order, a batch at a time, and reports the
 * first event that does not verify.
 */
@Injectable()
export class AuditVerifyService {
  constructor(private readonly query: AuditQueryService) {}

  async verify(actor: Actor, query: AuditVerifyQueryDto): Promise<AuditVerifyResultDto> {
    if (query.accountId !== undefined && query.account !== undefined) {
      throw new DomainException(ErrorCode.VALIDATION_FAILED, 'account: `account` is an alias of `accountId`; send one of them', {
        errors: [{ field: 'account', problems: ['`account` is an alias of `accountId`; send one of them'] }],
      });
    }
    const where = await this.query.where(actor, { accountId: query.accountId ?? query.account, from: query.from, to: query.to }, 'audit:verify');
    const { accountId } = where;

    const result: AuditVerifyResultDto = { ok: true, checked: 0, firstBroken: null, headHash: null, from: query.from ?? null, to: query.to ?? null };
    let newest: { id: bigint; hash: Buffer } | null = null;
    for (const bounds of await this.stripeBounds(where)) {
      const tail = await this.verifyStripe(where.accountId, bounds, query.from !== undefined, result);
      if (!result.ok) return result;
      if (tail && (!newest || tail.id > newest.id)) newest = tail;
    }
    result.headHash = newest ? newest.hash.toString('hex') : null;
    return result;
  }

  /**
   * One chain over the range: writers of a stripe commit in its order (the head row lock), so a time
   * range is a contiguous run of its chain_seq. Returns its last event, or records the first break.
   */
  private async verifyStripe(
    accountId: string | null,
    { stripe, lo, hi }: StripeBounds,
    ranged: boolean,
    result: AuditVerifyResultDto,
  ): Promise<{ id: bigint; hash: Buffer } | null> {
    let previous: Link | null = ranged ? null : await this.chainStart(accountId ?? NO_ACCOUNT_CHAIN_KEY, stripe, lo);
    let last: ChainRow | null = null;
    let after = lo - 1n;
    const chain = chainWhere(accountId);
    const [stripe$, after$, hi$] = [1, 2, 3].map((i) => `$${chain.params.length + i}`);
    for (;;) {
      const rows: ChainRow[] = await this.query.read((m) => m.query(
        `SELECT e.id, e.chain_seq, e.occurred_at, e.prev_hash, e.hash, audit_event_hash_ok(e) AS hash_ok
           FROM audit_events e
          WHERE ${chain.sql} AND ${STRIPE_SQL} = ${stripe$} AND e.chain_seq > ${after$} AND e.chain_seq <= ${hi$}
          ORDER BY e.chain_seq LIMIT ${BATCH}`,
        [...chain.params, stripe, after.toString(), hi.toString()],
      ));
      for (const row of rows) {
        result.checked += 1;
        const seq = BigInt(row.chain_seq);
        const reason = brokenReason(previous, seq, row);
        if (reason) {
          result.ok = false;
          result.firstBroken = breakOf(row, stripe, reason);
          result.headHash = row.hash.toString('hex');
          return null;
        }
        previous = { seq, hash: row.hash };
        last = row;
      }
      if (rows.length < BATCH) break;
      after = BigInt(rows[rows.length - 1].chain_seq);
    }
    return last ? { id: BigInt(last.id), hash: last.hash } : null;
  }

  /** Per chain with events in the time range, its chain_seq range, in stripe order. */
  private async stripeBounds(where: AuditWhere): Promise<StripeBounds[]> {
    const rows: { stripe: number; lo: string; hi: string }[] = await this.query.read((m) => m.query(
      `SELECT ${STRIPE_SQL} AS stripe, min(chain_seq) AS lo, max(chain_seq) AS hi FROM audit_events WHERE ${where.sql} GROUP BY 1 ORDER BY 1`,
      where.params,
    ));
    return rows.map((r) => ({ stripe: Number(r.stripe), lo: BigInt(r.lo), hi: BigInt(r.hi) }));
  }

  /**
   * What the oldest kept event of a chain must follow: nothing (seq 1, empty prev_hash) or, once
   * retention removed the oldest events, the anchor it recorded. Null means "anchored by its own prev_hash".
   */
  private async chainStart(chainKey: string, stripe: number, firstSeq: bigint): Promise<Link | null> {
    if (firstSeq === 1n) return { seq: 0n, hash: Buffer.alloc(0) };
    const rows: { last_seq: string; last_hash: Buffer }[] = await this.query.read((m) => m.query(
      `SELECT last_seq, last_hash FROM audit_chain_anchors WHERE chain_key = $1 AND stripe = $2`,
      [chainKey, stripe],
    ));
    const anchor = rows[0];
    if (!anchor) return { seq: 0n, hash: Buffer.alloc(0) }; // nothing was ever removed: events before firstSeq are missing
    const seq = BigInt(anchor.last_seq);
    // Events written concurrently around the cutoff may straddle it; those kept anchor themselves.
    if (firstSeq <= seq) return null;
    return { seq, hash: anchor.last_hash };
  }
}

function brokenReason(previous: Link | null, seq: bigint, row: ChainRow): ChainBreakReason | null {
  if (previous && seq !== previous.seq + 1n) return 'chain_gap';
  if (previous && !previous.hash.equals(row.prev_hash)) return 'prev_mismatch';
  if (!row.hash_ok) return 'hash_mismatch';
  return null;
}

function breakOf(row: ChainRow, stripe: number, reason: ChainBreakReason): AuditChainBreakDto {
  return { id: String(row.id), chainStripe: stripe, chainSeq: String(row.chain_seq), occurredAt: row.occurred_at, reason };
}
