import { ApiProperty } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { ApiNullableProperty } from '../../common/api-nullable.decorator.js';
import { IsStorableDate } from '../../common/storable-date.js';
import { IsAccountSelector } from './audit-event.dto.js';

export class AuditVerifyQueryDto {
  /**
   * Account whose chain to verify; defaults to the caller's. Another account, or `none` for the chain of
   * the events that belong to no account: system admin only.
   */
  @IsAccountSelector()
  accountId?: string;

  /** Alias of `accountId` (the name this parameter had first); send one of the two. Another account, or `none` for the events that belong to no account: system admin only. */
  @IsAccountSelector()
  account?: string;

  /** Verify events from this instant on (inclusive, ISO 8601, years 0001-9999); the first one is anchored by its own prev_hash. Omitted: from the chain's start. */
  @IsOptional()
  @IsStorableDate()
  from?: Date;

  /** Up to this instant (exclusive, ISO 8601, years 0001-9999). Omitted: up to the newest event. */
  @IsOptional()
  @IsStorableDate()
  to?: Date;
}

export const CHAIN_BREAK_REASONS = ['hash_mismatch', 'chain_gap', 'prev_mismatch'] as const;
export type ChainBreakReason = (typeof CHAIN_BREAK_REASONS)[number];

export class AuditChainBreakDto {
  /** Id of the first event that does not verify. */
  id: string;
  /** Which of the account's chains it is in (an account's events form several chains, each verified). */
  chainStripe: number;
  /** Its place in that chain. */
  chainSeq: string;
  occurredAt: Date;
  /**
   * hash_mismatch: the event was changed after it was written; chain_gap: events are missing before it;
   * prev_mismatch: its prev_hash is not the previous event's hash (an event before it was replaced).
   */
  @ApiProperty({ enum: CHAIN_BREAK_REASONS })
  reason: ChainBreakReason;
}

export class AuditVerifyResultDto {
  /** True when every event in the range verifies. */
  ok: boolean;
  /** Events checked (up to and including the first broken one). */
  checked: number;
  /** The first event that does not verify, in chain order (chains in stripe order); null when ok. */
  @ApiNullableProperty(AuditChainBreakDto)
  firstBroken: AuditChainBreakDto | null;
  /**
   * Hash (hex) of the last event checked (of the newest written, when the range spans several chains): note it to
   * detect later truncation; null when the range is empty.
   */
  headHash: string | null;
  from: Date | null;
  to: Date | null;
}
