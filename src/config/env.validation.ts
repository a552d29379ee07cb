import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBase64,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
  validateSync,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);
const TRUE_WORDS = ['1', 'true', 'yes', 'on'];
const FALSE_WORDS = ['0', 'false', 'no', 'off'];
/** A boolean from its text; any other word is kept as text, so @IsBoolean refuses it instead of reading it as false. */
/** The defaults, for a boolean given as an empty value (`KEY=` in a .env keeps the default, as if unset). */
let defaults: EnvironmentVariables | undefined;
const toBool = ({ value, key }: { value: unknown; key: string }) => {
  if (value === '') return (defaults ??= new EnvironmentVariables())[key as keyof EnvironmentVariables];
  if (value === undefined || typeof value === 'boolean') return value;
  const word = String(value).trim().toLowerCase();
  if (TRUE_WORDS.includes(word)) return true;
  if (FALSE_WORDS.includes(word)) return false;
  return value;
};
const BOOLEAN = { message: ({ property }: { property: string }) => `${property} must be one of ${[...TRUE_WORDS, ...FALSE_WORDS].join(', ')}` };
/** Only this machine can reach a listener bound here. */
export const isLoopbackHost = (host: string): boolean => host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);

/** Every environment variable the service reads; `.env.example` lists the same keys. */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test']) @IsOptional()
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** Postgres connection string; when absent the embedded Postgres under DATA_DIR is used. */
  @Transform(emptyToUndefined) @IsOptional() @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  /**
   * The schema owner's connection string, for migrations (and the grants and retention policy that follow them);
   * DATABASE_URL is then a role of the service's own. Absent: DATABASE_URL does both (the service warns).
   */
  @Transform(emptyToUndefined) @IsOptional() @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_OWNER_URL must be a postgres:// URL' })
  DATABASE_OWNER_URL?: string;

  @IsString()
  DATA_DIR = './data';

  /** Port of the embedded Postgres; 0 picks a free one at every start. */
  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  EMBEDDED_PG_PORT = 0;

  @Transform(toInt) @IsInt() @Min(1) @Max(200)
  DATABASE_POOL_SIZE = 10;

  @Transform(emptyToUndefined) @IsOptional() @IsString() @MinLength(3)
  BOOTSTRAP_ADMIN_USERNAME?: string;

  @Transform(emptyToUndefined) @IsOptional() @IsString() @MinLength(12, { message: 'BOOTSTRAP_ADMIN_PASSWORD must be at least 12 characters' })
  BOOTSTRAP_ADMIN_PASSWORD?: string;

  @Transform(emptyToUndefined) @IsOptional() @IsString()
  BOOTSTRAP_ADMIN_EMAIL?: string;

  @IsString()
  DEFAULT_ACCOUNT_NAME = 'default';

  /** Lifetime of an access token, seconds. */
  @Transform(toInt) @IsInt() @Min(30)
  ACCESS_TOKEN_TTL = 3600;

  /** Lifetime of a refresh token (and the absolute lifetime of a session), seconds. */
  @Transform(toInt) @IsInt() @Min(60)
  SESSION_ABSOLUTE_TTL = 30 * 24 * 3600;

  /** A session unused this long (seconds) ends. */
  @Transform(toInt) @IsInt() @Min(60)
  SESSION_IDLE_TTL = 7 * 24 * 3600;

  /** How often the sessions that reached their idle or absolute expiry are recorded as policy logouts (ms; 0 = never). */
  @Transform(toInt) @IsInt() @Min(0) @Max(3_600_000)
  SESSION_EXPIRY_SWEEP_INTERVAL_MS = 30_000;

  /** 32-byte key (base64) that encrypts recoverable secrets (SigV4 secret keys) at rest. Generated into DATA_DIR when absent outside production. */
  @Transform(emptyToUndefined) @IsOptional() @IsBase64()
  SECRETS_ENCRYPTION_KEY?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Failed logins allowed per account being guessed (every surface, every instance) in each LOGIN_THROTTLE_TTL-second window. */
  @Transform(toInt) @IsInt() @Min(1)
  LOGIN_THROTTLE_LIMIT = 10;

  /** Failed logins allowed per client address (whatever the accounts named) in each window. */
  @Transform(toInt) @IsInt() @Min(1)
  LOGIN_THROTTLE_ADDRESS_LIMIT = 100;

  /** The login throttle's window, seconds. */
  @Transform(toInt) @IsInt() @Min(1)
  LOGIN_THROTTLE_TTL = 60;

  /** argon2id memory cost (KiB) and iterations for new password hashes. */
  @Transform(toInt) @IsInt() @Min(1024)
  ARGON2_MEMORY_KIB = 19456;

  @Transform(toInt) @IsInt() @Min(1)
  ARGON2_ITERATIONS = 2;

  /** Most validated tokens kept in the in-process cache (0 turns it off); sized for the 128 MB heap cap. */
  @Transform(toInt) @IsInt() @Min(0)
  VALIDATION_CACHE_SIZE = 50_000;

  /**
   * How long an instance trusts its validation cache after its last proof (a heartbeat through its
   * invalidation channel) that it hears every revocation; also the longest a revocation waits for an
   * instance that does not acknowledge it. Milliseconds.
   */
  @Transform(toInt) @IsInt() @Min(50) @Max(60_000)
  INVALIDATION_LEASE_MS = 500;

  /** How often a consumer's invalidation stream gets a heartbeat (while this instance's lease is fresh), ms. */
  @Transform(toInt) @IsInt() @Min(20) @Max(60_000)
  INVALIDATION_STREAM_HEARTBEAT_MS = 250;

  /** How long invalidations are kept for consumers' streams to resume after a reconnect, seconds. */
  @Transform(toInt) @IsInt() @Min(10) @Max(86_400)
  INVALIDATION_REPLAY_WINDOW_S = 600;

  /** Audit events older than this many days are dropped by the retention job (0 keeps them forever). */
  @Transform(toInt) @IsInt() @Min(0)
  AUDIT_RETENTION_DAYS = 400;

  /** Longest any one audit read statement (list, export batch, summary, verify batch) may run before it is cancelled (503). */
  @Transform(toInt) @IsInt() @Min(1) @Max(600_000)
  AUDIT_QUERY_TIMEOUT_MS = 5000;

  /** A chain gets a signed checkpoint once this many events were added to it since its last one (0: not by count). */
  @Transform(toInt) @IsInt() @Min(0)
  AUDIT_CHECKPOINT_EVERY_EVENTS = 1000;

  /** A chain with events added since its last checkpoint gets one at least this often, seconds (0: not by time). */
  @Transform(toInt) @IsInt() @Min(0)
  AUDIT_CHECKPOINT_INTERVAL_SECONDS = 300;

  /** How often the checkpoint job looks for chains due a checkpoint, milliseconds. */
  @Transform(toInt) @IsInt() @Min(100) @Max(3_600_000)
  AUDIT_CHECKPOINT_CHECK_MS = 5000;

  /** Directory sink: every checkpoint is written there as a file of its own (created once, never rewritten). */
  @Transform(emptyToUndefined) @IsOptional() @IsString()
  AUDIT_CHECKPOINT_DIR?: string;

  /** HTTP sink: every checkpoint is POSTed there as JSON through the outbox (retried until delivered). */
  @Transform(emptyToUndefined) @IsOptional() @Matches(/^https?:\/\/[^#]+$/, { message: 'AUDIT_CHECKPOINT_URL must be an http(s) URL without fragment' })
  AUDIT_CHECKPOINT_URL?: string;

  /** Authorization header value sent to the HTTP sink (a secret: never logged). */
  @Transform(emptyToUndefined) @IsOptional() @IsString()
  AUDIT_CHECKPOINT_AUTHORIZATION?: string;

  @Transform(toBool) @IsBoolean(BOOLEAN)
  SWAGGER_ENABLED = true;

  /** Serve Prometheus metrics at GET /metrics on a listener of its own (METRICS_HOST:METRICS_PORT). */
  @Transform(toBool) @IsBoolean(BOOLEAN)
  METRICS_ENABLED = true;

  /** Address of the metrics listener; loopback by default, so only this machine can scrape. */
  @IsString()
  METRICS_HOST = '127.0.0.1';

  /** Port of the metrics listener (0 picks a free one). */
  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  METRICS_PORT = 9464;

  /** Bearer token a scrape must send; required when METRICS_HOST is not a loopback address. */
  @Transform(emptyToUndefined)
  @ValidateIf((env: EnvironmentVariables) => env.METRICS_TOKEN !== undefined || (env.METRICS_ENABLED && !isLoopbackHost(env.METRICS_HOST)))
  @IsString()
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters, and is required when METRICS_HOST is not a loopback address' })
  METRICS_TOKEN?: string;

  /** Trust X-Forwarded-For from a reverse proxy for client addresses (sessions, audit, throttling). */
  @Transform(toBool) @IsBoolean(BOOLEAN)
  TRUST_PROXY = false;

  /** Refuse a SigV4 request (Chime surface) whose signature was already accepted within the skew window (a replay), on every instance. */
  @Transform(toBool) @IsBoolean(BOOLEAN)
  CHIME_REPLAY_PROTECTION = true;

  /** The issuer of every signed event (SETs, logout tokens) and the base of the SSF metadata URLs; defaults to http://localhost:PORT. */
  @Transform(emptyToUndefined) @IsOptional() @Matches(/^https?:\/\/[^?#]+$/, { message: 'ISSUER_URL must be an http(s) URL without query or fragment' })
  ISSUER_URL?: string;

  /** Run the outbox dispatcher on this instance (every instance may: they never send a row twice). */
  @Transform(toBool) @IsBoolean(BOOLEAN)
  DELIVERY_ENABLED = true;

  /** How often the dispatcher looks for due rows when nothing woke it, milliseconds. */
  @Transform(toInt) @IsInt() @Min(10) @Max(60_000)
  DELIVERY_POLL_INTERVAL_MS = 250;

  /**
   * Deliveries in flight per instance (each holds one connection of the dispatcher's own pool). At most
   * half of them (at least one) retry destinations that failed before, so receivers that are down or
   * hang never hold every worker while others wait.
   */
  @Transform(toInt) @IsInt() @Min(1) @Max(64)
  DELIVERY_CONCURRENCY = 4;

  /** A receiver that has not answered in this long has failed this attempt, milliseconds. */
  @Transform(toInt) @IsInt() @Min(100) @Max(120_000)
  DELIVERY_TIMEOUT_MS = 5000;

  /** First retry delay; each retry doubles it (with jitter) up to DELIVERY_RETRY_MAX_MS. Milliseconds. */
  @Transform(toInt) @IsInt() @Min(10)
  DELIVERY_RETRY_BASE_MS = 1000;

  @Transform(toInt) @IsInt() @Min(10)
  DELIVERY_RETRY_MAX_MS = 300_000;

  /** An event not delivered this long after it was written is dead (visible, audited), seconds. */
  @Transform(toInt) @IsInt() @Min(1)
  DELIVERY_MAX_AGE_SECONDS = 3 * 24 * 3600;

  /**
   * Longest an instance uses the audit streams it read for an account before reading them again,
   * milliseconds: a stream change reaches every instance at its commit (NOTIFY), and this bounds how
   * stale a cache can be on an instance whose notifications are stuck. 0 reads them for every event.
   */
  @Transform(toInt) @IsInt() @Min(0) @Max(60_000)
  AUDIT_STREAMS_CACHE_MS = 1000;

  /**
   * An audit stream's oldest unsent event waits this long before it is sent, milliseconds, so the
   * events written meanwhile go with it in one batch (a busy stream sends a few large batches a second,
   * not one per event); events written on another instance wait for a poll too. 0 sends at once.
   */
  @Transform(toInt) @IsInt() @Min(0) @Max(10_000)
  AUDIT_STREAM_LINGER_MS = 200;

  /**
   * Delivered and dead outbox rows written longer ago than this are deleted by the hourly retention
   * job, seconds (0 keeps them forever). Their audit event then says `deliveriesPruned`; a dead
   * delivery stays in the audit trail as its `delivery.failed` event.
   */
  @Transform(toInt) @IsInt() @Min(0)
  DELIVERY_RETENTION_SECONDS = 30 * 24 * 3600;

  /**
   * Longest an RFC 8936 poll without returnImmediately waits for an event before answering empty
   * (long polling; woken at the commit of an event for the stream, on any instance), milliseconds.
   * 0 answers every poll at once.
   */
  @Transform(toInt) @IsInt() @Min(0) @Max(120_000)
  SSF_POLL_MAX_WAIT_MS = 25_000;

  /** Allow http:// receiver URLs (tests, local development). */
  @Transform(toBool) @IsBoolean(BOOLEAN)
  RECEIVERS_ALLOW_INSECURE = false;

  /** Allow receiver URLs that resolve to loopback, private or link-local addresses. */
  @Transform(toBool) @IsBoolean(BOOLEAN)
  RECEIVERS_ALLOW_PRIVATE = false;

  // Mount points of the vendor dialects; an empty value mounts one at the root.
  @IsString() COMPAT_ROCKETCHAT_PREFIX = '/compat/rocketchat';
  @IsString() COMPAT_UBERALL_PREFIX = '/compat/uberall';
  @IsString() COMPAT_ZAP_PREFIX = '/compat/zap';
  @IsString() COMPAT_RAS_PREFIX = '/compat/ras';
  @IsString() COMPAT_CHIME_PREFIX = '/compat/chime';
}

/** Validates process.env; the service refuses to start and lists every bad key. */
export function validateEnvironment(raw: Record<string, unknown>): EnvironmentVariables {
  const env = plainToInstance(EnvironmentVariables, raw, { enableImplicitConversion: false, exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    // One message per key: the first of its broken rules as written ("abc" is not an integer, rather than
    // also out of range). class-validator runs a property's decorators bottom-up, so that is the last one.
    const lines = errors.map((e) => `  - ${e.property}: ${Object.values(e.constraints ?? {}).at(-1)}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return env;
}
