import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../common/actor.js';
import { DomainException, ErrorCode } from '../common/error-codes.js';
import { AuditQueryService, AuditWhere, chainWhere, NO_ACCOUNT_CHAIN_KEY } from './audit-query.service.js';
import { AuditChainBreakDto, AuditVerifyQueryDto, AuditVerifyResultDto, ChainBreakReason } from './dto/audit-verify.dto.js';

const BATCH = 1000;

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

/**
 * Recomputes an account's hash chain, or that of the events of no account (see the initial
 * migration), in chain order, a batch at a time, and reports the first event that does not verify.
 */
@Injectable()
export class AuditVerifyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly query: AuditQueryService,
  ) {}

  async verify(actor: Actor, query: AuditVerifyQueryDto): Promise<AuditVerifyResultDto> {
    if (query.accountId !== undefined && query.account !== undefined) {
      throw new DomainException(ErrorCode.VALIDATION_FAILED, 'account: `account` is an alias of `accountId`; send one of them', {
        errors: [{ field: 'account', problems: ['`account` is an alias of `accountId`; send one of them'] }],
      });
    }
    const where = await this.query.where(actor, { accountId: query.accountId ?? query.account, from: query.from, to: query.to }, 'audit:verify');
    const { accountId } = where;

    const result: AuditVerifyResultDto = { ok: true, checked: 0, firstBroken: null, headHash: null, from: query.from ?? null, to: query.to ?? null };
    const bounds = await this.seqBounds(where);
    if (!bounds) return result;

    // Writers commit in chain order (the head row lock), so a time range maps to a contiguous run of chain_seq.
    let previous: Link | null = query.from ? null : await this.chainStart(accountId ?? NO_ACCOUNT_CHAIN_KEY, bounds.lo);
    let after = bounds.lo - 1n;
    const chain = chainWhere(accountId);
    const [after$, hi$] = [`$${chain.params.length + 1}`, `$${chain.params.length + 2}`];
    for (;;) {
      const rows: ChainRow[] = await this.dataSource.query(
        `SELECT e.id, e.chain_seq, e.occurred_at, e.prev_hash, e.hash, audit_event_hash_ok(e) AS hash_ok
           FROM audit_events e
          WHERE ${chain.sql} AND e.chain_seq > ${after$} AND e.chain_seq <= ${hi$}
          ORDER BY e.chain_seq LIMIT ${BATCH}`,
        [...chain.params, after.toString(), bounds.hi.toString()],
      );
      for (const row of rows) {
        result.checked += 1;
        const seq = BigInt(row.chain_seq);
        const reason = brokenReason(previous, seq, row);
        if (reason) {
          result.ok = false;
          result.firstBroken = breakOf(row, reason);
          result.headHash = row.hash.toString('hex');
          return result;
        }
        previous = { seq, hash: row.hash };
      }
      if (rows.length < BATCH) break;
      after = BigInt(rows[rows.length - 1].chain_seq);
    }
    result.headHash = previous ? previous.hash.toString('hex') : null;
    return result;
  }

  /** chain_seq range of the events in the time range; null when there are none. */
  private async seqBounds(where: AuditWhere): Promise<{ lo: bigint; hi: bigint } | null> {
    const rows: { lo: string | null; hi: string | null }[] = await this.dataSource.query(
      `SELECT min(chain_seq) AS lo, max(chain_seq) AS hi FROM audit_events WHERE ${where.sql}`,
      where.params,
    );
    const { lo, hi } = rows[0];
    return lo === null || hi === null ? null : { lo: BigInt(lo), hi: BigInt(hi) };
  }

  /**
   * What the oldest kept event must follow: nothing (seq 1, empty prev_hash) or, once retention removed
   * the oldest events, the anchor it recorded. Null means "anchored by its own prev_hash".
   */
  private async chainStart(chainKey: string, firstSeq: bigint): Promise<Link | null> {
    if (firstSeq === 1n) return { seq: 0n, hash: Buffer.alloc(0) };
    const rows: { last_seq: string; last_hash: Buffer }[] = await this.dataSource.query(
      `SELECT last_seq, last_hash FROM audit_chain_anchors WHERE chain_key = $1`,
      [chainKey],
    );
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

function breakOf(row: ChainRow, reason: ChainBreakReason): AuditChainBreakDto {
  return { id: String(row.id), chainSeq: String(row.chain_seq), occurredAt: row.occurred_at, reason };
}
