import { SessionInvalidationService } from './session-invalidation.service.js';

/**
 * An in-process cache of what the database decides about a credential (a session token, an API key),
 * kept honest by the pushed invalidations: it is not read while the invalidation channel is down
 * (fail closed), a value read from the database is not kept if an invalidation arrived while it was
 * read, and an invalidation removes entries by the id it names. Keyed by the credential's hash.
 */
export class InvalidatedCache<V> {
  private readonly entries = new Map<string, V>();
  private readonly keyById = new Map<string, string>();
  /** Lookups answered from the cache, not found in it, and skipped while it could not be trusted (no fresh lease): metrics. */
  hits = 0;
  misses = 0;
  bypassed = 0;

  constructor(
    private readonly invalidation: SessionInvalidationService,
    private readonly capacity: number,
    private readonly idOf: (value: V) => string,
  ) {}

  /** Note it before reading the database; hand it to `set` with what was read. */
  get epoch(): number {
    return this.invalidation.epoch;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    if (!this.invalidation.ready) {
      this.bypassed++;
      return undefined;
    }
    const value = this.entries.get(key);
    if (value === undefined) this.misses++;
    else this.hits++;
    return value;
  }

  /** Keeps a value read since `epoch` unless an invalidation came meanwhile; the oldest entry makes room. */
  set(key: string, value: V, epoch: number): void {
    if (this.capacity <= 0 || !this.invalidation.ready || this.invalidation.epoch !== epoch) return;
    if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.delete(oldest);
    }
    this.entries.set(key, value);
    this.keyById.set(this.idOf(value), key);
  }

  delete(key: string): void {
    const value = this.entries.get(key);
    if (value === undefined) return;
    this.entries.delete(key);
    this.keyById.delete(this.idOf(value));
  }

  deleteId(id: string): void {
    const key = this.keyById.get(id);
    if (key !== undefined) this.delete(key);
  }

  deleteWhere(matches: (value: V) => boolean): void {
    for (const [key, value] of this.entries) if (matches(value)) this.delete(key);
  }

  clear(): void {
    this.entries.clear();
    this.keyById.clear();
  }
}
