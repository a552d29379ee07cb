import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'sessions' })
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'integer', insert: false, update: false }) number: number;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId: string;
  @Column({ name: 'token_hash', type: 'bytea', select: false }) tokenHash: Buffer;
  @Column({ name: 'refresh_hash', type: 'bytea', select: false }) refreshHash: Buffer;
  @Column('text') surface: string;
  /** SHA-256 of the device's push token (a ZAP device logout matches it); null when none was given. */
  @Column({ name: 'device_token_hash', type: 'bytea', nullable: true, select: false }) deviceTokenHash: Buffer | null;
  @Column({ name: 'device_name', type: 'text', nullable: true }) deviceName: string | null;
  @Column({ type: 'text', nullable: true }) ip: string | null;
  @Column({ name: 'user_agent', type: 'text', nullable: true }) userAgent: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false }) createdAt: Date;
  @Column({ name: 'last_seen_at', type: 'timestamptz' }) lastSeenAt: Date;
  @Column({ name: 'access_expires_at', type: 'timestamptz' }) accessExpiresAt: Date;
  @Column({ name: 'idle_expires_at', type: 'timestamptz' }) idleExpiresAt: Date;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @Column({ name: 'revoked_by', type: 'uuid', nullable: true }) revokedBy: string | null;
  @Column({ name: 'revoke_reason', type: 'text', nullable: true }) revokeReason: string | null;
  @Column({ name: 'revoked_surface', type: 'text', nullable: true }) revokedSurface: string | null;
  /** The API key whose private key signed this session in (revoking the key ends it); null for a login. */
  @Column({ name: 'signed_in_by_key', type: 'uuid', nullable: true }) signedInByKey: string | null;
}
