import type { Validation } from './types.js';

interface Entry {
  answer: Validation;
  sessionId: string;
  userId: string;
  expiresMs: number;
}

/**
 * Validated tokens by the SHA-256 of the token (the token itself is never kept), with indexes by
 * session and user so an invalidation drops exactly what it names. Bounded: the oldest entry makes
 * room (a Map keeps insertion order).
 */
export class ValidationCache {
  private readonly entries = new Map<string, Entry>();
  private readonly bySession = new Map<string, string>();
  private readonly byUser = new Map<string, Set<string>>();

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string, nowMs: number): Validation | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresMs <= nowMs) {
      this.delete(key);
      return undefined;
    }
    return entry.answer;
  }

  set(key: string, answer: Validation): void {
    if (this.capacity <= 0 || !answer.active) return;
    if (this.entries.has(key)) this.delete(key);
    if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.delete(oldest);
    }
    this.entries.set(key, { answer, sessionId: answer.sessionId, userId: answer.userId, expiresMs: answer.expiresAt.getTime() });
    this.bySession.set(answer.sessionId, key);
    let keys = this.byUser.get(answer.userId);
    if (!keys) this.byUser.set(answer.userId, (keys = new Set()));
    keys.add(key);
  }

  dropSession(sessionId: string): void {
    const key = this.bySession.get(sessionId);
    if (key !== undefined) this.delete(key);
  }

  dropUser(userId: string): void {
    for (const key of [...(this.byUser.get(userId) ?? [])]) this.delete(key);
  }

  clear(): void {
    this.entries.clear();
    this.bySession.clear();
    this.byUser.clear();
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    if (this.bySession.get(entry.sessionId) === key) this.bySession.delete(entry.sessionId);
    const keys = this.byUser.get(entry.userId);
    keys?.delete(key);
    if (keys?.size === 0) this.byUser.delete(entry.userId);
  }
}
