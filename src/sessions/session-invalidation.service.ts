import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { EntityManager } from 'typeorm';
import { AppConfigService } from '../config/app-config.service.js';

export const INVALIDATION_CHANNEL = 'session_invalidation';

/** What a revocation invalidates: one session, every session of a user or of an account, or everything. */
export type Invalidation = { kind: 's' | 'u' | 'a'; id: string } | { kind: '*' };

/** Queues an invalidation in the caller's transaction (delivered to every instance only if it commits). */
export async function publishInvalidation(manager: EntityManager, invalidation: Invalidation): Promise<string> {
  const nonce = randomUUID();
  const id = invalidation.kind === '*' ? '' : invalidation.id;
  await manager.query('SELECT pg_notify($1, $2)', [INVALIDATION_CHANNEL, `${invalidation.kind}:${id}:${nonce}`]);
  return nonce;
}

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
  private echoes = new Map<string, () => void>();
  private closing = false;
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
    await this.client?.end().catch(() => undefined);
  }

  subscribe(listener: Listener): void {
    this.listeners.push(listener);
  }

  /** Queues the invalidation in the caller's transaction; returns a nonce to await its echo after commit. */
  publish(manager: EntityManager, invalidation: Invalidation): Promise<string> {
    return publishInvalidation(manager, invalidation);
  }

  /**
   * Waits until this instance's own listener has received the notification, i.e. Postgres has
   * dispatched it to every listening instance, before the revocation is answered.
   */
  waitForEcho(nonce: string, timeoutMs = 2000): Promise<void> {
    if (!this.ready) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.echoes.delete(nonce);
        resolve();
      }, timeoutMs);
      this.echoes.set(nonce, () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.config.get('DATABASE_URL'), application_name: 'session-service-listener' });
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
    setTimeout(() => void this.connect(), delay).unref();
  }

  private onNotification(payload: string): void {
    const [kind, id, nonce] = payload.split(':');
    this.epoch++;
    if (kind === 's' || kind === 'u' || kind === 'a') this.emit({ kind, id });
    else this.emit({ kind: '*' });
    const echo = nonce ? this.echoes.get(nonce) : undefined;
    if (echo) {
      this.echoes.delete(nonce);
      echo();
    }
  }

  private emit(invalidation: Invalidation): void {
    for (const listener of this.listeners) listener(invalidation);
  }
}
