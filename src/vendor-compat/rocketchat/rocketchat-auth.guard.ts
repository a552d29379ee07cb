import { applyDecorators, Injectable, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AuthService } from '../../auth/auth.service.js';
import { ActorGuard } from '../../auth/guards/auth.guards.js';
import { Actor } from '../../common/actor.js';
import { DomainException, ErrorCode } from '../../common/error-codes.js';
import { whenReady } from '../../common/maybe-async.js';
import { headerValue, requestContextOf } from '../../common/request-context.js';
import { RocketChatUnauthorizedDto } from './dto/rocketchat.dto.js';

/** `X-Auth-Token` + `X-User-Id`: both must name one live session (the token valid AND owned by that user). */
@Injectable()
export class RocketChatAuthGuard extends ActorGuard {
  constructor(private readonly auth: AuthService) {
    super();
  }

  protected actorOf(request: FastifyRequest): Actor | Promise<Actor> {
    const token = headerValue(request, 'x-auth-token');
    const userId = headerValue(request, 'x-user-id');
    if (!token || !userId) throw new DomainException(ErrorCode.UNAUTHENTICATED, 'X-Auth-Token and X-User-Id are required');
    return whenReady(this.auth.resolve(token, requestContextOf(request, 'rocketchat')), (actor) => {
      // Same answer as a bad token: a mismatch must not reveal that the token itself is live.
      if (actor.userId?.toLowerCase() !== userId.toLowerCase()) throw new DomainException(ErrorCode.UNAUTHENTICATED, 'X-User-Id does not own this token');
      return actor;
    });
  }
}

/** Authentication and its Swagger description in one, so they can't drift apart. */
export function RocketChatAuthenticated() {
  return applyDecorators(
    UseGuards(RocketChatAuthGuard),
    ApiSecurity({ 'rocketchat-token': [], 'rocketchat-user': [] }),
    ApiHeader({ name: 'X-Auth-Token', required: true, description: 'The authenticated user token.' }),
    ApiHeader({ name: 'X-User-Id', required: true, description: 'The authenticated user ID.' }),
    ApiUnauthorizedResponse({ type: RocketChatUnauthorizedDto, description: 'Unauthorized' }),
  );
}
