import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { CHECKPOINT_STATUSES } from '../chain-verify.js';
import { ApiNullableProperty } from '../../common/api-nullable.decorator.js';
import { IsStorableDate } from '../../common/storable-date.js';
import { IsAccountSelector } from './audit-event.dto.js';

export const CHECKPOINT_SOURCES = ['directory'] as const;
export type CheckpointSource = (typeof CHECKPOINT_SOURCES)[number];

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

  /**
   * A checkpoint to check the chain against: the compact JWS a sink received (typ audit-checkpoint+jwt).
   * One of `checkpoint`, `checkpointId` and `checkpoints`; not with `from`/`to` (a checkpoint is checked
   * against its whole chain).
   */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,1024}\.[A-Za-z0-9_-]{1,2048}\.[A-Za-z0-9_-]{1,512}$/, { message: 'checkpoint must be a compact JWS' })
  checkpoint?: string;

  /** A checkpoint by its id (GET /v1/audit/checkpoints/{id}); its signature is checked all the same. */
  @IsOptional()
  @IsUUID()
  checkpointId?: string;

  /** `directory`: the newest checkpoint of each of the account's chains in the directory sink (AUDIT_CHECKPOINT_DIR). */
  @IsOptional()
  @IsIn(CHECKPOINT_SOURCES)
  checkpoints?: CheckpointSource;
}

export const CHECKPOINT_FINDINGS = [...CHECKPOINT_STATUSES, 'forged'] as const;
export type CheckpointFindingStatus = (typeof CHECKPOINT_FINDINGS)[number];

/** One checkpoint compared with the chain it names. */
export class AuditCheckpointFindingDto {
  /**
   * matches: the chain still holds, at the checkpoint's place, the event and hash it names; rewritten:
   * another event or hash stands there (the chain was rebuilt, its hashes recomputed); truncated: the chain
   * now ends before that place (its newest events were deleted); expired: retention removed the events up
   * to and past it; forged: a file of the directory sink whose signature no key of the service verifies.
   */
  @ApiProperty({ enum: CHECKPOINT_FINDINGS })
  status: CheckpointFindingStatus;
  /** The checkpoint's id; null when forged. */
  id: string | null;
  /** The file of the directory sink it was read from; null for a checkpoint given by value or id. */
  file: string | null;
  chainStripe: number | null;
  /** Where the checkpoint says the chain stood: its last event's place and id, and that event's hash (hex). */
  lastSeq: string | null;
  lastEventId: string | null;
  headHash: string | null;
  issuedAt: Date | null;
  /** The place of the chain's newest event now; null when the chain has no event. */
  chainSeqNow: string | null;
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
  /** Present when checkpoints were given: each compared with its chain (ok is false unless every one matches). */
  @ApiPropertyOptional({ type: [AuditCheckpointFindingDto] })
  checkpoints?: AuditCheckpointFindingDto[];
}
