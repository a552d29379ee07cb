import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { EntityManager } from 'typeorm';
import { AppConfigService } from '../config/app-config.service.js';
import { preparedQuery, PreparedStatement } from '../database/prepared-query.js';

const INVALIDATION_CHANNEL = 'session_invalidation';

/** What a revocation invalidates: one session, every session of a user or of an account, a client's API key, or everything. */
export type Invalidation = { kind: 's' | 'u' | 'a' | 'c'; id: string } | { kind: '*' };

export const LISTENER_APPLICATION_NAME = 'session-service-listener';

/** Prepared: it runs in every revocation's transaction. */
const PUBLISH: PreparedStatement = {
  name: 'invalidation.publish',
  text: `SELECT pg_notify($1, $2), (SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() AND application_name = $3) AS listeners`,
};

/** An invalidation this instance published, waiting for every listening instance to acknowledge it. */
interface Pending {
  expected: number;
  acks: number;
  createdMs: number;
  done: () => void;
}

const ACK = 'k';
const PENDING_TTL_MS = 10_000;

type Listener = (invalidation: Invalidation) => void;

/**
 * Pushes invalidations to every running instance through Postgres LISTEN/NOTIFY. A NOTIFY sent
 * inside the revoking transaction is delivered only if it commits. While the LISTEN connection is
 * down, `ready` is false and caches built on it must not be trusted (fail closed).
 */
@Injectable()
export class SessionInvalidationService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(SessionInvalidationService.name);
  private client: Client | null = null;
  private listeners: Listener[] = [];
  private readonly pending = new Map<string, Pending>();
  private closing = false;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private readonly lost = new WeakSet<Client>();
  private retryDelay = 100;
  /** True while notifications are flowing; flips to false the moment the connection drops. */
  ready = false;
  /** Bumped on every invalidation received and on every reconnect: lets a cache detect a race. */
  epoch = 0;

  constructor(private readonly config: AppConfigService) {}

  onModuleInit(): Promise<void> {
    return this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    this.ready = false;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    await this.client?.end().catch(() => undefined);
  }

  subscribe(listener: Listener): void {
    this.listeners.push(listener);
  }

  /**
   * Queues an invalidation in the caller's transaction (delivered to every instance only if it
   * commits) and counts the instances listening right now, i.e. how many acknowledgements to wait for.
   * Returns a nonce to await after commit; the wait is registered here, before the commit, so
   * acknowledgements that arrive first are not lost.
   */
  async publish(manager: EntityManager, invalidation: Invalidation): Promise<string> {
    const nonce = randomUUID();
    const id = invalidation.kind === '*' ? '' : invalidation.id;
    const [{ listeners }] = await preparedQuery<{ listeners: number }>(manager, PUBLISH, [
      INVALIDATION_CHANNEL,
      `${invalidation.kind}:${id}:${nonce}`,
      LISTENER_APPLICATION_NAME,
    ]);
    const now = Date.now();
    // Entries of transactions that rolled back are never acknowledged: drop them after a while.
    for (const [key, entry] of this.pending) if (now - entry.createdMs > PENDING_TTL_MS) this.pending.delete(key);
    this.pending.set(nonce, { expected: listeners, acks: 0, createdMs: now, done: () => undefined });
    return nonce;
  }

  /**
   * Waits until every instance that was listening has acknowledged the invalidation, i.e. has
   * already dropped the affected cache entries, so that no instance serves the token once the
   * revocation is answered. Bounded: a stuck instance delays the answer by at most `timeoutMs`.
   */
  waitForEcho(nonce: string, timeoutMs = 2000): Promise<void> {
    const entry = this.pending.get(nonce);
    if (!entry || !this.ready || entry.acks >= entry.expected) {
      this.pending.delete(nonce);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(nonce);
        this.logger.warn({ acks: entry.acks, expected: entry.expected }, 'not every instance acknowledged an invalidation in time');
        resolve();
      }, timeoutMs);
      entry.done = () => {
        clearTimeout(timer);
        this.pending.delete(nonce);
        resolve();
      };
    });
  }

  private async connect(): Promise<void> {
    if (this.closing) return;
    const client = new Client({ connectionString: this.config.get('DATABASE_URL'), application_name: LISTENER_APPLICATION_NAME });
    client.on('notification', (msg) => this.onNotification(msg.payload ?? ''));
    client.on('error', (error) => this.onLost(client, error));
    client.on('end', () => this.onLost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${INVALIDATION_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      this.onLost(client, error as Error);
      return;
    }
    if (this.closing) {
      // The app shut down while this reconnect was under way.
      this.lost.add(client);
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.retryDelay = 100;
    // Anything revoked while we were deaf is unknown: start from an empty cache.
    this.epoch++;
    this.emit({ kind: '*' });
    this.ready = true;
  }

  private onLost(client: Client, error: Error): void {
    if (this.lost.has(client)) return;
    this.lost.add(client);
    if (this.client && this.client !== client) return;
    this.ready = false;
    this.epoch++;
    this.emit({ kind: '*' });
    this.client = null;
    if (this.closing) return;
    this.logger.warn({ err: error.message, retryInMs: this.retryDelay }, 'invalidation channel lost; validating against the database until it is back');
    const delay = this.retryDelay;
    this.retryDelay = Math.min(this.retryDelay * 2, 5000);
    this.reconnectTimer = setTimeout(() => void this.connect(), delay);
    this.reconnectTimer.unref();
  }

  private onNotification(payload: string): void {
    const [kind, id, nonce] = payload.split(':');
    if (kind === ACK) {
      const entry = this.pending.get(id);
      if (entry && ++entry.acks >= entry.expected) entry.done();
      return;
    }
    this.epoch++;
    if (kind === 's' || kind === 'u' || kind === 'a' || kind === 'c') this.emit({ kind, id });
    else this.emit({ kind: '*' });
    // The cache entries are gone (emit is synchronous): tell the publisher, on the same connection.
    if (nonce && this.client) {
      this.client.query({ name: 'invalidation.ack', text: 'SELECT pg_notify($1, $2)', values: [INVALIDATION_CHANNEL, `${ACK}:${nonce}`] }).catch((error: Error) => {
        this.logger.warn({ err: error.message }, 'could not acknowledge an invalidation');
      });
    }
  }

  private emit(invalidation: Invalidation): void {
    for (const listener of this.listeners) listener(invalidation);
  }
}
