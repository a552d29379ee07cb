import { applyDecorators, Injectable, UseGuards } from '@nestjs/common';
import { ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiKeysService, ClientActor } from '../../api-keys/api-keys.service.js';
import { AuthService } from '../../auth/auth.service.js';
import { ActorGuard } from '../../auth/guards/auth.guards.js';
import { DomainException, ErrorCode } from '../../common/error-codes.js';
import { whenReady } from '../../common/maybe-async.js';
import { headerValue, requestContextOf } from '../../common/request-context.js';
import { UberallErrorDto } from './dto/uberall.dto.js';

/** Who calls an Uberall route: an Actor plus the redirect URL of the client application's API key. */
export type UberallCaller = ClientActor;

/** The client application's key from X-API-KEY → the client Actor (every Uberall call carries it). */
function clientOf(apiKeys: ApiKeysService, request: FastifyRequest): UberallCaller | Promise<UberallCaller> {
  const key = headerValue(request, 'x-api-key');
  if (!key) throw new DomainException(ErrorCode.INVALID_CLIENT, 'X-API-KEY is required');
  return apiKeys.resolve(key, requestContextOf(request, 'uberall'));
}

/** The user's access token: `Authorization: Bearer <t>`, a bare `Authorization: <t>`, or legacy `accessToken: <t>`. */
function uberallAccessToken(request: FastifyRequest): string | null {
  const auth = headerValue(request, 'authorization');
  if (auth) {
    const bearer = /^Bearer\s+(\S+)$/i.exec(auth);
    if (bearer) return bearer[1];
    return /^\S+$/.test(auth) ? auth : null;
  }
  return headerValue(request, 'accesstoken');
}

/** X-API-KEY only (`POST /users/login`). */
@Injectable()
export class UberallClientGuard extends ActorGuard {
  constructor(private readonly apiKeys: ApiKeysService) {
    super();
  }

  protected actorOf(request: FastifyRequest): UberallCaller | Promise<UberallCaller> {
    return clientOf(this.apiKeys, request);
  }
}

/** X-API-KEY AND the user's access token, both of the same account → the user's Actor. */
@Injectable()
export class UberallUserGuard extends ActorGuard {
  constructor(
    private readonly apiKeys: ApiKeysService,
    private readonly auth: AuthService,
  ) {
    super();
  }

  protected actorOf(request: FastifyRequest): UberallCaller | Promise<UberallCaller> {
    return whenReady(clientOf(this.apiKeys, request), (client) => {
      const token = uberallAccessToken(request);
      if (!token) throw new DomainException(ErrorCode.UNAUTHENTICATED, 'An access token is required (Authorization or accessToken header)');
      // Only a token of the key's account (another account's answers 401 BAD_ACCESS_TOKEN, like an invalid one).
      return whenReady(this.auth.resolve(token, requestContextOf(request, 'uberall'), client.accountId), (user) => ({ ...user, redirectUrl: client.redirectUrl }));
    });
  }
}

/** X-API-KEY only (the login), with its Swagger description. */
export function UberallClientAuthenticated() {
  return applyDecorators(
    UseGuards(UberallClientGuard),
    ApiSecurity('uberall-api-key'),
    ApiUnauthorizedResponse({
      type: UberallErrorDto,
      description: 'BAD_PUBLIC_KEY: missing or unknown X-API-KEY; BAD_PRIVATE_KEY: wrong private_key, or a key without one; NOT_AUTHORIZED: wrong credentials',
    }),
  );
}

/** X-API-KEY and the user's access token (same account), with their Swagger description. */
export function UberallAuthenticated() {
  return applyDecorators(
    UseGuards(UberallUserGuard),
    ApiSecurity({ 'uberall-api-key': [], 'uberall-token': [] }),
    ApiUnauthorizedResponse({ type: UberallErrorDto, description: 'BAD_PUBLIC_KEY: missing or unknown X-API-KEY; BAD_ACCESS_TOKEN: missing, invalid, revoked or foreign token' }),
  );
}
