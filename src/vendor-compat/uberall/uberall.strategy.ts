import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-custom';
import { ApiKeysService } from '../../api-keys/api-keys.service.js';
import { AuthService } from '../../auth/auth.service.js';
import { Actor } from '../../common/actor.js';
import { DomainException, ErrorCode } from '../../common/error-codes.js';
import { headerValue, requestContextOf } from '../../common/request-context.js';

/** Who calls an Uberall route: an Actor plus the redirect URL of the client application's API key. */
export type UberallCaller = Actor & { redirectUrl: string | null };

/** The client application's key from X-API-KEY → the client Actor (every Uberall call carries it). */
async function clientOf(apiKeys: ApiKeysService, request: FastifyRequest): Promise<UberallCaller> {
  const key = headerValue(request, 'x-api-key');
  if (!key) throw new DomainException(ErrorCode.INVALID_CLIENT, 'X-API-KEY is required');
  return apiKeys.authenticate(key, requestContextOf(request, 'uberall'));
}

/** The user's access token: `Authorization: Bearer <t>`, a bare `Authorization: <t>`, or legacy `accessToken: <t>`. */
export function uberallAccessToken(request: FastifyRequest): string | null {
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
export class UberallClientStrategy extends PassportStrategy(Strategy, 'uberall-client') {
  constructor(private readonly apiKeys: ApiKeysService) {
    super();
  }

  validate(request: FastifyRequest): Promise<UberallCaller> {
    return clientOf(this.apiKeys, request);
  }
}

/** X-API-KEY AND the user's access token, both of the same account → the user's Actor. */
@Injectable()
export class UberallUserStrategy extends PassportStrategy(Strategy, 'uberall') {
  constructor(
    private readonly apiKeys: ApiKeysService,
    private readonly auth: AuthService,
  ) {
    super();
  }

  async validate(request: FastifyRequest): Promise<UberallCaller> {
    const client = await clientOf(this.apiKeys, request);
    const token = uberallAccessToken(request);
    if (!token) throw new DomainException(ErrorCode.UNAUTHENTICATED, 'An access token is required (Authorization or accessToken header)');
    // Only a token of the key's account (another account's answers 401 BAD_ACCESS_TOKEN, like an invalid one).
    const user = await this.auth.authenticate(token, requestContextOf(request, 'uberall'), client.accountId);
    return { ...user, redirectUrl: client.redirectUrl };
  }
}
