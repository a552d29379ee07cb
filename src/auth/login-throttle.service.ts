import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfigService } from '../config/app-config.service.js';
import { preparedQuery, PreparedStatement } from '../database/prepared-query.js';

/**
 * What an attempt guesses at: the account a login (username or email) names, a known user's password,
 * or an API key's private key.
 */
export type ThrottleTarget = { login: string } | { userId: string } | { apiKeyId: string };

/** An attempt's place in its counters: admitted, or refused by which counter and until when. */
export interface ThrottleAttempt {
  admitted: boolean;
  /** The counter that refused it: the account guessed at (or the API key whose private key is), or the address. */
  refusedBy: 'account' | 'api-key' | 'address' | null;
  limit: number;
  ttlSeconds: number;
  retryAfterSeconds: number;
  /** The rows it counted in, with their windows (a success gives its count back to these windows only). */
  counted: { key: string; windowStart: string }[];
}

/**
 * The attempt is counted in both rows in one statement, before the password is checked: concurrent
 * guesses cannot all pass a check that none has counted yet. The account's key is resolved here, with
 * the login lookup's own predicate (`lower()` on username or email, as UsersService.findByLogin and
 * the unique indexes fold names), so every spelling the database takes for one user counts as that
 * user: `user:<id>`; a name no user has counts as its folded form (hashed, as it may be a mistyped
 * password): `name:<sha256>`. A known user or API key comes as its key ($1). Rows are taken in key order, so two attempts never lock them crosswise.
 * Windows run on the database clock, the same for every instance.
 */
const COUNT: PreparedStatement = {
  name: 'login-throttle.count',
  text: `WITH k(key) AS (
           SELECT 'addr:' || $3::text WHERE $3::text IS NOT NULL
           UNION ALL
           SELECT coalesce($1::text,
                           (SELECT 'user:' || u.id FROM users u WHERE lower(u.username) = lower($2) OR lower(u.email) = lower($2) LIMIT 1),
                           'name:' || encode(sha256(convert_to(lower($2), 'UTF8')), 'hex')))
         INSERT INTO login_throttle AS t (key, window_start, failures)
         SELECT key, now(), 1 FROM k ORDER BY key
         ON CONFLICT (key) DO UPDATE SET
           window_start = CASE WHEN t.window_start <= now() - make_interval(secs => $4) THEN now() ELSE t.window_start END,
           failures = CASE WHEN t.window_start <= now() - make_interval(secs => $4) THEN 1 ELSE t.failures + 1 END
         RETURNING key, failures, window_start::text AS "windowStart",
                   greatest(1, ceil(extract(epoch FROM t.window_start + make_interval(secs => $4) - now())))::int AS "retryAfter"`,
};

/** A success gives its count back, in the windows it was counted in (not in a later one); rows locked in key order. */
const GIVE_BACK: PreparedStatement = {
  name: 'login-throttle.give-back',
  text: `UPDATE login_throttle t SET failures = t.failures - 1
           FROM (SELECT l.key FROM login_throttle l JOIN unnest($1::text[], $2::timestamptz[]) AS c(key, window_start)
                   ON l.key = c.key AND l.window_start = c.window_start
                  WHERE l.failures > 0 ORDER BY l.key FOR UPDATE OF l) mine
          WHERE t.key = mine.key`,
};

const SWEEP_INTERVAL_MS = 10 * 60_000;

/**
 * The login throttle, one for every surface and every instance: at most LOGIN_THROTTLE_LIMIT failed
 * guesses per account being guessed, and LOGIN_THROTTLE_ADDRESS_LIMIT per client address, in each
 * LOGIN_THROTTLE_TTL-second window, counted in Postgres. Every attempt counts when it starts; a
 * successful one gives its count back (`succeeded`), so only failures use up an allowance, and a
 * success does not wipe the failures before it (the owner's own logins would otherwise refill a
 * guesser's allowance). A refused attempt checks no password.
 */
@Injectable()
export class LoginThrottleService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LoginThrottleService.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfigService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_INTERVAL_MS).unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Counts an attempt against what it guesses at and the caller's `address`; says whether it may go on. */
  async attempt(target: ThrottleTarget, address: string | null): Promise<ThrottleAttempt> {
    const ttl = this.config.get('LOGIN_THROTTLE_TTL');
    const login = 'login' in target ? target.login : null;
    // Ids in the canonical lower case Postgres prints them in.
    const key = 'userId' in target ? `user:${target.userId.toLowerCase()}` : 'apiKeyId' in target ? `key:${target.apiKeyId.toLowerCase()}` : null;
    const rows = await preparedQuery<{ key: string; failures: number; windowStart: string; retryAfter: number }>(this.dataSource, COUNT, [
      key,
      login,
      address,
      ttl,
    ]);
    const counted = rows.map(({ key, windowStart }) => ({ key, windowStart }));
    for (const row of rows) {
      const refusedBy = row.key.startsWith('addr:') ? 'address' : row.key.startsWith('key:') ? 'api-key' : 'account';
      const limit = this.config.get(refusedBy === 'address' ? 'LOGIN_THROTTLE_ADDRESS_LIMIT' : 'LOGIN_THROTTLE_LIMIT');
      if (row.failures > limit) return { admitted: false, refusedBy, limit, ttlSeconds: ttl, retryAfterSeconds: row.retryAfter, counted };
    }
    return { admitted: true, refusedBy: null, limit: this.config.get('LOGIN_THROTTLE_LIMIT'), ttlSeconds: ttl, retryAfterSeconds: 0, counted };
  }

  /** The attempt succeeded: it gives back what it counted. A failure to do so only leaves it counted. */
  async succeeded(attempt: ThrottleAttempt): Promise<void> {
    if (attempt.counted.length === 0) return;
    await preparedQuery(this.dataSource, GIVE_BACK, [attempt.counted.map((c) => c.key), attempt.counted.map((c) => c.windowStart)]).catch((error: Error) =>
      this.logger.warn({ err: error.message }, 'could not give back a successful login attempt'),
    );
  }

  private async sweep(): Promise<void> {
    await this.dataSource
      // SKIP LOCKED: the sweep never waits on a row an attempt holds, so the two cannot deadlock.
      .query(
        `DELETE FROM login_throttle WHERE key IN (
           SELECT key FROM login_throttle WHERE window_start < now() - make_interval(secs => $1) FOR UPDATE SKIP LOCKED)`,
        [this.config.get('LOGIN_THROTTLE_TTL')],
      )
      .catch((error: Error) => this.logger.warn({ err: error.message }, 'could not sweep expired login counters'));
  }
}
