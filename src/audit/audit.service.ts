import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { preparedQuery, PreparedStatement } from '../database/prepared-query.js';
import { Destination, eventOutboxSql, OutboxService } from '../delivery/outbox.service.js';
import { Actor } from '../common/actor.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { AuditStreamCache, StreamRef } from './audit-stream-cache.service.js';
import { AuditRecord, MAX_LISTED_SESSION_IDS, RecordedAuditEvent } from './audit.types.js';

const EVENT_COLUMNS = `action, outcome, account_id, actor_user_id, actor_session_id, actor_label, target_user_id,
  session_ids, session_count, surface, ip, user_agent, request_id, reason, ticket, dry_run, details`;
const EVENT_VALUE_COUNT = 17;

/**
 * `INSERT INTO audit_events (…) SELECT $first, …`: the one shape every audit row is written in. With a
 * source relation, the event is written only if the source yields its row: that is how one statement
 * writes an action and its event together (see SessionsService.issue).
 */
export function eventInsertSql(first: number, source?: string): string {
  const values = Array.from({ length: EVENT_VALUE_COUNT }, (_, i) => `$${first + i}`).join(', ');
  return `INSERT INTO audit_events (${EVENT_COLUMNS}) SELECT ${values}${source ? ` FROM ${source}` : ''}`;
}

/** Where session_ids and session_count sit among eventInsertSql's values. */
const SESSION_IDS_AT = 7;
/** How many values eventValuesWithoutSessions gives. */
export const EVENT_VALUES_WITHOUT_SESSIONS = EVENT_VALUE_COUNT - 2;

/**
 * eventInsertSql for an event whose session list and session count are SQL expressions over `source`
 * (what the same statement ended); its other values are parameters from `first`, in the order of
 * eventValuesWithoutSessions.
 */
export function eventInsertWithSessionsSql(first: number, source: string, sessionIds: string, sessionCount: string): string {
  let next = first;
  const values = Array.from({ length: EVENT_VALUE_COUNT }, (_, i) => (i === SESSION_IDS_AT ? sessionIds : i === SESSION_IDS_AT + 1 ? sessionCount : `$${next++}`)).join(', ');
  return `INSERT INTO audit_events (${EVENT_COLUMNS}) SELECT ${values} FROM ${source}`;
}

/** eventValues without the session list and count, for eventInsertWithSessionsSql. */
export function eventValuesWithoutSessions(event: AuditRecord): unknown[] {
  const values = eventValues(event);
  values.splice(SESSION_IDS_AT, 2);
  return values;
}

/** An event's values, in eventInsertSql's order. */
export function eventValues(event: AuditRecord): unknown[] {
  const actor = event.actor ?? null;
  const sessionIds = (event.sessionIds ?? []).slice(0, MAX_LISTED_SESSION_IDS);
  return [
    event.action,
    event.outcome ?? 'success',
    event.accountId,
    actor?.userId ?? null,
    actor?.sessionId ?? null,
    actor?.label ?? null,
    event.targetUserId ?? null,
    sessionIds,
    event.sessionCount ?? sessionIds.length,
    event.context.surface,
    event.context.ip,
    event.context.userAgent,
    event.context.requestId,
    event.reason ?? null,
    event.ticket ?? null,
    event.dryRun ?? false,
    JSON.stringify({ ...(event.details ?? {}), ...(actor && actor.kind !== 'user' ? { actorKind: actor.kind, credentialId: actor.credentialId } : {}) }),
  ];
}

/** Every other audit event goes through this statement: prepared once per connection. */
const INSERT_EVENT: PreparedStatement = { name: 'audit.insert-event', text: `${eventInsertSql(1)} RETURNING id, occurred_at` };

/** An event the account streams: the event, its outbox rows and their wake-up in one statement, one round trip. */
const INSERT_STREAMED_EVENT: PreparedStatement = {
  name: 'audit.insert-streamed-event',
  text: eventOutboxSql(`${eventInsertSql(1)} RETURNING id, account_id, occurred_at`, EVENT_VALUE_COUNT + 1),
};

/**
 * The outbox rows of an event this transaction wrote in a statement of its own (the login's): its
 * occurred_at is the transaction's now() (the column's default).
 */
const ENQUEUE_STREAMS: PreparedStatement = {
  name: 'audit.enqueue-streams',
  text: eventOutboxSql(`SELECT $1::bigint AS id, $2::uuid AS account_id, now() AS occurred_at`, 3),
};

/**
 * Writes audit events. `record` runs inside the caller's transaction, so an action and its event
 * commit or roll back together; the database chains each account's events (see the migration). An
 * event the account streams to a SIEM gets its outbox rows in that same transaction.
 */
@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly metrics: MetricsService,
    private readonly streams: AuditStreamCache,
    private readonly outbox: OutboxService,
  ) {}

  /** The account's audit streams that take this action (from the cache: usually no database work). */
  streamsFor(accountId: string | null, action: string): Promise<StreamRef[]> {
    return this.streams.streamsFor(accountId, action);
  }

  /**
   * For a caller's statement that writes the event itself with eventOutboxCte (a revocation's): the
   * three parameters of its streams' outbox rows, in its transaction; then `wrote` once it ran.
   */
  async outboxFor(manager: EntityManager, event: AuditRecord): Promise<{ values: unknown[]; destinations: Destination[] }> {
    const streams = await this.streams.streamsFor(event.accountId, event.action, manager);
    const destinations = streams.map((s) => ({ destinationKind: s.kind, destinationId: s.id }));
    return { values: this.outbox.eventOutboxValues(destinations), destinations };
  }

  /** After the statement `outboxFor` fed: its metric and the streams' wake-up; whether it is streamed. */
  wrote(event: AuditRecord, destinations: readonly Destination[]): { streamed: boolean } {
    this.metrics.audited(event);
    return { streamed: this.outbox.written(destinations) };
  }

  /**
   * One outbox row per stream for the event, in the event's transaction: it is streamed exactly when
   * it commits. True when this instance's dispatcher is to be woken after the commit (`streamed`).
   */
  async enqueueStreams(manager: EntityManager, streams: readonly StreamRef[], accountId: string | null, eventId: string): Promise<boolean> {
    if (streams.length === 0) return false;
    const destinations = streams.map((s) => ({ destinationKind: s.kind, destinationId: s.id }));
    await preparedQuery(manager, ENQUEUE_STREAMS, [eventId, accountId, ...this.outbox.eventOutboxValues(destinations)]);
    return this.outbox.written(destinations);
  }

  /** After the commit of events written for these streams: this instance's dispatcher looks now, unless they linger. */
  streamed(streams: readonly StreamRef[]): void {
    if (this.outbox.wakesNow(streams.map((s) => ({ destinationKind: s.kind })))) this.outbox.wake();
  }

  /**
   * Takes the transaction-scoped lock shared by the retention job and legal-hold changes: a hold set
   * while retention runs waits for it, and retention never reads a stale set of held accounts.
   */
  async lockRetention(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('audit_events.retention'))`);
  }

  /**
   * Sets or lifts an account's legal hold, with its audit event (`account.updated`), through the owner's
   * account_set_legal_hold(): the service's database role cannot change the hold any other way, nor
   * without the event. Null when there is no such account.
   */
  async recordLegalHold(manager: EntityManager, actor: Actor, accountId: string, legalHold: boolean): Promise<{ was: boolean } | null> {
    const extra = actor.kind !== 'user' ? { actorKind: actor.kind, credentialId: actor.credentialId } : {};
    const { context } = actor;
    const rows: { was: boolean }[] = await manager.query(`SELECT was FROM account_set_legal_hold($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, [
      accountId,
      legalHold,
      actor.userId,
      actor.sessionId,
      actor.label,
      context.surface,
      context.ip,
      context.userAgent,
      context.requestId,
      JSON.stringify(extra),
    ]);
    if (!rows[0]) return null;
    this.metrics.audited({ action: 'account.updated', context, reason: legalHold ? 'legal hold set' : 'legal hold lifted' });
    return rows[0];
  }

  async record(manager: EntityManager, event: AuditRecord): Promise<RecordedAuditEvent> {
    const streams = await this.streams.streamsFor(event.accountId, event.action, manager);
    let rows: { id: string; occurred_at: Date }[];
    let streamed = false;
    if (streams.length === 0) rows = await preparedQuery(manager, INSERT_EVENT, eventValues(event));
    else {
      const destinations = streams.map((s) => ({ destinationKind: s.kind, destinationId: s.id }));
      rows = await preparedQuery(manager, INSERT_STREAMED_EVENT, [...eventValues(event), ...this.outbox.eventOutboxValues(destinations)]);
      streamed = this.outbox.written(destinations);
    }
    const id = String(rows[0].id);
    this.metrics.audited(event);
    return { id, occurredAt: rows[0].occurred_at, streamed };
  }

  /**
   * What `record` does besides the insert, for an event a caller's own statement wrote (through
   * eventInsertWithSessionsSql or eventInsertSql): its streams' outbox rows, in the same transaction, and its metric; whether it is streamed.
   */
  async recorded(manager: EntityManager, event: AuditRecord, id: string): Promise<{ streamed: boolean }> {
    const streamed = await this.enqueueStreams(manager, await this.streams.streamsFor(event.accountId, event.action, manager), event.accountId, id);
    this.metrics.audited(event);
    return { streamed };
  }

  /**
   * Records an event on its own: for failures (denied, failed login) whose request is about to fail
   * while the event must still be kept. One autocommit statement (the chain trigger runs inside it),
   * so no BEGIN/COMMIT round trips on every failed login or refusal.
   */
  async recordStandalone(event: AuditRecord): Promise<void> {
    try {
      const streams = await this.streams.streamsFor(event.accountId, event.action);
      if (streams.length === 0) {
        await preparedQuery(this.dataSource, INSERT_EVENT, eventValues(event));
        this.metrics.audited(event);
      } else {
        // Streamed: the event and its outbox rows commit together (record, in a transaction of its own).
        await this.dataSource.transaction((manager) => this.record(manager, event));
        this.streamed(streams);
      }
    } catch (error) {
      this.logger.error({ action: event.action, err: (error as Error).message }, 'could not record audit event');
    }
  }
}
