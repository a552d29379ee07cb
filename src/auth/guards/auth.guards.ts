import { CanActivate, ExecutionContext, Injectable, mixin, Type } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Actor } from '../../common/actor.js';
import { DomainException, ErrorCode } from '../../common/error-codes.js';
import { whenReady } from '../../common/maybe-async.js';
import { requestContextOf } from '../../common/request-context.js';
import { Surface } from '../../common/surface.js';
import { Permission } from '../../permissions/permissions.js';
import { DeniedAction, PermissionsService } from '../../permissions/permissions.service.js';
import { ApiKeysService } from '../../api-keys/api-keys.service.js';
import { AuthService } from '../auth.service.js';

export const REQUIRED_PERMISSION = 'requiredPermission';
/** What a refusal by PermissionGuard is recorded as (see DeniedAction); auth.permission_denied unless set. */
export const DENIED_AS = 'deniedAs';

/** The token of an `Authorization: Bearer <token>` header; throws UNAUTHENTICATED without one. */
function bearerTokenOf(request: FastifyRequest): string {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) throw new DomainException(ErrorCode.UNAUTHENTICATED, 'Authorization: Bearer <token> is required');
  return match[1];
}

/** Passport's guard, but failures stay DomainExceptions so every dialect can answer them. */
export function domainAuthGuard(strategy: string) {
  return class extends AuthGuard(strategy) {
    handleRequest<T>(error: unknown, user: T): T {
      if (error) throw error;
      if (!user) throw new DomainException(ErrorCode.UNAUTHENTICATED, 'Authentication required');
      return user;
    }
  };
}

/**
 * The guard of every surface whose credential the service checks itself: it turns the request into
 * its Actor (`request.user`). A credential the validation caches hold is answered without a promise,
 * so a cached token costs no tick of the event loop; a cache miss waits on the database.
 */
export abstract class ActorGuard implements CanActivate {
  protected abstract actorOf(request: FastifyRequest): Actor | Promise<Actor>;

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: Actor }>();
    return whenReady(this.actorOf(request), (actor) => {
      request.user = actor;
      return true;
    });
  }
}

/**
 * A session token → Actor, recorded as coming through `surface`; the token is read by `tokenOf`
 * (`Authorization: Bearer <access token>` unless the surface says otherwise), which throws when there
 * is none. Not a Passport strategy: it sits in front of every native endpoint (and ZAP's and RAS's),
 * and a token the validation cache holds is answered without a promise.
 */
export function sessionAuthGuard(surface: Surface, tokenOf: (request: FastifyRequest) => string = bearerTokenOf): Type<CanActivate> {
  @Injectable()
  class SessionAuthGuard extends ActorGuard {
    constructor(private readonly auth: AuthService) {
      super();
    }

    protected actorOf(request: FastifyRequest): Actor | Promise<Actor> {
      return this.auth.resolve(tokenOf(request), requestContextOf(request, surface));
    }
  }
  return mixin(SessionAuthGuard);
}

@Injectable()
export class BearerAuthGuard extends sessionAuthGuard('native') {}

/**
 * A client application's API key: `X-API-Key: <key>`, `Authorization: Bearer <key>`, or HTTP Basic
 * with the key as password (RFC 7662/7009 client authentication).
 */
function apiKeyFrom(request: FastifyRequest): string | null {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string' && header) return header.trim();
  const auth = request.headers.authorization;
  if (typeof auth !== 'string') return null;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(auth);
  if (bearer) return bearer[1];
  const basic = /^Basic\s+(\S+)\s*$/i.exec(auth);
  if (!basic) return null;
  const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon >= 0 ? decoded.slice(colon + 1) : null;
}

/** A client application's API key → client Actor; a cached key is answered without a promise. */
@Injectable()
export class ClientAuthGuard extends ActorGuard {
  constructor(private readonly apiKeys: ApiKeysService) {
    super();
  }

  protected actorOf(request: FastifyRequest): Actor | Promise<Actor> {
    const key = apiKeyFrom(request);
    if (!key) throw new DomainException(ErrorCode.INVALID_CLIENT, 'Client authentication required (X-API-Key, Bearer or Basic)');
    return this.apiKeys.resolve(key, requestContextOf(request));
  }
}

/** Enforces the permission named by @Authenticated (refusals audited by PermissionsService). */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly permissions: PermissionsService,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, [context.getHandler(), context.getClass()]);
    if (!permission) return true;
    const request = context.switchToHttp().getRequest<{ user?: Actor; method: string; url: string }>();
    if (!request.user) throw new DomainException(ErrorCode.UNAUTHENTICATED, 'Authentication required');
    // Held: answered without a promise. Refused: audited by require, which then throws.
    if (this.permissions.has(request.user, permission)) return true;
    const as = this.reflector.getAllAndOverride<DeniedAction | undefined>(DENIED_AS, [context.getHandler(), context.getClass()]);
    return this.permissions.require(request.user, permission, `${request.method} ${request.url.split('?')[0]}`, null, as).then(() => true);
  }
}
