import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { systemActor } from '../common/actor.js';
import { RequestContext } from '../common/request-context.js';
import { AppConfigService } from '../config/app-config.service.js';

/** Most sessions one sweep transaction records; a run repeats while batches come back full. */
const BATCH = 500;
const MAX_BATCHES_PER_RUN = 20;

/**
 * Claims a batch of sessions that reached their idle or absolute expiry unrecorded (the partial index
 * ix_sessions_expiry_unrecorded holds exactly those), marks them recorded, and returns the ones that
 * were live until then (not ended by a watermark or a disabled user), grouped by user and by which
 * expiry it was. SKIP LOCKED: instances sweeping at once take different rows; every row is recorded once.
 * `revoked_at` stays NULL: an expired session is counted out of its user's live count by its expiry.
 */
const CLAIM = `
  WITH due AS (
    SELECT s.id FROM sessions s
     WHERE s.revoked_at IS NULL AND s.expiry_recorded_at IS NULL AND least(s.idle_expires_at, s.expires_at) <= now()
     ORDER BY least(s.idle_expires_at, s.expires_at) LIMIT $1 FOR UPDATE OF s SKIP LOCKED),
  marked AS (
    UPDATE sessions s SET expiry_recorded_at = now() FROM due WHERE s.id = due.id
    RETURNING s.id, s.user_id, s.account_id, s.created_at, s.idle_expires_at, s.expires_at)
  SELECT m.id::text AS id, m.user_id AS "userId", m.account_id AS "accountId", (m.idle_expires_at < m.expires_at) AS idle,
         least(m.idle_expires_at, m.expires_at) AS "expiredAt",
         (u.status = 'active'
          AND (u.sessions_valid_after IS NULL OR m.created_at > u.sessions_valid_after OR m.id = u.sessions_keep_id)
          AND (a.sessions_valid_after IS NULL OR m.created_at > a.sessions_valid_after OR m.id = a.sessions_keep_id)) AS live
    FROM marked m JOIN users u ON u.id = m.user_id JOIN accounts a ON a.id = m.account_id
   ORDER BY m.user_id, m.id`;

interface ExpiredRow {
  id: string;
  userId: string;
  accountId: string;
  idle: boolean;
  expiredAt: Date;
  live: boolean;
}

/**
 * Idle and absolute expiry are policy logouts, made visible in the audit trail by a periodic sweep
 * (SESSION_EXPIRY_SWEEP_INTERVAL_MS), never by per-session timers and never on the validation path:
 * validation already refuses an expired token by its expiry times alone. One `session.policy_logout`
 * event per user and kind of expiry per batch, by the actor `policy`.
 */
@Injectable()
export class SessionExpirySweepService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SessionExpirySweepService.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfigService,
  ) {}

  onApplicationBootstrap(): void {
    const interval = this.config.get('SESSION_EXPIRY_SWEEP_INTERVAL_MS');
    if (interval > 0) this.timer = setInterval(() => void this.sweep().catch((e: Error) => this.logger.warn({ err: e.message }, 'expiry sweep failed')), interval).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => 0);
  }

  /** Records what expired since the last run; the number of sessions recorded. One run at a time per instance. */
  sweep(): Promise<number> {
    if (!this.running) this.running = this.run().finally(() => (this.running = null));
    return this.running;
  }

  private async run(): Promise<number> {
    let recorded = 0;
    for (let i = 0; i < MAX_BATCHES_PER_RUN; i++) {
      const claimed = await this.dataSource.transaction(async (manager) => {
        const rows: ExpiredRow[] = await manager.query(CLAIM, [BATCH]);
        const groups = new Map<string, ExpiredRow[]>();
        for (const row of rows.filter((r) => r.live)) {
          const key = `${row.userId}:${row.idle}`;
          groups.set(key, [...(groups.get(key) ?? []), row]);
        }
        const context: RequestContext = { requestId: `expiry-sweep-${randomUUID()}`, ip: null, userAgent: null, surface: 'system' };
        for (const group of groups.values()) {
          const { userId, accountId, idle } = group[0];
          await this.audit.record(manager, {
            action: 'session.policy_logout',
            accountId,
            actor: systemActor(accountId, context, 'policy'),
            context,
            targetUserId: userId,
            sessionIds: group.map((r) => r.id),
            sessionCount: group.length,
            reason: idle ? 'idle timeout' : 'absolute lifetime',
            details: { scope: 'session', expiredAt: new Date(Math.max(...group.map((r) => new Date(r.expiredAt).getTime()))) },
          });
          recorded += group.length;
        }
        return rows.length;
      });
      if (claimed < BATCH) break;
    }
    return recorded;
  }
}
