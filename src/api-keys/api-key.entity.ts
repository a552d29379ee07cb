import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'api_keys' })
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId: string;
  @Column('text') name: string;
  @Column({ name: 'key_hash', type: 'bytea', select: false }) keyHash: Buffer;
  /** First characters of the key, shown in listings so an admin can tell keys apart. */
  @Column('text') prefix: string;
  /** Hash of the private key with which this client signs in its account's users; null: it cannot. */
  @Column({ name: 'private_key_hash', type: 'bytea', nullable: true, select: false }) privateKeyHash: Buffer | null;
  @Column({ name: 'redirect_url', type: 'text', nullable: true }) redirectUrl: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  /** What it was granted (at most what its creator held then); it holds only what its creator still holds. */
  @Column('text', { array: true }) permissions: string[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true }) lastUsedAt: Date | null;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
}
