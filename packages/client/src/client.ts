import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { ValidationCache } from './cache.js';
import type { SessionClientOptions, Validation } from './types.js';

const INACTIVE: Validation = Object.freeze({ active: false, reason: 'inactive' });
const UNAVAILABLE: Validation = Object.freeze({ active: false, reason: 'unavailable' });

/** What the invalidation stream says an event invalidates. */
interface InvalidationEvent {
  kind: 'session' | 'user' | 'account' | 'api-key';
  id: string;
}

/** RFC 7662 introspection as the service answers it. */
interface Introspection {
  active: boolean;
  sub?: string;
  username?: string;
  account_id?: string;
  sid?: string;
  scope?: string;
  exp?: number;
}

export interface ClientStats {
  hits: number;
  misses: number;
  invalidations: number;
  reconnects: number;
}

/**
 * Validates the session service's tokens in-process. Answers come from a bounded cache while the
 * client holds fresh proof (a heartbeat on the service's invalidation stream, younger than
 * `leaseMs`) that it hears every revocation; otherwise from introspection over HTTP; and when that
 * fails too, the token is refused. The stream resumes after a reconnect from its last event id, so
 * nothing revoked meanwhile is missed; past the service's replay window it says so and the cache is
 * emptied. Never a TTL-only cache.
 */
export class SessionServiceClient {
  private readonly baseUrl: string;
  private readonly leaseMs: number;
  private readonly requestTimeoutMs: number;
  private readonly staleStreamMs: number;
  private readonly cache: ValidationCache;
  /** Until when (performance.now()) the cache may be trusted. */
  private trustedUntilMs = Number.NEGATIVE_INFINITY;
  /** Bumped by every invalidation and every loss of the stream: a validation read across one is not cached. */
  private epoch = 0;
  private lastEventId: string | undefined;
  private lastHeartbeatMs = Number.NEGATIVE_INFINITY;
  private abort: AbortController | null = null;
  private running = false;
  private loop: Promise<void> | null = null;
  private staleTimer: NodeJS.Timeout | null = null;
  readonly stats: ClientStats = { hits: 0, misses: 0, invalidations: 0, reconnects: 0 };

  constructor(private readonly options: SessionClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.leaseMs = options.leaseMs ?? 500;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 2000;
    this.staleStreamMs = options.staleStreamMs ?? Math.max(4 * this.leaseMs, 2000);
    this.cache = new ValidationCache(options.cacheSize ?? 10_000);
  }

  /** True while the cache may be trusted: the stream's newest proof is younger than the lease. */
  get trusted(): boolean {
    return performance.now() < this.trustedUntilMs;
  }

  get cachedTokens(): number {
    return this.cache.size;
  }

  /** Opens the invalidation stream (and keeps it open, reconnecting, until `close`). */
  start(): this {
    if (this.running) return this;
    this.running = true;
    this.loop = this.run();
    this.staleTimer = setInterval(() => {
      if (this.abort && performance.now() - this.lastHeartbeatMs > this.staleStreamMs) this.abort.abort(new Error('stream stale'));
    }, Math.max(50, Math.floor(this.staleStreamMs / 4)));
    this.staleTimer.unref();
    return this;
  }

  async close(): Promise<void> {
    this.running = false;
    if (this.staleTimer) clearInterval(this.staleTimer);
    this.abort?.abort(new Error('closed'));
    await this.loop;
    this.untrust();
  }

  /**
   * The answer for a token: at once (no promise) when the trusted cache holds it, else a promise of
   * introspection's answer. A refusal is `{active: false}`, never an exception.
   */
  validate(token: string): Validation | Promise<Validation> {
    if (typeof token !== 'string' || token.length === 0 || token.length > 4096) return INACTIVE;
    const key = createHash('sha256').update(token).digest('base64');
    if (this.trusted) {
      const hit = this.cache.get(key, Date.now());
      if (hit) {
        this.stats.hits++;
        return hit;
      }
    }
    this.stats.misses++;
    return this.introspect(key, token);
  }

  private async introspect(key: string, token: string): Promise<Validation> {
    const epoch = this.epoch;
    let body: Introspection;
    try {
      const res = await fetch(`${this.baseUrl}/v1/oauth/introspect`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': this.options.apiKey },
        body: JSON.stringify({ token }),
        signal: AbortSignal.timeout(this.requestTimeoutMs),
      });
      if (res.status !== 200) return UNAVAILABLE;
      body = (await res.json()) as Introspection;
    } catch {
      return UNAVAILABLE;
    }
    if (!body.active) return INACTIVE;
    if (!body.sub || !body.sid || !body.account_id || typeof body.exp !== 'number') return UNAVAILABLE;
    const answer: Validation = Object.freeze({
      active: true,
      userId: body.sub,
      username: body.username ?? '',
      accountId: body.account_id,
      sessionId: body.sid,
      permissions: Object.freeze(body.scope ? body.scope.split(' ') : []),
      expiresAt: new Date(body.exp * 1000),
    });
    // Kept only if nothing was invalidated while it was asked, and only while trusted.
    if (this.trusted && epoch === this.epoch) this.cache.set(key, answer);
    return answer;
  }

  private untrust(): void {
    this.trustedUntilMs = Number.NEGATIVE_INFINITY;
    this.epoch++;
  }

  private async run(): Promise<void> {
    let delay = 100;
    while (this.running) {
      const abort = new AbortController();
      this.abort = abort;
      try {
        const res = await fetch(`${this.baseUrl}/v1/invalidations`, {
          headers: { accept: 'text/event-stream', 'x-api-key': this.options.apiKey, ...(this.lastEventId ? { 'last-event-id': this.lastEventId } : {}) },
          signal: abort.signal,
        });
        if (res.status === 200 && res.body) {
          delay = 100;
          this.lastHeartbeatMs = performance.now();
          const parser = createParser({ onEvent: (event) => this.onEvent(event) });
          const decoder = new TextDecoder();
          for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) parser.feed(decoder.decode(chunk, { stream: true }));
        } else {
          await res.body?.cancel().catch(() => undefined);
        }
      } catch {
        // dropped, refused or aborted: reconnect below
      }
      this.abort = null;
      this.untrust();
      if (!this.running) break;
      this.stats.reconnects++;
      await new Promise((resolve) => setTimeout(resolve, delay).unref());
      delay = Math.min(delay * 2, 5000);
    }
  }

  private onEvent(event: EventSourceMessage): void {
    if (event.id) this.lastEventId = event.id;
    if (event.event === 'heartbeat') {
      const now = performance.now();
      this.lastHeartbeatMs = now;
      let ageMs = 0;
      try {
        ageMs = Number((JSON.parse(event.data) as { ageMs?: number }).ageMs) || 0;
      } catch {
        ageMs = Number.POSITIVE_INFINITY;
      }
      // The lease runs from the service's proof, which is `ageMs` older than this event.
      this.trustedUntilMs = now + this.leaseMs - ageMs;
      return;
    }
    if (event.event === 'reset') {
      this.cache.clear();
      this.untrust();
      return;
    }
    if (event.event !== 'invalidation') return;
    let invalidation: InvalidationEvent;
    try {
      invalidation = JSON.parse(event.data) as InvalidationEvent;
    } catch {
      this.cache.clear();
      this.epoch++;
      return;
    }
    this.stats.invalidations++;
    this.epoch++;
    if (invalidation.kind === 'session') this.cache.dropSession(invalidation.id);
    else if (invalidation.kind === 'user') this.cache.dropUser(invalidation.id);
    // The whole account, or an API key (whose signed-in sessions the client cannot tell apart).
    else this.cache.clear();
  }
}
