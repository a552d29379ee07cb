import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfigService } from '../config/app-config.service.js';
import { PgListener } from '../database/pg-listener.js';

/** Where a change to an account's audit streams is announced (payload: the account id), at its commit. */
export const AUDIT_STREAMS_CHANNEL = 'audit_streams_changed';

/** The outbox destination kind of each stream kind. */
export const streamDestinationKind = (kind: string) => `audit_${kind}`;

export interface StreamRef {
  id: string;
  kind: string;
  /** null: every action. */
  actions: ReadonlySet<string> | null;
}

interface Entry {
  streams: StreamRef[];
  readAtMs: number;
}

/**
 * The audit streams of each account, for the audit write path: most events are written with no
 * database work for them (an account without streams costs a map lookup). An entry is used while the
 * instance hears the stream-change notifications (its own LISTEN connection; a change NOTIFYs in its
 * transaction, so every instance drops the entry at its commit) and for AUDIT_STREAMS_CACHE_MS at
 * most, which bounds staleness on an instance whose notifications are stuck. Without the connection
 * every event reads the streams from the database. A read that raced a notification is not kept.
 */
@Injectable()
export class AuditStreamCache implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(AuditStreamCache.name);
  private readonly entries = new Map<string, Entry>();
  /** Transactions that change streams (see announce): what they read is not cached. */
  private readonly changing = new WeakSet<EntityManager>();
  private readonly maxAgeMs: number;
  private readonly listener: PgListener;
  private listening = false;
  private epoch = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfigService,
  ) {
    this.maxAgeMs = config.get('AUDIT_STREAMS_CACHE_MS');
    this.listener = new PgListener({
      url: config.get('DATABASE_URL') as string,
      applicationName: 'session-service:audit-streams',
      channels: [AUDIT_STREAMS_CHANNEL],
      retryMs: 100,
      maxRetryMs: 5000,
      onNotification: (_channel, accountId) => {
        if (accountId) this.changed(accountId);
      },
      onListening: () => this.reset(true),
      onLost: (error) => {
        this.reset(false);
        this.logger.warn({ err: error.message }, 'audit stream notifications lost; reading streams per event until back');
      },
    });
  }

  onModuleInit(): Promise<void> {
    return this.listener.start();
  }

  onApplicationShutdown(): Promise<void> {
    this.listening = false;
    return this.listener.stop();
  }

  /** Hearing the notifications, or not: either way what was cached may have missed one. */
  private reset(listening: boolean): void {
    this.listening = listening;
    this.epoch++;
    this.entries.clear();
  }

  /**
   * The account's streams that take this action (none for events of no account). Inside a
   * transaction, pass its manager: a miss is read on that connection, never a second one from the
   * pool (requests holding every pooled connection would wait on each other for good).
   */
  async streamsFor(accountId: string | null, action: string, on?: EntityManager): Promise<StreamRef[]> {
    if (accountId === null) return [];
    const streams = await this.accountStreams(accountId, on);
    return streams.length === 0 ? streams : streams.filter((s) => s.actions === null || s.actions.has(action));
  }

  /** Called by the changing transaction's instance after its commit (others hear the NOTIFY). */
  changed(accountId: string): void {
    this.epoch++;
    this.entries.delete(accountId);
  }

  /** In a transaction that changes an account's streams: every instance drops its entry at the commit. */
  async announce(manager: EntityManager, accountId: string): Promise<void> {
    this.changing.add(manager);
    await manager.query(`SELECT pg_notify($1, $2)`, [AUDIT_STREAMS_CHANNEL, accountId]);
  }

  private async accountStreams(accountId: string, on?: EntityManager): Promise<StreamRef[]> {
    // A transaction that changes streams reads them itself (its events follow the change it makes).
    const changing = on !== undefined && this.changing.has(on);
    const entry = changing ? undefined : this.entries.get(accountId);
    if (entry && this.listening && performance.now() - entry.readAtMs < this.maxAgeMs) return entry.streams;
    const epoch = this.epoch;
    const readAtMs = performance.now();
    const rows: { id: string; kind: string; actions: string[] }[] = await (on ?? this.dataSource).query(
      `SELECT id, kind, actions FROM audit_streams WHERE account_id = $1 ORDER BY id`,
      [accountId],
    );
    const streams = rows.map((r) => ({ id: r.id, kind: streamDestinationKind(r.kind), actions: r.actions.length === 0 ? null : new Set(r.actions) }));
    // A notification that arrived during the read may be about a change the read did not see.
    // Nor one made inside a transaction that changes streams: it sees what may yet roll back.
    if (this.listening && epoch === this.epoch && !changing) {
      if (this.entries.size > 10_000) this.entries.clear();
      this.entries.set(accountId, { streams, readAtMs });
    }
    return streams;
  }
}
