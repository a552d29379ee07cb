import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sha256 } from '../common/crypto.js';
import { AppConfigService } from '../config/app-config.service.js';
import { preparedQuery } from '../database/prepared-query.js';

/**
 * How long past the end of its window a signature stays recorded: instances' clocks differ from the
 * database's and from each other, and an instance whose clock is behind accepts a signature for that
 * much longer.
 */
const CLOCK_MARGIN_MS = 5 * 60_000;
/** Expired rows are deleted by each instance at most this often, by the claim that comes due. */
const PURGE_EVERY_MS = 60_000;

const CLAIM = {
  name: 'sigv4_claim_signature',
  text: `INSERT INTO sigv4_seen_signatures (signature_hash, expires_at) VALUES ($1, $2) ON CONFLICT (signature_hash) DO NOTHING RETURNING true AS claimed`,
};
const PURGE = { name: 'sigv4_purge_signatures', text: `DELETE FROM sigv4_seen_signatures WHERE expires_at < now()` };

/**
 * Refuses a request signature seen before (CHIME_REPLAY_PROTECTION): SigV4 lets a captured request be
 * sent again byte for byte while its date is inside the skew window. The record is in Postgres (a
 * primary key on the signature's SHA-256), so a replay is refused by every instance, not only by the one
 * that saw the original.
 */
@Injectable()
export class SignatureReplayService {
  private readonly logger = new Logger(SignatureReplayService.name);
  readonly enabled: boolean;
  private purgeDueAt = 0;

  constructor(
    private readonly dataSource: DataSource,
    config: AppConfigService,
  ) {
    this.enabled = config.get('CHIME_REPLAY_PROTECTION');
  }

  /**
   * Records a verified signature that its verifier accepts until `acceptedUntil`; false when it was
   * already recorded (a replay). Always true while the protection is off.
   */
  async claim(signature: string, acceptedUntil: Date): Promise<boolean> {
    if (!this.enabled) return true;
    const rows = await preparedQuery<{ claimed: boolean }>(this.dataSource, CLAIM, [sha256(signature), new Date(acceptedUntil.getTime() + CLOCK_MARGIN_MS)]);
    this.purgeWhenDue();
    return rows.length === 1;
  }

  /** Deletes what can no longer be replayed (its signature would be refused as stale), off the request path. */
  private purgeWhenDue(): void {
    const now = Date.now();
    if (now < this.purgeDueAt) return;
    this.purgeDueAt = now + PURGE_EVERY_MS;
    preparedQuery(this.dataSource, PURGE, []).catch((error: Error) => this.logger.warn({ err: { message: error.message } }, 'purging expired SigV4 signatures failed'));
  }
}
