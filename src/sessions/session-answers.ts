import type { ValidatedSession } from './token-validator.service.js';

/**
 * JSON answers derived from a validated session alone (and, for introspection, from the client asking).
 * The session object is one per cache entry and never changes while it is cached, so an answer is
 * serialized once, not on every "is this token still good?", and goes away with the entry. One answer
 * is kept per session: another `variant` (another client) replaces it.
 */
export class SessionAnswers {
  private readonly answers = new WeakMap<ValidatedSession, { variant: string; json: string }>();

  json(session: ValidatedSession, variant: string, build: () => unknown): string {
    const known = this.answers.get(session);
    if (known && known.variant === variant) return known.json;
    const json = JSON.stringify(build());
    this.answers.set(session, { variant, json });
    return json;
  }
}
