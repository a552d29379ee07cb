import { Injectable, OnModuleInit } from '@nestjs/common';
import { hostname } from 'node:os';
import { SecretsKeyService } from '../api-keys/secrets-key.service.js';
import { streamDestinationKind } from '../audit/audit-stream-cache.service.js';
import { AUDIT_COLUMNS, AuditRow, mapAuditRow } from '../audit/audit-query.service.js';
import { AppConfigService } from '../config/app-config.service.js';
import { PreparedStatement } from '../database/prepared-query.js';
import { DeliveryRegistry } from '../delivery/delivery-registry.service.js';
import { DeliveryContext, DeliveryKind, DeliveryResult, OutboxRow } from '../delivery/delivery.types.js';
import { postGuarded } from '../delivery/safe-http.js';
import { PERMISSIONS, userPermissionsSql } from '../permissions/permissions.js';
import { ReceiverConfig } from '../receivers/receiver-config.service.js';
import {
  hmacSignature,
  ndjsonBody,
  octetCountedFrame,
  SIGNATURE_HEADER,
  splunkBody,
  STREAM_HEADER,
  StreamedAuditEvent,
  syslogMessage,
  TIMESTAMP_HEADER,
} from './audit-stream-formats.js';
import { StreamSecrets, StreamSettings } from './audit-stream-config.js';
import { StreamKind, STREAM_KINDS } from './dto/audit-stream.dto.js';
import { parseSyslogEndpoint, sendSyslog } from './syslog-transport.js';

/** Events per batch (one POST, or one syslog connection). */
export const STREAM_BATCH = 500;

interface Target {
  account_id: string;
  kind: StreamKind;
  status: 'enabled' | 'paused';
  endpoint: string;
  settings: StreamSettings;
  secret: Buffer | null;
  /** Whoever last configured the stream still holds what it needs (active, audit.read and audit.stream, or the system admin). */
  allowed: boolean;
}

const perms = userPermissionsSql('s.configured_by');

// Run for every batch, on the dispatcher's connections: prepared, parsed and planned once per connection.
const TARGET: PreparedStatement = {
  name: 'audit-streams.target',
  text: `
  SELECT s.account_id, s.kind, s.status, s.endpoint, s.settings, s.secret,
         (EXISTS (SELECT 1 FROM users c WHERE c.id = s.configured_by AND c.status = 'active')
          AND ('${PERMISSIONS.accountsManage}' IN (${perms})
               OR ('${PERMISSIONS.auditRead}' IN (${perms}) AND '${PERMISSIONS.auditStream}' IN (${perms})))) AS allowed
    FROM audit_streams s WHERE s.id = $1`,
};

const EVENT_COLUMNS = `${AUDIT_COLUMNS}, chain_stripe, chain_seq::text AS chain_seq, encode(prev_hash, 'hex') AS prev_hash, encode(hash, 'hex') AS hash`;

/** The rows' events by the trail's key, (occurred_at, id), which each row's payload notes: one index probe per event. */
const EVENTS_BY_KEY: PreparedStatement = {
  name: 'audit-streams.events-by-key',
  text: `
  SELECT ${EVENT_COLUMNS}
    FROM audit_events WHERE (occurred_at, id) IN (SELECT * FROM unnest($1::timestamptz[], $2::bigint[])) AND account_id = $3`,
};

/**
 * Events by id alone (a row written without its event's occurredAt): nothing indexes the id alone,
 * so this reads the account's trail; planned for its values each time (a plan made for no particular
 * ids may scan more).
 */
const EVENTS_BY_ID = `SELECT ${EVENT_COLUMNS} FROM audit_events WHERE id = ANY($1::bigint[]) AND account_id = $2`;

const DELIVERED: PreparedStatement = {
  name: 'audit-streams.delivered',
  text: `UPDATE audit_streams SET last_delivered_at = clock_timestamp(), last_delivered_event_id = $2 WHERE id = $1`,
};

type EventRow = AuditRow & { chain_stripe: number | null; chain_seq: string; prev_hash: string; hash: string };

/** An event as the trail holds it: the API's view of it and its link in its hash chain. */
export function streamedEvent(r: EventRow): StreamedAuditEvent {
  const view = mapAuditRow(r);
  return {
    ...view,
    occurredAt: view.occurredAt.toISOString(),
    chain: { stripe: r.chain_stripe, seq: r.chain_seq, prevHash: r.prev_hash, hash: r.hash },
  } as StreamedAuditEvent;
}

/**
 * The SIEM streams' destination kinds (audit_http, audit_splunk, audit_syslog), batched: each call
 * reads its rows' events from the trail (so they go out exactly as stored, in the order written),
 * formats them for the stream and sends them in one request or connection. A paused stream, or one
 * whose configurer no longer holds audit.read and audit.stream, holds its events; a deleted one drops
 * them. The stream row records the last delivery and the last error, for its status. A stream's oldest
 * unsent event waits AUDIT_STREAM_LINGER_MS before it is sent (DeliveryKind.lingerMs), so a busy stream
 * sends a few large batches a second rather than a small one per commit.
 */
@Injectable()
export class AuditStreamDeliveryKinds implements OnModuleInit {
  private readonly host = hostname();

  constructor(
    private readonly registry: DeliveryRegistry,
    private readonly secrets: SecretsKeyService,
    private readonly config: ReceiverConfig,
    private readonly appConfig: AppConfigService,
  ) {}

  onModuleInit(): void {
    for (const kind of STREAM_KINDS) {
      const delivery: DeliveryKind = {
        kind: streamDestinationKind(kind),
        maxBatch: STREAM_BATCH,
        lingerMs: this.appConfig.get('AUDIT_STREAM_LINGER_MS'),
        deliver: (row, context) => this.deliverBatch([row], context),
        deliverBatch: (rows, context) => this.deliverBatch(rows, context),
      };
      this.registry.register(delivery);
    }
  }

  /** On the dispatcher's connection, in the delivery's transaction. */
  async deliverBatch(rows: OutboxRow[], context: DeliveryContext): Promise<DeliveryResult> {
    const query = <T>(statement: string | PreparedStatement, values: unknown[]): Promise<T[]> => context.query<T>(statement, values);
    const streamId = rows[0].destinationId;
    const [target] = await query<Target>(TARGET, [streamId]);
    if (!target) return { outcome: 'dead', error: 'the stream was deleted' };
    if (target.status === 'paused') return { outcome: 'hold' };
    if (!target.allowed) {
      await this.noteError(query, streamId, 'held: whoever configured the stream no longer holds audit.read and audit.stream; saving it again sends the backlog');
      return { outcome: 'hold' };
    }
    const ids = rows.map((r) => r.auditEventId).filter((id): id is string => id !== null);
    const byId = await this.events(query, rows, target.account_id);
    // In the rows' order (the order written); an event the retention job already dropped is not sent.
    const events = ids.flatMap((id) => (byId.has(id) ? [streamedEvent(byId.get(id) as EventRow)] : []));
    if (events.length === 0) return { outcome: 'delivered' };
    const secrets = target.secret ? (JSON.parse(this.secrets.decrypt(target.secret)) as StreamSecrets) : {};
    let result: DeliveryResult;
    try {
      result = await this.send(streamId, target, secrets, events);
    } catch (error) {
      result = { outcome: 'retry', error: (error as Error).message || String(error) };
    }
    if (result.outcome === 'delivered') {
      await query(DELIVERED, [streamId, events[events.length - 1].id]);
    } else if (result.outcome !== 'hold') await this.noteError(query, streamId, result.error);
    return result;
  }

  /** The rows' events, by key where the row notes its event's occurredAt, else by id. */
  private async events(
    query: <T>(statement: string | PreparedStatement, values: unknown[]) => Promise<T[]>,
    rows: OutboxRow[],
    accountId: string,
  ): Promise<Map<string, EventRow>> {
    const keyed = rows.filter((r) => r.auditEventId !== null && typeof r.payload.occurredAt === 'string');
    const found = keyed.length === 0 ? [] : await query<EventRow>(EVENTS_BY_KEY, [keyed.map((r) => r.payload.occurredAt), keyed.map((r) => r.auditEventId), accountId]);
    const byId = new Map(found.map((r) => [String(r.id), r]));
    // Rows without the key, or whose key did not find the event: looked up by id.
    const rest = rows.flatMap((r) => (r.auditEventId !== null && !byId.has(r.auditEventId) ? [r.auditEventId] : []));
    if (rest.length > 0) for (const r of await query<EventRow>(EVENTS_BY_ID, [rest, accountId])) byId.set(String(r.id), r);
    return byId;
  }

  private async send(streamId: string, target: Target, secrets: StreamSecrets, events: StreamedAuditEvent[]): Promise<DeliveryResult> {
    const policy = this.config.urlPolicy;
    const timeoutMs = this.config.timeoutMs;
    if (target.kind === 'syslog') {
      const { host, port } = parseSyslogEndpoint(target.endpoint);
      const s = target.settings;
      const frames = events.map((e) => octetCountedFrame(syslogMessage(e, { facility: s.syslogFacility ?? 13, hostname: this.host, appName: 'session-service' })));
      await sendSyslog({ host, port, tls: s.syslogTls ?? true, ca: s.syslogCa, cert: s.syslogClientCert, key: secrets.syslogClientKey }, frames, timeoutMs, policy);
      return { outcome: 'delivered' };
    }
    let body: string;
    let headers: Record<string, string>;
    if (target.kind === 'http') {
      body = ndjsonBody(events);
      const timestamp = Math.floor(Date.now() / 1000);
      headers = {
        'content-type': 'application/x-ndjson',
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: hmacSignature(secrets.hmacKey ?? '', timestamp, body),
        [STREAM_HEADER]: streamId,
      };
    } else {
      const s = target.settings;
      body = splunkBody(events, { host: this.host, source: s.splunkSource ?? 'session-service', sourcetype: s.splunkSourcetype ?? '_json', index: s.splunkIndex });
      headers = { 'content-type': 'application/json', authorization: `Splunk ${secrets.splunkToken ?? ''}` };
    }
    const res = await postGuarded(target.endpoint, headers, body, timeoutMs, policy);
    if (res.status >= 200 && res.status < 300) return { outcome: 'delivered' };
    // Any refusal is retried until DELIVERY_MAX_AGE_SECONDS: a fixed token or index lets the backlog through.
    return { outcome: 'retry', error: `HTTP ${res.status} ${res.body}`.trim() };
  }

  private async noteError(query: (statement: string, values: unknown[]) => Promise<unknown[]>, streamId: string, error: string): Promise<void> {
    await query(`UPDATE audit_streams SET last_error = $2, last_error_at = clock_timestamp() WHERE id = $1`, [streamId, error.slice(0, 500)]);
  }
}
