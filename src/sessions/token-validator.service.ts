import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sha256Base64 } from '../common/crypto.js';
import { AppConfigService } from '../config/app-config.service.js';
import { preparedQuery, PreparedStatement } from '../database/prepared-query.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { userPermissionsSql } from '../permissions/permissions.js';
import { LIVE_SESSION_SQL, SESSION_JOINS } from './session-sql.js';
import { InvalidatedCache } from './invalidated-cache.js';
import { Invalidation, SessionInvalidationService } from './session-invalidation.service.js';

/** A live session as the hot path sees it. */
export interface ValidatedSession {
  sessionId: string;
  sessionNumber: number;
  userId: string;
  accountId: string;
  username: string;
  permissions: ReadonlySet<string>;
  accessExpiresAt: Date;
}

interface CacheEntry {
  session: ValidatedSession;
  /** The API key that signed the session in, if any: its revocation drops the entry. */
  signedInByKey: string | null;
  accessExpiresMs: number;
  idleExpiresMs: number;
  expiresMs: number;
  lastSeenMs: number;
  /** The idle timeout the session was issued with (its user's session policy). */
  idleTtlMs: number;
}

interface Row {
  id: string;
  number: number;
  user_id: string;
  account_id: string;
  username: string;
  permissions: string[];
  access_expires_at: Date;
  idle_expires_at: Date;
  expires_at: Date;
  last_seen_at: Date;
  signed_in_by_key: string | null;
  idle_ttl_seconds: number | null;
  live: boolean;
}

const TOUCH_INTERVAL_MS = 60_000;

/** A cache miss: the session, whether it is live, and the user's permissions. Prepared (hot path). */
const LOOKUP: PreparedStatement = {
  name: 'tokens.lookup',
  text: `SELECT s.id, s.number, s.user_id, s.account_id, u.username, s.access_expires_at, s.idle_expires_at, s.expires_at, s.last_seen_at, s.signed_in_by_key, s.idle_ttl_seconds,
              ${LIVE_SESSION_SQL} AND s.access_expires_at > now() AS live,
              coalesce((SELECT array_agg(p) FROM (${userPermissionsSql('u.id')}) held), '{}') AS permissions
         FROM ${SESSION_JOINS}
        WHERE s.token_hash = $1`,
};

/**
 * "Is this token still good?" — the hot path. One indexed lookup by token hash, or a hit in an
 * in-process cache that every instance empties on pushed invalidations (LISTEN/NOTIFY). The cache is
 * bypassed entirely while the invalidation channel is down, and never trusted past a token's expiry.
 */
@Injectable()
export class TokenValidatorService {
  private readonly logger = new Logger(TokenValidatorService.name);
  private readonly cache: InvalidatedCache<CacheEntry>;
  private readonly idleTtlMs: number;

  constructor(
    private readonly dataSource: DataSource,
    invalidation: SessionInvalidationService,
    config: AppConfigService,
    metrics: MetricsService,
  ) {
    this.cache = new InvalidatedCache<CacheEntry>(invalidation, config.get('VALIDATION_CACHE_SIZE'), (entry) => entry.session.sessionId);
    metrics.watchCache('sessions', this.cache);
    this.idleTtlMs = config.tokens.idleTtlSeconds * 1000;
    invalidation.subscribe((event) => this.invalidate(event));
  }

  /**
   * The live session behind a token, or null: at once when the cache can tell, else a promise of the
   * database's answer. The token is hashed once either way.
   */
  check(token: string): ValidatedSession | null | Promise<ValidatedSession | null> {
    if (token.length === 0 || token.length > 512) return null;
    const key = sha256Base64(token);
    const hit = this.fromCache(key);
    return hit === undefined ? this.lookup(key) : hit;
  }

  private fromCache(key: string): ValidatedSession | null | undefined {
    const cached = this.cache.get(key);
    if (!cached) return undefined;
    const now = Date.now();
    if (now < cached.accessExpiresMs && now < cached.idleExpiresMs && now < cached.expiresMs) {
      if (now - cached.lastSeenMs > TOUCH_INTERVAL_MS) this.touch(cached, now);
      return cached.session;
    }
    this.cache.delete(key);
    return null;
  }

  private async lookup(key: string): Promise<ValidatedSession | null> {
    const now = Date.now();
    const epoch = this.cache.epoch;
    const rows = await preparedQuery<Row>(this.dataSource, LOOKUP, [Buffer.from(key, 'base64')]);
    const row = rows[0];
    if (!row || !row.live) return null;
    const entry: CacheEntry = {
      session: {
        sessionId: row.id,
        sessionNumber: row.number,
        userId: row.user_id,
        accountId: row.account_id,
        username: row.username,
        permissions: new Set(row.permissions),
        accessExpiresAt: row.access_expires_at,
      },
      signedInByKey: row.signed_in_by_key,
      accessExpiresMs: row.access_expires_at.getTime(),
      idleExpiresMs: row.idle_expires_at.getTime(),
      expiresMs: row.expires_at.getTime(),
      lastSeenMs: row.last_seen_at.getTime(),
      idleTtlMs: row.idle_ttl_seconds === null ? this.idleTtlMs : row.idle_ttl_seconds * 1000,
    };
    if (now - entry.lastSeenMs > TOUCH_INTERVAL_MS) this.touch(entry, now);
    // Cache only if no invalidation arrived while we read: otherwise the row may already be stale.
    this.cache.set(key, entry, epoch);
    return entry.session;
  }

  /** Session, user and account invalidations; an API key's ('c') drops the sessions its private key signed in. */
  private invalidate(event: Invalidation): void {
    switch (event.kind) {
      case '*':
        return this.cache.clear();
      case 's':
        return this.cache.deleteId(event.id);
      case 'u':
        return this.cache.deleteWhere((entry) => entry.session.userId === event.id);
      case 'a':
        return this.cache.deleteWhere((entry) => entry.session.accountId === event.id);
      case 'c':
        return this.cache.deleteWhere((entry) => entry.signedInByKey === event.id);
    }
  }

  /** Slides the idle expiry at most once a minute per session, off the request's path; never revives an expired one (counted out, see session-counts.ts). */
  private touch(entry: CacheEntry, now: number): void {
    entry.lastSeenMs = now;
    entry.idleExpiresMs = Math.min(now + entry.idleTtlMs, entry.expiresMs);
    this.dataSource
      .query(
        `UPDATE sessions SET last_seen_at = now(), idle_expires_at = least(now() + make_interval(secs => $2), expires_at)
          WHERE id = $1 AND revoked_at IS NULL AND idle_expires_at > now()`,
        [entry.session.sessionId, entry.idleTtlMs / 1000],
      )
      .catch((error: Error) => this.logger.warn({ err: error.message }, 'could not record session activity'));
  }
}
