import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SigV4 signatures already accepted, so that a request captured on the wire (the Chime surface is
 * often reached over plain HTTP) cannot be replayed while its x-amz-date is inside the skew window.
 * One row per accepted signature (its SHA-256) until the window closes; shared by every instance.
 */
export class SigV4SeenSignatures1700000001500 implements MigrationInterface {
  name = 'SigV4SeenSignatures1700000001500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sigv4_seen_signatures (
        signature_hash bytea NOT NULL,
        expires_at timestamptz NOT NULL,
        CONSTRAINT pk_sigv4_seen_signatures PRIMARY KEY (signature_hash)
      )`);
    // The purge deletes the expired rows by range, without reading the live ones.
    await q.query(`CREATE INDEX ix_sigv4_seen_signatures_expires ON sigv4_seen_signatures (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS sigv4_seen_signatures`);
  }
}
