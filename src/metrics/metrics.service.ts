import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import type { AuditRecord } from '../audit/audit.types.js';
import { ErrorDialectRegistry } from '../common/error-dialect.js';
import type { RevocationReceipt } from '../sessions/revocation.types.js';
import { SessionInvalidationService } from '../sessions/session-invalidation.service.js';
import { RequestMetrics } from './request-metrics.js';

/** What a validation cache counts (plain numbers, bumped on its hot path; read at scrape time). */
export interface CacheCounts {
  readonly hits: number;
  readonly misses: number;
  /** Lookups that skipped the cache because the invalidation channel was down. */
  readonly bypassed: number;
  readonly size: number;
}

/** A login failure's reason as a label: the service's own codes, never free text. */
const reasonLabel = (reason: string | null | undefined): string => (reason && /^[a-z_]{1,40}$/.test(reason) ? reason : 'other');

/** The slice of pg's Pool that the pool gauges read. */
interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

/**
 * The service's Prometheus metrics, in a registry of this app's own (several apps can run in one
 * process, as the e2e suites do). Domain counters are bumped after the fact (a login written, a
 * revocation settled, an audit row inserted); everything the hot path touches is a plain number read
 * at scrape time.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  /** Fed by the request log controller (see app.factory.ts): one call per finished request. */
  readonly requests: RequestMetrics;
  private readonly caches = new Map<string, CacheCounts>();
  private readonly logins: Counter<'surface'>;
  private readonly loginFailures: Counter<'surface' | 'reason'>;
  private readonly revocations: Counter<'action' | 'surface'>;
  private readonly revokedSessions: Counter<'action' | 'surface'>;
  private readonly auditWrites: Counter<'action'>;

  constructor(dataSource: DataSource, dialects: ErrorDialectRegistry, moduleRef: ModuleRef) {
    const registers = [this.registry];
    // Event-loop lag (nodejs_eventloop_lag_*), heap, GC, CPU and file descriptors, under their usual names.
    collectDefaultMetrics({ register: this.registry });
    this.requests = new RequestMetrics(this.registry, (path) => dialects.surfaceOf(path));
    this.logins = new Counter({ name: 'session_service_logins_total', help: 'Successful logins (sessions issued), by surface', labelNames: ['surface'], registers });
    this.loginFailures = new Counter({
      name: 'session_service_login_failures_total',
      help: 'Refused logins, by surface and audited reason (unknown_user, bad_password, user_disabled, throttled, …)',
      labelNames: ['surface', 'reason'],
      registers,
    });
    this.revocations = new Counter({
      name: 'session_service_revocations_total',
      help: 'Revocations committed (dry runs excluded), by kind (audit action) and surface',
      labelNames: ['action', 'surface'],
      registers,
    });
    this.revokedSessions = new Counter({
      name: 'session_service_revoked_sessions_total',
      help: 'Sessions ended by those revocations, by kind and surface',
      labelNames: ['action', 'surface'],
      registers,
    });
    this.auditWrites = new Counter({
      name: 'session_service_audit_events_written_total',
      help: 'Audit events inserted, by action (an event written in a transaction that later rolls back counts too)',
      labelNames: ['action'],
      registers,
    });
    const caches = this.caches;
    new Counter({
      name: 'session_service_validation_cache_lookups_total',
      help: 'Validation cache lookups by cache (sessions, api_keys) and result (hit, miss, bypassed while the invalidation channel is down)',
      labelNames: ['cache', 'result'],
      registers,
      collect() {
        this.reset();
        for (const [cache, c] of caches) {
          this.inc({ cache, result: 'hit' }, c.hits);
          this.inc({ cache, result: 'miss' }, c.misses);
          this.inc({ cache, result: 'bypassed' }, c.bypassed);
        }
      },
    });
    new Gauge({
      name: 'session_service_validation_cache_hit_ratio',
      help: 'Hits / (hits + misses + bypassed) since start, by cache; for a recent ratio use rate() of the lookups counter',
      labelNames: ['cache'],
      registers,
      collect() {
        for (const [cache, c] of caches) {
          const lookups = c.hits + c.misses + c.bypassed;
          this.set({ cache }, lookups === 0 ? 0 : c.hits / lookups);
        }
      },
    });
    new Gauge({
      name: 'session_service_validation_cache_entries',
      help: 'Entries held by each validation cache',
      labelNames: ['cache'],
      registers,
      collect() {
        for (const [cache, c] of caches) this.set({ cache }, c.size);
      },
    });
    let invalidation: SessionInvalidationService | undefined;
    new Gauge({
      name: 'session_service_invalidation_channel_up',
      help: '1 while the LISTEN/NOTIFY invalidation channel is live (caches trusted), 0 while it is down (every validation asks the database)',
      registers,
      collect() {
        // Read only: `ready` is the channel's own "caches may be trusted" flag.
        invalidation ??= moduleRef.get(SessionInvalidationService, { strict: false }) ?? undefined;
        if (invalidation) this.set(invalidation.ready ? 1 : 0);
      },
    });
    const pool = () => (dataSource.isInitialized ? ((dataSource.driver as unknown as { master?: PoolCounts }).master ?? null) : null);
    new Gauge({
      name: 'session_service_db_pool_connections',
      help: 'Database pool connections by state: in_use, idle, waiting (requests queued for a connection), max',
      labelNames: ['state'],
      registers,
      collect() {
        const p = pool();
        if (!p) return;
        this.set({ state: 'in_use' }, p.totalCount - p.idleCount);
        this.set({ state: 'idle' }, p.idleCount);
        this.set({ state: 'waiting' }, p.waitingCount);
        if (p.options?.max !== undefined) this.set({ state: 'max' }, p.options.max);
      },
    });
  }

  /** A validation cache to report (its counts are read at scrape time). */
  watchCache(name: string, counts: CacheCounts): void {
    this.caches.set(name, counts);
  }

  /** After an audit event was written: counts it, and the logins and login failures it records. */
  audited(event: Pick<AuditRecord, 'action' | 'context' | 'reason'>): void {
    this.auditWrites.inc({ action: event.action });
    const surface = event.context.surface;
    if (event.action === 'session.login') this.logins.inc({ surface });
    else if (event.action === 'auth.login_failed') this.loginFailures.inc({ surface, reason: reasonLabel(event.reason) });
    else if (event.action === 'auth.login_throttled') this.loginFailures.inc({ surface, reason: 'throttled' });
  }

  /** After a revocation committed and every instance dropped its sessions. */
  revoked(surface: string, receipt: RevocationReceipt): void {
    if (receipt.dryRun) return;
    this.revocations.inc({ action: receipt.action, surface });
    this.revokedSessions.inc({ action: receipt.action, surface }, receipt.revokedCount);
  }

  /** The exposition text and its content type. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
