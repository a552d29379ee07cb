import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One audit event. Rows are written by AuditService.record inside the caller's transaction and never changed. */
@Entity({ name: 'audit_events' })
export class AuditEventEntity {
  @PrimaryColumn({ type: 'bigint', insert: false }) id: string;
  @PrimaryColumn({ name: 'occurred_at', type: 'timestamptz', insert: false }) occurredAt: Date;
  @Column('text') action: string;
  @Column('text') outcome: string;
  @Column({ name: 'account_id', type: 'uuid', nullable: true }) accountId: string | null;
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true }) actorUserId: string | null;
  @Column({ name: 'actor_session_id', type: 'uuid', nullable: true }) actorSessionId: string | null;
  @Column({ name: 'actor_label', type: 'text', nullable: true }) actorLabel: string | null;
  @Column({ name: 'target_user_id', type: 'uuid', nullable: true }) targetUserId: string | null;
  @Column({ name: 'session_ids', type: 'uuid', array: true }) sessionIds: string[];
  @Column({ name: 'session_count', type: 'integer' }) sessionCount: number;
  @Column('text') surface: string;
  @Column({ type: 'text', nullable: true }) ip: string | null;
  @Column({ name: 'user_agent', type: 'text', nullable: true }) userAgent: string | null;
  @Column({ name: 'request_id', type: 'text', nullable: true }) requestId: string | null;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ type: 'text', nullable: true }) ticket: string | null;
  @Column({ name: 'dry_run', type: 'boolean' }) dryRun: boolean;
  @Column({ type: 'jsonb' }) details: Record<string, unknown>;
  /** Which of the account's chains (migration 1700000001610); null for events chained before there were several (chain 0). */
  @Column({ name: 'chain_stripe', type: 'smallint', nullable: true, insert: false }) chainStripe: number | null;
  @Column({ name: 'chain_seq', type: 'bigint', insert: false }) chainSeq: string;
}
