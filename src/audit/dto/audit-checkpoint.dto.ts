import { IsUUID } from 'class-validator';
import { AuditDeliveryDto, IsAccountSelector } from './audit-event.dto.js';

export class CreateAuditCheckpointsDto {
  /** Another account, or `none` for the events that belong to no account: system admin only. Defaults to the caller's. */
  @IsAccountSelector()
  accountId?: string;
}

export class AuditCheckpointIdParamDto {
  @IsUUID()
  id: string;
}

/** A signed checkpoint of one chain, and where its delivery to the HTTP sink stands. */
export class AuditCheckpointDto {
  id: string;
  /** The account whose chain it is; null for the events of no account. */
  accountId: string | null;
  chainStripe: number;
  /** The chain's newest event when the checkpoint was made: its id and place. */
  lastEventId: string;
  lastSeq: string;
  /** That event's hash (hex). */
  headHash: string;
  /** Events the chain held then. */
  eventCount: string;
  /** scheduled (every AUDIT_CHECKPOINT_EVERY_EVENTS events or AUDIT_CHECKPOINT_INTERVAL_SECONDS) or on_demand. */
  trigger: 'scheduled' | 'on_demand';
  createdAt: Date;
  /** The checkpoint as signed: a JWT (typ audit-checkpoint+jwt, EdDSA), verifiable with the JWKS. */
  jws: string;
  /** Its delivery to the HTTP sink (AUDIT_CHECKPOINT_URL); empty when there is none. */
  deliveries: AuditDeliveryDto[];
}

export class AuditCheckpointListDto {
  /** The newest checkpoint of each of the account's chains (made now where the chain moved since its last one). */
  items: AuditCheckpointDto[];
}
