import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { createHash, randomUUID } from 'node:crypto';
import { accessSync, constants as fsConstants, mkdirSync } from 'node:fs';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../common/actor.js';
import { notFound } from '../common/error-codes.js';
import { AppConfigService } from '../config/app-config.service.js';
import { DeliveryRegistry } from '../delivery/delivery-registry.service.js';
import { DeliveryResult, OutboxRow } from '../delivery/delivery.types.js';
import { OutboxService } from '../delivery/outbox.service.js';
import { parseReceiverUrl, postGuarded, UrlPolicy } from '../delivery/safe-http.js';
import { PERMISSIONS } from '../permissions/permissions.js';
import { PermissionsService } from '../permissions/permissions.service.js';
import { SigningKeysService } from '../signing/signing-keys.service.js';
import { AuditQueryService } from './audit-query.service.js';
import { NO_ACCOUNT_KEY, STRIPE_SQL } from './chain-verify.js';
import { CHECKPOINT_TYP, CheckpointClaims, checkpointPayload, writeCheckpointFile } from './checkpoint-claims.js';
import { AuditCheckpointDto, AuditCheckpointListDto, CreateAuditCheckpointsDto } from './dto/audit-checkpoint.dto.js';

/** The outbox destination kind of the HTTP sink. */
export const CHECKPOINT_DELIVERY_KIND = 'audit_checkpoint';
export const CHECKPOINT_JOB = 'audit-checkpoints';
/** Chains checkpointed per transaction of the job (a backlog of many accounts takes several ticks). */
const JOB_BATCH = 200;

type Trigger = AuditCheckpointDto['trigger'];

interface CheckpointRow {
  id: string;
  chain_key: string;
  stripe: number;
  last_event_id: string;
  last_seq: string;
  head_hash: Buffer;
  event_count: string;
  trigger: Trigger;
  jws: string;
  created_at: Date;
}

const CHECKPOINT_COLUMNS = `id, chain_key, stripe, last_event_id::text AS last_event_id, last_seq::text AS last_seq, head_hash,
  event_count::text AS event_count, trigger, jws, created_at`;

const accountOf = (chainKey: string) => (chainKey === NO_ACCOUNT_KEY ? null : chainKey);

/** The outbox destination of an HTTP sink: a UUID named by its URL, so a changed URL is another destination. */
export function sinkDestinationId(url: string): string {
  const h = createHash('sha256').update(`audit-checkpoint-sink:${url}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/**
 * Signed checkpoints of the audit chains, written outside the database: to the directory sink (a
 * file per checkpoint, before the transaction that records it commits) and to the HTTP sink (an
 * outbox row in that transaction, delivered by the dispatcher with its retries). Made by the job for
 * every chain that moved AUDIT_CHECKPOINT_EVERY_EVENTS events or AUDIT_CHECKPOINT_INTERVAL_SECONDS
 * since its last checkpoint, and on demand. A chain that has not moved gets no new checkpoint.
 */
@Injectable()
export class AuditCheckpointService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(AuditCheckpointService.name);
  private readonly dir: string | undefined;
  private readonly url: string | undefined;
  private running = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfigService,
    private readonly permissions: PermissionsService,
    private readonly query: AuditQueryService,
    private readonly signing: SigningKeysService,
    private readonly outbox: OutboxService,
    private readonly registry: DeliveryRegistry,
    private readonly scheduler: SchedulerRegistry,
  ) {
    this.dir = config.get('AUDIT_CHECKPOINT_DIR');
    this.url = config.get('AUDIT_CHECKPOINT_URL');
    // A sink URL of the wrong form stops the start; its addresses are checked at every delivery.
    if (this.url) parseReceiverUrl(this.url, this.urlPolicy);
  }

  private get urlPolicy(): UrlPolicy {
    return { allowInsecure: this.config.get('RECEIVERS_ALLOW_INSECURE'), allowPrivate: this.config.get('RECEIVERS_ALLOW_PRIVATE') };
  }

  onModuleInit(): void {
    // A directory sink that cannot be written would fail every checkpoint: refuse to start instead.
    if (this.dir) {
      try {
        mkdirSync(this.dir, { recursive: true });
        accessSync(this.dir, fsConstants.W_OK);
      } catch (error) {
        throw new Error(`AUDIT_CHECKPOINT_DIR ${this.dir} is not a writable directory: ${(error as Error).message}`);
      }
    }
    this.registry.register({ kind: CHECKPOINT_DELIVERY_KIND, deliver: (row) => this.deliver(row) });
  }

  onApplicationBootstrap(): void {
    if (this.config.get('AUDIT_CHECKPOINT_EVERY_EVENTS') === 0 && this.config.get('AUDIT_CHECKPOINT_INTERVAL_SECONDS') === 0) return;
    const timer = setInterval(() => void this.scheduledRun(), this.config.get('AUDIT_CHECKPOINT_CHECK_MS'));
    timer.unref();
    // The registry clears it when the app shuts down.
    this.scheduler.addInterval(CHECKPOINT_JOB, timer);
  }

  /** The newest checkpoint of each of the account's chains, made now for those that moved since theirs. */
  async create(actor: Actor, body: CreateAuditCheckpointsDto): Promise<AuditCheckpointListDto> {
    // Whoever may read and verify a chain may have its state signed: the checkpoint tells no more than verify does.
    const { accountId } = await this.query.where(actor, { accountId: body.accountId }, 'audit:checkpoint');
    const chainKey = accountId ?? NO_ACCOUNT_KEY;
    const rows = await this.dataSource.transaction(async (m) => {
      const heads: { chain_key: string; stripe: number }[] = await m.query(
        `SELECT chain_key, stripe FROM audit_chain_heads WHERE chain_key = $1 AND last_seq > 0 ORDER BY stripe`,
        [chainKey],
      );
      return this.checkpoint(m, heads, 'on_demand');
    });
    this.outbox.wake();
    return { items: await Promise.all(rows.map((r) => this.map(r))) };
  }

  async get(actor: Actor, id: string): Promise<AuditCheckpointDto> {
    await this.permissions.require(actor, PERMISSIONS.auditRead, 'audit:read');
    const rows: CheckpointRow[] = await this.dataSource.query(`SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoints WHERE id = $1`, [id]);
    if (!rows[0]) throw notFound('Audit checkpoint');
    await this.permissions.requireAccount(actor, rows[0].chain_key, 'Audit checkpoint', 'audit:read');
    return this.map(rows[0]);
  }

  /** One pass of the job: the chains due a checkpoint (one instance at a time: the others skip the pass). */
  async scheduledRun(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      const made = await this.dataSource.transaction(async (m) => {
        const [{ locked }] = await m.query(`SELECT pg_try_advisory_xact_lock(hashtext('audit_checkpoints.job')) AS locked`);
        if (!locked) return 0;
        const every = this.config.get('AUDIT_CHECKPOINT_EVERY_EVENTS');
        const seconds = this.config.get('AUDIT_CHECKPOINT_INTERVAL_SECONDS');
        const due: { chain_key: string; stripe: number }[] = await m.query(
          `SELECT h.chain_key, h.stripe FROM audit_chain_heads h
             LEFT JOIN LATERAL (SELECT c.last_seq, c.created_at FROM audit_checkpoints c
                                 WHERE c.chain_key = h.chain_key AND c.stripe = h.stripe ORDER BY c.last_seq DESC LIMIT 1) c ON true
            WHERE h.last_seq > coalesce(c.last_seq, 0)
              AND (($1 > 0 AND h.last_seq - coalesce(c.last_seq, 0) >= $1)
                OR ($2 > 0 AND (c.created_at IS NULL OR c.created_at <= clock_timestamp() - make_interval(secs => $2))))
            ORDER BY h.chain_key, h.stripe LIMIT ${JOB_BATCH}`,
          [every, seconds],
        );
        return (await this.checkpoint(m, due, 'scheduled')).length;
      });
      if (made > 0) this.outbox.wake();
      return made;
    } catch (error) {
      this.logger.error({ err: (error as Error).message }, 'audit checkpoint job failed');
      return 0;
    } finally {
      this.running = false;
    }
  }

  /**
   * Checkpoints these chains in the caller's transaction: for each, its newest committed event is
   * signed (unless the chain's last checkpoint is there already), recorded, written to the directory
   * sink and queued for the HTTP sink. Returns the newest checkpoint of each chain.
   */
  private async checkpoint(m: EntityManager, chains: { chain_key: string; stripe: number }[], trigger: Trigger): Promise<CheckpointRow[]> {
    // Makers (the job, on-demand requests, other instances) take turns, so a chain's place is signed once.
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('audit_checkpoints'))`);
    const out: CheckpointRow[] = [];
    for (const { chain_key: chainKey, stripe } of chains) {
      const accountId = accountOf(chainKey);
      const chain = accountId === null ? 'account_id IS NULL' : 'account_id = $3';
      const params = accountId === null ? [] : [accountId];
      // The chain's newest committed event (the head row and the event commit together).
      const heads: { id: string; seq: string; hash: Buffer }[] = await m.query(
        `SELECT e.id::text AS id, e.chain_seq::text AS seq, e.hash FROM audit_chain_heads h
           JOIN audit_events e ON ${chain} AND ${STRIPE_SQL} = h.stripe AND e.chain_seq = h.last_seq
          WHERE h.chain_key = $1 AND h.stripe = $2`,
        [chainKey, stripe, ...params],
      );
      const head = heads[0];
      if (!head) continue;
      const previous: CheckpointRow[] = await m.query(
        `SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoints WHERE chain_key = $1 AND stripe = $2 ORDER BY last_seq DESC, created_at DESC LIMIT 1`,
        [chainKey, stripe],
      );
      if (previous[0] && previous[0].last_seq === head.seq) {
        out.push(previous[0]);
        continue;
      }
      const [{ count }] = await m.query(
        `SELECT count(*)::text AS count FROM audit_events e WHERE ${chain} AND ${STRIPE_SQL} = $1 AND e.chain_seq <= $2`,
        accountId === null ? [stripe, head.seq] : [stripe, head.seq, accountId],
      );
      const claims: CheckpointClaims = {
        id: randomUUID(),
        accountId,
        stripe,
        lastEventId: head.id,
        lastSeq: head.seq,
        headHash: head.hash.toString('hex'),
        eventCount: count,
        issuedAt: new Date(),
      };
      const jws = await this.signing.sign(checkpointPayload(claims), CHECKPOINT_TYP);
      const [row]: CheckpointRow[] = await m.query(
        `INSERT INTO audit_checkpoints (id, chain_key, stripe, last_event_id, last_seq, head_hash, event_count, trigger, jws, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${CHECKPOINT_COLUMNS}`,
        [claims.id, chainKey, stripe, claims.lastEventId, claims.lastSeq, head.hash, claims.eventCount, trigger, jws, claims.issuedAt],
      );
      // On disk before the commit: a checkpoint the database records is never missing from the directory.
      if (this.dir) await writeCheckpointFile(this.dir, claims, jws);
      if (this.url) {
        await this.outbox.enqueue(m, [
          { destinationKind: CHECKPOINT_DELIVERY_KIND, destinationId: sinkDestinationId(this.url), accountId, payload: { checkpointId: claims.id, ...sinkBody(claims, jws) } },
        ]);
      }
      out.push(row);
    }
    return out;
  }

  /** POSTs one checkpoint to the HTTP sink (the dispatcher retries anything but a 2xx, with back-off, until DELIVERY_MAX_AGE_SECONDS). */
  private async deliver(row: OutboxRow): Promise<DeliveryResult> {
    if (!this.url || sinkDestinationId(this.url) !== row.destinationId) {
      return { outcome: 'dead', error: 'the checkpoint sink URL (AUDIT_CHECKPOINT_URL) changed or was removed' };
    }
    const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': row.jti };
    const authorization = this.config.get('AUDIT_CHECKPOINT_AUTHORIZATION');
    if (authorization) headers.authorization = authorization;
    const { checkpointId: _id, ...body } = row.payload;
    const res = await postGuarded(this.url, headers, JSON.stringify(body), this.config.get('DELIVERY_TIMEOUT_MS'), this.urlPolicy);
    if (res.status >= 200 && res.status < 300) return { outcome: 'delivered' };
    return { outcome: 'retry', error: `HTTP ${res.status} ${res.body}`.trim() };
  }

  private async map(r: CheckpointRow): Promise<AuditCheckpointDto> {
    const deliveries = await this.dataSource.query(
      `SELECT destination_kind AS "destinationKind", destination_id AS "destinationId", jti,
              CASE status WHEN 'dead' THEN 'failed' ELSE status END AS status, attempts, last_error AS "lastError",
              last_attempt_at AS "lastAttemptAt", delivered_at AS "deliveredAt",
              CASE WHEN status = 'pending' THEN next_attempt_at END AS "nextAttemptAt"
         FROM outbox WHERE destination_kind = $1 AND payload->>'checkpointId' = $2 ORDER BY id`,
      [CHECKPOINT_DELIVERY_KIND, r.id],
    );
    return {
      id: r.id,
      accountId: accountOf(r.chain_key),
      chainStripe: Number(r.stripe),
      lastEventId: r.last_event_id,
      lastSeq: r.last_seq,
      headHash: r.head_hash.toString('hex'),
      eventCount: r.event_count,
      trigger: r.trigger,
      createdAt: r.created_at,
      jws: r.jws,
      deliveries,
    };
  }
}

/** What the HTTP sink receives: the claims in the clear, for reading, and the JWS that proves them. */
function sinkBody(c: CheckpointClaims, jws: string): Record<string, unknown> {
  return {
    id: c.id,
    accountId: c.accountId,
    chainStripe: c.stripe,
    lastEventId: c.lastEventId,
    lastSeq: c.lastSeq,
    headHash: c.headHash,
    eventCount: c.eventCount,
    issuedAt: c.issuedAt.toISOString(),
    jws,
  };
}
