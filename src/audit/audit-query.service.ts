import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { Actor } from '../common/actor.js';
import { DomainException, ErrorCode, notFound } from '../common/error-codes.js';
import { cursorInstantSql, decodeKeysetCursor, encodeKeysetCursor, KeysetCursor } from '../common/keyset-cursor.js';
import { AppConfigService } from '../config/app-config.service.js';
import { PERMISSIONS } from '../permissions/permissions.js';
import { PermissionsService } from '../permissions/permissions.service.js';
import { DeliveryStatusService } from '../delivery/delivery-status.service.js';
import { NO_ACCOUNT_KEY } from './checkpoint-claims.js';
import { AuditEventDetailDto, AuditEventDto, AuditEventPageDto, AuditFilterDto, NO_ACCOUNT } from './dto/audit-event.dto.js';

export interface AuditRow {
  id: string;
  occurred_at: Date;
  action: string;
  outcome: AuditEventDto['outcome'];
  account_id: string | null;
  actor_user_id: string | null;
  actor_session_id: string | null;
  actor_label: string | null;
  target_user_id: string | null;
  /** The target's username (usernames never change), for people reading the trail. */
  target_label: string | null;
  session_ids: string[];
  session_count: number;
  surface: string;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  reason: string | null;
  ticket: string | null;
  dry_run: boolean;
  details: Record<string, unknown>;
}

export type KeysetRow = AuditRow & { cursor_at: string };

const auditColumns = (sessionIds: string) => `id, occurred_at, action, outcome, account_id, actor_user_id, actor_session_id, actor_label, target_user_id,
  ${sessionIds}, session_count, surface, ip, user_agent, request_id, reason, ticket, dry_run, details,
  (SELECT u.username FROM users u WHERE u.id = audit_events.target_user_id AND u.account_id IS NOT DISTINCT FROM audit_events.account_id) AS target_label`;

/** An event's columns, every session id listed (as `get` and the export show them). */
export const AUDIT_COLUMNS = auditColumns('session_ids');
/** A page lists the first session ids of each event (a forced logout may list 1000): see `get` for all. */
const LIST_COLUMNS = auditColumns('session_ids[1:20] AS session_ids');

export function mapAuditRow(r: AuditRow): AuditEventDto {
  return {
    id: String(r.id),
    occurredAt: r.occurred_at,
    action: r.action,
    outcome: r.outcome,
    accountId: r.account_id,
    actor: { userId: r.actor_user_id, sessionId: r.actor_session_id, label: r.actor_label },
    targetUserId: r.target_user_id,
    targetLabel: r.target_label,
    sessionIds: r.session_ids,
    sessionCount: r.session_count,
    sessionIdsTruncated: r.session_ids.length < r.session_count,
    surface: r.surface,
    ip: r.ip,
    userAgent: r.user_agent,
    requestId: r.request_id,
    reason: r.reason,
    ticket: r.ticket,
    dryRun: r.dry_run,
    details: r.details,
  };
}

/** A time range must run forwards. */
export function assertRange(from: Date, to: Date): void {
  if (from >= to) throw new DomainException(ErrorCode.VALIDATION_FAILED, '`from` must be before `to`');
}

/** The chain key the trigger files the events of no account under (see the initial migration). */

/**
 * The rows of one chain: an account's (the first parameter), or with null the events of no account
 * (`account_id = NULL` would match nothing; IS NULL still uses the account_id indexes).
 */
export function chainWhere(accountId: string | null): { sql: string; params: unknown[] } {
  return accountId === null ? { sql: 'account_id IS NULL', params: [] } : { sql: 'account_id = $1', params: [accountId] };
}

/** A filter as SQL: the WHERE clause and its parameters, always scoped to one chain (see chainWhere). */
export interface AuditWhere {
  sql: string;
  params: unknown[];
  /** The account read; null for the events that belong to no account. */
  accountId: string | null;
  /**
   * With several actions: the same filter without them (`sql` has them as `action = ANY`), so that a
   * page reads each action's index in order and merges them (see keysetPage).
   */
  byAction?: { sql: string; params: unknown[]; actions: string[] };
}

/** Postgres' query_canceled: statement_timeout (or a cancel request) stopped the statement. */
const QUERY_CANCELED = '57014';

/** Reads the audit trail for admins with audit.read: filtered, newest first, keyset-paginated. */
@Injectable()
export class AuditQueryService {
  private readonly timeoutMs: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly permissions: PermissionsService,
    private readonly deliveries: DeliveryStatusService,
    config: AppConfigService,
  ) {
    this.timeoutMs = config.get('AUDIT_QUERY_TIMEOUT_MS');
  }

  /**
   * Runs audit reads in one transaction whose statements may each run AUDIT_QUERY_TIMEOUT_MS at most,
   * so one slow filter cannot hold a pooled connection for long: a cancelled statement is a 503.
   */
  async read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        await manager.query(`SET LOCAL statement_timeout = ${this.timeoutMs}`);
        return work(manager);
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === QUERY_CANCELED) {
        throw new DomainException(
          ErrorCode.SERVICE_UNAVAILABLE,
          `The audit query ran longer than ${this.timeoutMs} ms (AUDIT_QUERY_TIMEOUT_MS) and was stopped; narrow the filter or the time range`,
          { timeoutMs: this.timeoutMs },
        );
      }
      throw error;
    }
  }

  /**
   * Checks audit.read and an account the caller may read (its own; any, or none, for the system admin),
   * and builds the WHERE clause every reader shares. `attempted` names the operation in a refusal's event.
   */
  async where(actor: Actor, filter: AuditFilterDto, attempted = 'audit:read'): Promise<AuditWhere> {
    // A bad request before any permission check, as the pipe's own validation is.
    if (filter.from && filter.to) assertRange(filter.from, filter.to);
    await this.permissions.require(actor, PERMISSIONS.auditRead, attempted);
    const accountId = filter.accountId === NO_ACCOUNT ? null : (filter.accountId ?? actor.accountId);
    // The events of no account are one well-known chain, not someone's id to hide: a plain 403.
    if (accountId === null) await this.permissions.require(actor, PERMISSIONS.accountsManage, attempted);
    else await this.permissions.requireAccount(actor, accountId, 'Account', attempted);
    const chain = chainWhere(accountId);
    const params = [...chain.params];
    const clauses = [chain.sql];
    const add = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      clauses.push(sql(`$${params.length}`));
    };
    if (filter.actorUserId) add((p) => `actor_user_id = ${p}`, filter.actorUserId);
    if (filter.targetUserId) add((p) => `target_user_id = ${p}`, filter.targetUserId);
    // A name is one user of the account read (usernames and emails are unique, case-insensitive): one
    // lookup, then the same index as the id filter. Another account's user matches nothing.
    const userNamed = (p: string) =>
      `(SELECT u.id FROM users u WHERE (lower(u.username) = lower(${p}) OR lower(u.email) = lower(${p})) AND u.account_id IS NOT DISTINCT FROM ${accountId === null ? 'NULL' : '$1'}::uuid LIMIT 1)`;
    if (filter.actorName) add((p) => `actor_user_id = ${userNamed(p)}`, filter.actorName);
    if (filter.targetName) add((p) => `target_user_id = ${userNamed(p)}`, filter.targetName);
    if (filter.surface) add((p) => `surface = ${p}`, filter.surface);
    if (filter.outcome) add((p) => `outcome = ${p}`, filter.outcome);
    if (filter.reason) add((p) => `reason ILIKE ${p}`, `%${filter.reason.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    if (filter.from) add((p) => `occurred_at >= ${p}`, filter.from);
    if (filter.to) add((p) => `occurred_at < ${p}`, filter.to);
    const base = { sql: clauses.join(' AND '), params: [...params] };
    // One action is an equality, so the (account_id, action, occurred_at) index also gives the order.
    if (filter.action?.length === 1) add((p) => `action = ${p}`, filter.action[0]);
    else if (filter.action?.length) add((p) => `action = ANY(${p}::text[])`, filter.action);
    const byAction = filter.action && filter.action.length > 1 ? { ...base, actions: filter.action } : undefined;
    return { sql: clauses.join(' AND '), params, accountId, byAction };
  }

  /** One event with every session id it recorded and where its deliveries downstream stand. */
  async get(actor: Actor, id: string): Promise<AuditEventDetailDto> {
    await this.permissions.require(actor, PERMISSIONS.auditRead, 'audit:read');
    const rows: AuditRow[] = await this.read((m) => m.query(`SELECT ${AUDIT_COLUMNS} FROM audit_events WHERE id = $1`, [id]));
    const row = rows[0];
    // Another account's event is answered like a missing one (audited by requireAccount).
    if (!row) throw notFound('Audit event');
    await this.permissions.requireAccount(actor, row.account_id ?? NO_ACCOUNT_KEY, 'Audit event', 'audit:read');
    return { ...mapAuditRow(row), deliveries: await this.deliveries.forAuditEvent(String(row.id)), deliveriesPruned: this.deliveries.mayBePruned(row.occurred_at) };
  }

  /**
   * A page of matching events, newest first: after `cursor` (older), or before `before` (newer), with
   * the cursors of both neighbours and how many events match in all (counted up to TOTAL_CAP, TEXT_TOTAL_CAP with a text filter).
   */
  async list(actor: Actor, filter: AuditFilterDto, limit: number, cursor?: string, before?: string): Promise<AuditEventPageDto> {
    if (cursor && before) throw new DomainException(ErrorCode.VALIDATION_FAILED, 'Send `cursor` or `before`, not both', { field: 'before' });
    const where = await this.where(actor, filter);
    const position = cursor ?? before;
    const at = position ? decodeKeysetCursor(position, isEventId) : null;
    const direction = before ? 'newer' : 'older';
    const cap = filter.reason ? TEXT_TOTAL_CAP : TOTAL_CAP;
    const [rows, total] = await this.read(async (m) => {
      const page = this.pageQuery(where, at, limit + 1, LIST_COLUMNS, direction);
      const found: KeysetRow[] = await m.query(page.sql, page.params);
      const [{ n }]: { n: number }[] = await m.query(
        `SELECT count(*)::int AS n FROM (SELECT 1 FROM audit_events WHERE ${where.sql} LIMIT ${cap + 1}) AS matching`,
        where.params,
      );
      return [found, n] as const;
    });
    const more = rows.length > limit;
    // A page read towards newer events comes oldest first: put it back in the list's order.
    const kept = direction === 'newer' ? rows.slice(0, limit).reverse() : rows.slice(0, limit);
    const first = kept[0];
    const last = kept.at(-1);
    const cursorOf = (r: KeysetRow | undefined) => (r ? encodeKeysetCursor(r.cursor_at, String(r.id)) : null);
    return {
      items: kept.map(mapAuditRow),
      // Older events exist after this page when more were read going older, or when we came from them.
      nextCursor: (direction === 'older' ? more : true) && kept.length ? cursorOf(last) : null,
      prevCursor: (direction === 'newer' ? more : at !== null) && kept.length ? cursorOf(first) : null,
      limit,
      total: Math.min(total, cap),
      totalExact: total <= cap,
    };
  }

  /**
   * Up to `limit` matching events after `cursor`, newest first (the list's pages and the export's
   * batches): each row carries its microsecond cursor.
   */
  keysetPage(where: AuditWhere, cursor: KeysetCursor | null, limit: number, columns = AUDIT_COLUMNS): Promise<KeysetRow[]> {
    const { sql, params } = this.pageQuery(where, cursor, limit, columns);
    return this.read((m) => m.query(sql, params));
  }

  /**
   * The statement keysetPage runs (the index tests EXPLAIN it): newest first after `cursor`, or, going
   * `newer`, oldest first from just after it (the list reverses that page).
   */
  pageQuery(
    where: AuditWhere,
    cursor: KeysetCursor | null,
    limit: number,
    columns = AUDIT_COLUMNS,
    direction: 'older' | 'newer' = 'older',
  ): { sql: string; params: unknown[] } {
    const params = [...(where.byAction ?? where).params];
    let sql = (where.byAction ?? where).sql;
    if (cursor) {
      params.push(cursor.at, cursor.id);
      sql += ` AND (occurred_at, id) ${direction === 'older' ? '<' : '>'} ($${params.length - 1}::timestamptz, $${params.length}::bigint)`;
    }
    params.push(limit);
    const limit$ = `$${params.length}`;
    const order = direction === 'older' ? 'ORDER BY occurred_at DESC, id DESC' : 'ORDER BY occurred_at, id';
    let from = 'audit_events';
    if (where.byAction) {
      // Each action's newest matches from its own index, merged: `action = ANY` would sort every match.
      const parts = where.byAction.actions.map((action) => {
        params.push(action);
        return `(SELECT * FROM audit_events WHERE ${sql} AND action = $${params.length} ${order} LIMIT ${limit$})`;
      });
      from = `(${parts.join(' UNION ALL ')}) AS audit_events`;
      sql = 'true';
    }
    return { sql: `SELECT ${columns}, ${CURSOR_AT} AS cursor_at FROM ${from} WHERE ${sql} ${order} LIMIT ${limit$}`, params };
  }
}

/** A page's `total` counts matching events up to this many (a count of millions would cost a scan of millions). */
export const TOTAL_CAP = 10_000;
/**
 * With a `reason` text filter, up to this many: a substring is checked row by row (the trigram index
 * only narrows the candidates), so counting 10,000 matches of a common word costs a read of 10,000+ rows.
 */
export const TEXT_TOTAL_CAP = 1_000;
/** Each row's cursor time, to the microsecond. */
const CURSOR_AT = cursorInstantSql('occurred_at');
/** An audit event id (bigint) as text. */
const isEventId = (id: string) => /^\d{1,19}$/.test(id);
