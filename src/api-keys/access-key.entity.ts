import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An AWS-style access key pair for SigV4-signed surfaces; the secret is stored encrypted. */
@Entity({ name: 'access_keys' })
export class AccessKeyEntity {
  @PrimaryColumn({ name: 'access_key_id', type: 'text' }) accessKeyId: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId: string;
  @Column({ name: 'secret_ciphertext', type: 'bytea', select: false }) secretCiphertext: Buffer;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  /** What it was granted (at most what its creator held then); it holds only what its creator still holds. */
  @Column('text', { array: true }) permissions: string[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true }) lastUsedAt: Date | null;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
}
