import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { EntityManager } from 'typeorm';
import { AppConfigService } from '../config/app-config.service.js';
import { preparedQuery, PreparedStatement } from '../database/prepared-query.js';

/** Every instance LISTENs here; a revocation's NOTIFY goes here, inside its transaction. */
const INVALIDATION_CHANNEL = 'session_invalidation';
/** Each instance also LISTENs on a channel of its own, for the acknowledgements addressed to it and its heartbeats. */
const instanceChannel = (instanceId: string) => `session_invalidation_${instanceId}`;

/**
 * What a revocation invalidates: one session, every session of a user or of an account, a client's
 * API key, or everything. A received one names its account, for the streams to consumers.
 */
export type Invalidation = (PublishedInvalidation & { accountId?: string }) | { kind: '*' };

/** What a revocation publishes. */
export interface PublishedInvalidation {
  kind: 's' | 'u' | 'a' | 'c';
  id: string;
}

/**
 * Proof that this instance has applied every invalidation committed before a point: `xmin` is the
 * oldest transaction still running then (every one before it has finished, and its notifications
 * have arrived), `atMs` the wall-clock time of that point.
 */
export interface InvalidationProof {
  xmin: string;
  atMs: number;
}

export const LISTENER_APPLICATION_NAME = 'session-service-listener';

/**
 * An invalidation as two CTEs of a statement, its own (PUBLISH) or the revocation's: `logged` logs it
 * (consumers' streams replay the log after a reconnect), `notified` queues the NOTIFY, both with the
 * SQL expressions given, `from` the rest of their SELECT (a FROM and WHERE, or nothing). A statement
 * must read `notified` (`SELECT count(*) FROM notified`): a CTE that only SELECTs runs only if read.
 */
export function invalidationCtes(e: { accountId: string; kind: string; targetId: string; channel: string; payload: string; from?: string }): string {
  const from = e.from ? ` ${e.from}` : '';
  return `logged AS (INSERT INTO invalidation_log (account_id, kind, target_id) SELECT ${e.accountId}, ${e.kind}, ${e.targetId}${from}),
     notified AS (SELECT pg_notify(${e.channel}, ${e.payload})${from})`;
}

/** How many instances listen (connections named `applicationName`, an SQL expression): the acknowledgements to wait for. */
export const listenersSql = (applicationName: string) =>
  `(SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() AND application_name = ${applicationName})`;

/** Prepared: it runs in the transactions that end sessions outside RevocationService (disabling a user, a key, a refresh). */
const PUBLISH: PreparedStatement = {
  name: 'invalidation.publish',
  text: `WITH ${invalidationCtes({ accountId: '$4::uuid', kind: '$5::text', targetId: '$6::text', channel: '$1::text', payload: '$2::text' })}
         SELECT (SELECT count(*)::int FROM notified) AS notified, ${listenersSql('$3::text')} AS listeners`,
};

/** An invalidation this instance published, waiting for every listening instance to acknowledge it. */
interface Pending {
  expected: number;
  acks: number;
  createdMs: number;
  done: () => void;
}

/** Payload prefixes on an instance's own channel. */
const ACK = 'a';
const HEARTBEAT = 'h';
const PENDING_TTL_MS = 10_000;

type Listener = (invalidation: Invalidation) => void;

/**
 * Pushes invalidations to every running instance through Postgres LISTEN/NOTIFY. A NOTIFY sent
 * inside the revoking transaction is delivered only if it commits.
 *
 * The cache built on it is trusted by LEASE, not by the connection merely being open: every
 * `lease / 4` the instance sends a heartbeat NOTIFY through its own LISTEN connection, addressed to
 * itself. Postgres delivers a listener's notifications in commit order, so when a heartbeat sent at
 * time T comes back, every invalidation committed before T has been applied. The cache is `ready`
 * only while the newest heartbeat that came back was sent less than `lease` ago (monotonic clock). A
 * revoking request waits for the acknowledgements of the instances that were listening, and at most
 * `lease` after its commit: by then an instance that did not acknowledge (frozen, its connection
 * stalled) has stopped trusting its cache, whatever it does. Acknowledgements go to the publisher's
 * own channel, so a revocation costs O(instances) messages.
 */
@Injectable()
export class SessionInvalidationService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(SessionInvalidationService.name);
  /** Names this instance's channel: lower-case hex, a valid identifier as it is. */
  readonly instanceId = randomBytes(8).toString('hex');
  private readonly ownChannel = instanceChannel(this.instanceId);
  private readonly leaseMs: number;
  /** A heartbeat outstanding this long means the connection is stalled: drop it and connect anew. */
  private readonly stallMs: number;
  private client: Client | null = null;
  private listeners: Listener[] = [];
  /** The newest proof; null until the first heartbeat came back on the current connection. */
  proof: InvalidationProof | null = null;
  private readonly pending = new Map<string, Pending>();
  private closing = false;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private readonly lost = new WeakSet<Client>();
  private retryDelay = 100;
  private heartbeatSeq = 0;
  /** The heartbeat sent and not yet back: its number and when it was sent. */
  private outstanding: { seq: number; sentMs: number } | null = null;
  /** When the newest heartbeat that came back was sent (performance.now()); -Infinity: never / connection lost. */
  private provenAtMs = Number.NEGATIVE_INFINITY;
  /** Bumped on every invalidation received and on every reconnect: lets a cache detect a race. */
  epoch = 0;

  constructor(private readonly config: AppConfigService) {
    this.leaseMs = config.get('INVALIDATION_LEASE_MS');
    this.stallMs = Math.max(4 * this.leaseMs, 2000);
  }

  /** True while this instance holds fresh proof that it hears every invalidation: its cache may be trusted. */
  get ready(): boolean {
    return performance.now() - this.provenAtMs < this.leaseMs;
  }

  /** How old the newest proof is, ms (Infinity without one): a consumer's lease counts from it. */
  get proofAgeMs(): number {
    return performance.now() - this.provenAtMs;
  }

  onModuleInit(): Promise<void> {
    this.heartbeatTimer = setInterval(() => this.heartbeat(), Math.max(10, Math.floor(this.leaseMs / 4)));
    this.heartbeatTimer.unref();
    return this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    this.provenAtMs = Number.NEGATIVE_INFINITY;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    const client = this.client;
    if (!client) return;
    this.lost.add(client);
    // A stalled connection would never answer the goodbye: bound it.
    await Promise.race([client.end().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
    socketOf(client)?.destroy();
  }

  subscribe(listener: Listener): void {
    this.listeners.push(listener);
  }

  /** Stops a listener given to `subscribe`. */
  unsubscribe(listener: Listener): void {
    this.listeners = this.listeners.filter((l) => l !== listener);
  }

  /**
   * Queues an invalidation in the caller's transaction (delivered to every instance only if it
   * commits) and counts the instances listening right now, i.e. how many acknowledgements to wait for.
   * Returns a nonce to await after commit; the wait is registered here, before the commit, so
   * acknowledgements that arrive first are not lost.
   */
  async publish(manager: EntityManager, invalidation: PublishedInvalidation, accountId: string): Promise<string> {
    const inline = this.inline(accountId);
    const [{ listeners }] = await preparedQuery<{ listeners: number }>(manager, PUBLISH, [
      inline.channel,
      `${invalidation.kind}:${invalidation.id}:${inline.suffix}`,
      inline.applicationName,
      accountId,
      invalidation.kind,
      invalidation.id,
    ]);
    this.expect(inline.nonce, listeners);
    return inline.nonce;
  }

  /**
   * `publish`'s parts, also for a statement that logs and NOTIFYs the invalidation itself through
   * invalidationCtes (a revocation's record, which then `expect`s the nonce; the session limit's,
   * which waits for no acknowledgement): the channel, the payload after `kind:id:`, and the
   * application name of the listening connections.
   */
  inline(accountId: string): { nonce: string; channel: string; suffix: string; applicationName: string } {
    const nonce = randomUUID();
    return { nonce, channel: INVALIDATION_CHANNEL, suffix: `${nonce}:${this.instanceId}:${accountId}`, applicationName: LISTENER_APPLICATION_NAME };
  }

  /** Registers the wait for `listeners` acknowledgements of a NOTIFY queued in a transaction not yet committed. */
  expect(nonce: string, listeners: number): void {
    const now = Date.now();
    // Entries of transactions that rolled back are never acknowledged: drop them after a while.
    for (const [key, entry] of this.pending) if (now - entry.createdMs > PENDING_TTL_MS) this.pending.delete(key);
    this.pending.set(nonce, { expected: listeners, acks: 0, createdMs: now, done: () => undefined });
  }

  /**
   * Called after the commit: waits until every instance that was listening has acknowledged the
   * invalidation (has dropped the affected cache entries), and at most one lease. After a lease
   * every instance that has not applied it has stopped trusting its cache, so either way no instance
   * serves the token once this returns.
   */
  waitForEcho(nonce: string): Promise<void> {
    const entry = this.pending.get(nonce);
    if (!entry || entry.acks >= entry.expected) {
      this.pending.delete(nonce);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(nonce);
        this.logger.warn({ acks: entry.acks, expected: entry.expected, leaseMs: this.leaseMs }, 'not every instance acknowledged an invalidation within the lease');
        resolve();
      }, this.leaseMs);
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
    client.on('notification', (msg) => this.onNotification(client, msg.channel, msg.payload ?? ''));
    client.on('error', (error) => this.onLost(client, error));
    client.on('end', () => this.onLost(client, new Error('connection ended')));
    try {
      await client.connect();
      // This connection only sends heartbeats and acknowledgements, each a NOTIFY in a transaction of
      // its own, which Postgres 15 commits one at a time across the cluster (a NOTIFY's commit holds a
      // global lock until it is written): none needs to wait for its commit to reach the disk (nothing
      // they say outlives the connection), so they don't, and the publisher hears them sooner.
      await client.query(`SET synchronous_commit = off; LISTEN ${INVALIDATION_CHANNEL}; LISTEN ${this.ownChannel}`);
    } catch (error) {
      this.onLost(client, error as Error);
      socketOf(client)?.destroy();
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
    this.outstanding = null;
    // Anything revoked while we were deaf is unknown: start from an empty cache. Trust comes back
    // with the first heartbeat.
    this.epoch++;
    this.emit({ kind: '*' });
    this.heartbeat();
  }

  /** Sends the next heartbeat, unless one is still out; drops a connection whose heartbeat is stuck. */
  private heartbeat(): void {
    const client = this.client;
    if (!client || this.closing) return;
    const now = performance.now();
    if (this.outstanding) {
      if (now - this.outstanding.sentMs > this.stallMs) {
        this.logger.warn({ stalledMs: Math.round(now - this.outstanding.sentMs) }, 'invalidation channel stalled; reconnecting');
        this.onLost(client, new Error('heartbeat stalled'));
        socketOf(client)?.destroy();
      }
      return;
    }
    const seq = ++this.heartbeatSeq;
    this.outstanding = { seq, sentMs: now };
    client
      .query({
        name: 'invalidation.heartbeat',
        text: `SELECT pg_notify($1, $2 || ':' || pg_snapshot_xmin(pg_current_snapshot())::text || ':' || (extract(epoch FROM clock_timestamp()) * 1000)::bigint)`,
        values: [this.ownChannel, `${HEARTBEAT}:${seq}`],
      })
      .catch((error: Error) => this.logger.warn({ err: error.message }, 'could not send an invalidation heartbeat'));
  }

  private onLost(client: Client, error: Error): void {
    if (this.lost.has(client)) return;
    this.lost.add(client);
    if (this.client && this.client !== client) return;
    this.provenAtMs = Number.NEGATIVE_INFINITY;
    this.proof = null;
    this.outstanding = null;
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

  private onNotification(client: Client, channel: string, payload: string): void {
    if (client !== this.client) return;
    if (channel === this.ownChannel) return this.onOwnChannel(payload);
    const [kind, id, nonce, publisher, accountId] = payload.split(':');
    this.epoch++;
    if (kind === 's' || kind === 'u' || kind === 'a' || kind === 'c') this.emit({ kind, id, accountId });
    else this.emit({ kind: '*' });
    // The cache entries are gone (emit is synchronous): tell the publisher, on its own channel.
    if (!nonce || !publisher) return;
    if (publisher === this.instanceId) return this.acknowledged(nonce);
    client
      .query({ name: 'invalidation.ack', text: 'SELECT pg_notify($1, $2)', values: [instanceChannel(publisher), `${ACK}:${nonce}`] })
      .catch((error: Error) => this.logger.warn({ err: error.message }, 'could not acknowledge an invalidation'));
  }

  private onOwnChannel(payload: string): void {
    const [kind, value, xmin, atMs] = payload.split(':');
    if (kind === ACK) return this.acknowledged(value);
    if (kind === HEARTBEAT && this.outstanding && Number(value) === this.outstanding.seq) {
      this.provenAtMs = this.outstanding.sentMs;
      this.outstanding = null;
      this.proof = { xmin, atMs: Number(atMs) };
    }
  }

  private acknowledged(nonce: string): void {
    const entry = this.pending.get(nonce);
    if (entry && ++entry.acks >= entry.expected) entry.done();
  }

  private emit(invalidation: Invalidation): void {
    for (const listener of this.listeners) listener(invalidation);
  }
}

/** The pg client's socket, to drop a connection that no longer answers (end() would wait on it). */
function socketOf(client: Client): Socket | undefined {
  return (client as unknown as { connection?: { stream?: Socket } }).connection?.stream;
}
