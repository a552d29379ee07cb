import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'accounts' })
export class AccountEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') name: string;
  @Column({ name: 'is_default', type: 'boolean', default: false }) isDefault: boolean;
  @Column({ name: 'legal_hold', type: 'boolean', default: false }) legalHold: boolean;
  @Column({ name: 'sessions_valid_after', type: 'timestamptz', nullable: true }) sessionsValidAfter: Date | null;
  @Column({ name: 'sessions_keep_id', type: 'uuid', nullable: true }) sessionsKeepId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
