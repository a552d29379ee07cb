/** A live token: the same facts as the service's introspection (`POST /v1/oauth/introspect`). */
export interface ActiveValidation {
  active: true;
  userId: string;
  username: string;
  accountId: string;
  sessionId: string;
  permissions: readonly string[];
  expiresAt: Date;
}

/**
 * A token to refuse: `inactive` (unknown, expired, revoked, or of another account) or `unavailable`
 * (neither a trusted cache nor the service could answer: the client fails closed).
 */
export interface InactiveValidation {
  active: false;
  reason: 'inactive' | 'unavailable';
}

export type Validation = ActiveValidation | InactiveValidation;

export interface SessionClientOptions {
  /** Where the session service answers, e.g. `http://sessions.internal:3000`. */
  baseUrl: string;
  /** An API key of the account (`POST /v1/api-keys`): introspection and the invalidation stream. */
  apiKey: string;
  /**
   * The cache is trusted only while the newest proof the stream brought (a heartbeat) is younger
   * than this, ms. Keep it at or under the service's INVALIDATION_LEASE_MS (500).
   */
  leaseMs?: number;
  /** Most validated tokens kept (0: no cache, every validation over HTTP). */
  cacheSize?: number;
  /** Timeout of an introspection request, ms. */
  requestTimeoutMs?: number;
  /** A stream with no heartbeat this long is dropped and opened again (perhaps on another instance), ms. */
  staleStreamMs?: number;
}
