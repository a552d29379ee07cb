import { Injectable } from '@nestjs/common';
import { DomainException } from './error-codes.js';
import { Surface } from './surface.js';

/** What a dialect reads of the request it answers: a Fastify request, or a raw connection's (client-error.handler.ts). */
export interface ErrorRequest {
  readonly id: string;
  readonly url: string;
}

/** What a dialect writes: a status, headers and a body (a Fastify reply, or a raw connection's). */
export interface ErrorReply {
  readonly sent: boolean;
  status(code: number): ErrorReply;
  header(name: string, value: string): ErrorReply;
  send(payload: unknown): unknown;
}

/** How one surface writes an error: each dialect maps every ErrorCode with an exhaustive switch. */
export interface ErrorDialect {
  readonly surface: Surface;
  /** True when the request path belongs to this surface (checked before the native default). */
  matches(path: string): boolean;
  send(error: DomainException, request: ErrorRequest, reply: ErrorReply): void;
}

/**
 * Surfaces register their dialect here; the one global exception filter picks the dialect by path,
 * so even failures before a controller runs (unknown route, malformed JSON, body too large) are
 * answered in the dialect of the surface the client called.
 */
@Injectable()
export class ErrorDialectRegistry {
  private readonly dialects: ErrorDialect[] = [];

  register(dialect: ErrorDialect): void {
    this.dialects.push(dialect);
  }

  find(path: string): ErrorDialect | undefined {
    return this.dialects.find((d) => d.matches(path));
  }

  surfaceOf(path: string): Surface {
    return this.find(path)?.surface ?? 'native';
  }
}

/**
 * Which paths a surface answers errors for: everything under its prefix; mounted at the root (empty
 * prefix), only its own routes (`ownRoutes`, lower-case), so the native API's errors stay native.
 * Case-insensitive, like the router.
 */
export function surfaceMatcher(prefix: string, ownRoutes: RegExp): (path: string) => boolean {
  const base = prefix.replace(/\/+$/, '').toLowerCase();
  return (url: string) => {
    const path = url.split('?', 1)[0].toLowerCase();
    return base ? path === base || path.startsWith(`${base}/`) : ownRoutes.test(path);
  };
}
