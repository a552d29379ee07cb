import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { SecretsKeyService } from '../api-keys/secrets-key.service.js';
import { AuditStreamCache } from '../audit/audit-stream-cache.service.js';
import { AuditService } from '../audit/audit.service.js';
import { Actor } from '../common/actor.js';
import { notFound } from '../common/error-codes.js';
import { TransactionService } from '../common/transaction.service.js';
import { OutboxService } from '../delivery/outbox.service.js';
import { PERMISSIONS } from '../permissions/permissions.js';
import { PermissionsService } from '../permissions/permissions.service.js';
import { ReceiverConfig } from '../receivers/receiver-config.service.js';
import { assertKindFields, checkStreamConfig, StreamSecrets, StreamSettings } from './audit-stream-config.js';
import { AuditStreamDto, AuditStreamStatusDto, CreateAuditStreamDto, StreamKind, UpdateAuditStreamDto } from './dto/audit-stream.dto.js';

export interface AuditStreamRow {
  id: string;
  account_id: string;
  name: string;
  kind: StreamKind;
  status: 'enabled' | 'paused';
  actions: string[];
  endpoint: string;
  settings: StreamSettings;
  secret: Buffer | null;
  configured_by: string | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, account_id, name, kind, status, actions, endpoint, settings, secret, configured_by, created_at, updated_at';

/** Never the secret, nor the certificates (long, and the caller gave them). */
export function mapAuditStream(r: AuditStreamRow): AuditStreamDto {
  const s = r.settings;
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    status: r.status,
    actions: r.actions,
    url: r.kind === 'syslog' ? null : r.endpoint,
    syslogAddress: r.kind === 'syslog' ? r.endpoint : null,
    splunkIndex: s.splunkIndex ?? null,
    splunkSource: s.splunkSource ?? null,
    splunkSourcetype: s.splunkSourcetype ?? null,
    syslogTls: r.kind === 'syslog' ? (s.syslogTls ?? true) : null,
    syslogFacility: r.kind === 'syslog' ? (s.syslogFacility ?? null) : null,
    configuredBy: r.configured_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The permissions a stream needs of whoever configures it: it reads the whole trail for them. */
const STREAM_PERMISSIONS = [PERMISSIONS.auditStream, PERMISSIONS.auditRead];

/**
 * An account's audit streams to its SIEM. Managing one takes audit.stream and audit.read (a stream
 * reads the trail on its configurer's behalf: no one lends more than they hold); every change is
 * audited and announced to every instance's stream cache at its commit.
 */
@Injectable()
export class AuditStreamsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly permissions: PermissionsService,
    private readonly audit: AuditService,
    private readonly cache: AuditStreamCache,
    private readonly secrets: SecretsKeyService,
    private readonly outbox: OutboxService,
    private readonly receivers: ReceiverConfig,
  ) {}

  async create(actor: Actor, dto: CreateAuditStreamDto): Promise<AuditStreamDto> {
    await this.permissions.requireAll(actor, STREAM_PERMISSIONS, 'audit-stream:create');
    const { kind, name, actions, paused, ...rest } = dto;
    assertKindFields(kind, rest);
    const config = await checkStreamConfig(kind, rest, this.receivers.urlPolicy);
    const row = await this.tx.run(async (manager) => {
      const [created]: AuditStreamRow[] = await manager.query(
        `INSERT INTO audit_streams (account_id, name, kind, status, actions, endpoint, settings, secret, configured_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
        [actor.accountId, name, kind, paused ? 'paused' : 'enabled', unique(actions), config.endpoint, config.settings, this.seal(config.secrets), actor.userId],
      );
      await this.cache.announce(manager, actor.accountId);
      await this.audit.record(manager, {
        action: 'audit_stream.created',
        accountId: actor.accountId,
        actor,
        context: actor.context,
        details: { streamId: created.id, kind, name, actions: created.actions, endpointHost: hostOf(created) },
      });
      return created;
    });
    this.cache.changed(actor.accountId);
    return mapAuditStream(row);
  }

  async list(actor: Actor): Promise<AuditStreamDto[]> {
    await this.permissions.requireAll(actor, STREAM_PERMISSIONS, 'audit-stream:list');
    const rows: AuditStreamRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM audit_streams WHERE account_id = $1 ORDER BY created_at, id`, [actor.accountId]);
    return rows.map(mapAuditStream);
  }

  async get(actor: Actor, id: string): Promise<AuditStreamDto> {
    await this.permissions.requireAll(actor, STREAM_PERMISSIONS, 'audit-stream:get');
    return mapAuditStream(await this.find(this.dataSource.manager, actor, id));
  }

  async update(actor: Actor, id: string, dto: UpdateAuditStreamDto): Promise<AuditStreamDto> {
    await this.permissions.requireAll(actor, STREAM_PERMISSIONS, 'audit-stream:update');
    const current = await this.find(this.dataSource.manager, actor, id);
    const { name, actions, paused, ...rest } = defined(dto);
    assertKindFields(current.kind, rest);
    const stored = { ...current.settings, ...(current.secret ? (JSON.parse(this.secrets.decrypt(current.secret)) as StreamSecrets) : {}) };
    const address = current.kind === 'syslog' ? { syslogAddress: current.endpoint } : { url: current.endpoint };
    const config = await checkStreamConfig(current.kind, { ...address, ...stored, ...rest }, this.receivers.urlPolicy);
    const status = paused === undefined ? current.status : paused ? 'paused' : 'enabled';
    const row = await this.tx.run(async (manager) => {
      const [updated]: AuditStreamRow[] = await manager.query(
        // In a CTE: TypeORM answers a bare UPDATE … RETURNING with [rows, count].
        `WITH u AS (UPDATE audit_streams SET name = $3, status = $4, actions = $5, endpoint = $6, settings = $7, secret = $8, configured_by = $9, updated_at = clock_timestamp()
          WHERE id = $1 AND account_id = $2 RETURNING ${COLUMNS}) SELECT * FROM u`,
        [id, actor.accountId, name ?? current.name, status, actions === undefined ? current.actions : unique(actions), config.endpoint, config.settings, this.seal(config.secrets), actor.userId],
      );
      if (!updated) throw notFound('Audit stream');
      await this.cache.announce(manager, actor.accountId);
      await this.audit.record(manager, {
        action: 'audit_stream.updated',
        accountId: actor.accountId,
        actor,
        context: actor.context,
        // Which fields changed, never their values (secrets among them).
        details: { streamId: id, kind: current.kind, changed: Object.keys(defined(dto)).sort(), status, actions: updated.actions, endpointHost: hostOf(updated) },
      });
      return updated;
    });
    this.cache.changed(actor.accountId);
    // Saved by someone who holds the permissions: a backlog held for want of them goes now.
    if (row.status === 'enabled') this.outbox.wake();
    return mapAuditStream(row);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.permissions.requireAll(actor, STREAM_PERMISSIONS, 'audit-stream:delete');
    await this.find(this.dataSource.manager, actor, id);
    await this.tx.run(async (manager) => {
      // The outbox rows first, then the stream: the order a delivery takes them in (it holds its rows
      // and then records its outcome on the stream), so the two never wait on each other in a cycle.
      const dropped = await this.outbox.dropPending(manager, id, 'the stream was deleted');
      const rows: { kind: string }[] = await manager.query(`WITH d AS (DELETE FROM audit_streams WHERE id = $1 AND account_id = $2 RETURNING kind) SELECT kind FROM d`, [id, actor.accountId]);
      if (!rows[0]) throw notFound('Audit stream');
      await this.cache.announce(manager, actor.accountId);
      await this.audit.record(manager, {
        action: 'audit_stream.deleted',
        accountId: actor.accountId,
        actor,
        context: actor.context,
        details: { streamId: id, kind: rows[0].kind, droppedEvents: dropped },
      });
    });
    this.cache.changed(actor.accountId);
  }

  async status(actor: Actor, id: string): Promise<AuditStreamStatusDto> {
    await this.permissions.requireAll(actor, STREAM_PERMISSIONS, 'audit-stream:status');
    const rows: AuditStreamStatusDto[] = await this.dataSource.query(
      `SELECT s.id, s.status,
              (SELECT count(*)::int FROM outbox o WHERE o.destination_id = s.id AND o.status = 'pending') AS pending,
              (SELECT count(*)::int FROM outbox o WHERE o.destination_id = s.id AND o.status = 'dead') AS failed,
              (SELECT o.created_at FROM outbox o WHERE o.destination_id = s.id AND o.status = 'pending' ORDER BY o.id LIMIT 1) AS "oldestPendingAt",
              s.last_delivered_at AS "lastDeliveredAt", s.last_delivered_event_id::text AS "lastDeliveredEventId",
              s.last_error AS "lastError", s.last_error_at AS "lastErrorAt"
         FROM audit_streams s WHERE s.id = $1 AND s.account_id = $2`,
      [id, actor.accountId],
    );
    if (!rows[0]) throw notFound('Audit stream');
    return rows[0];
  }

  private async find(manager: EntityManager, actor: Actor, id: string): Promise<AuditStreamRow> {
    // Another account's stream is answered exactly like one that does not exist.
    const rows: AuditStreamRow[] = await manager.query(`SELECT ${COLUMNS} FROM audit_streams WHERE id = $1 AND account_id = $2`, [id, actor.accountId]);
    if (!rows[0]) throw notFound('Audit stream');
    return rows[0];
  }

  private seal(secrets: StreamSecrets): Buffer | null {
    return Object.keys(secrets).length === 0 ? null : this.secrets.encrypt(JSON.stringify(secrets));
  }
}

/** The fields a body gave (the validation pipe leaves the others undefined). */
const defined = <T extends object>(dto: T): Partial<T> => Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)) as Partial<T>;

const unique = (actions: string[] | undefined) => [...new Set(actions ?? [])].sort();

function hostOf(row: AuditStreamRow): string {
  return row.kind === 'syslog' ? row.endpoint : new URL(row.endpoint).host;
}
