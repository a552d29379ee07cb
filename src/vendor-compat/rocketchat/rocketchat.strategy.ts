import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-custom';
import { AuthService } from '../../auth/auth.service.js';
import { Actor } from '../../common/actor.js';
import { DomainException, ErrorCode } from '../../common/error-codes.js';
import { headerValue, requestContextOf } from '../../common/request-context.js';

/** `X-Auth-Token` + `X-User-Id`: both must name one live session (the token valid AND owned by that user). */
@Injectable()
export class RocketChatStrategy extends PassportStrategy(Strategy, 'rocketchat') {
  constructor(private readonly auth: AuthService) {
    super();
  }

  async validate(request: FastifyRequest): Promise<Actor> {
    const token = headerValue(request, 'x-auth-token');
    const userId = headerValue(request, 'x-user-id');
    if (!token || !userId) throw new DomainException(ErrorCode.UNAUTHENTICATED, 'X-Auth-Token and X-User-Id are required');
    const actor = await this.auth.authenticate(token, requestContextOf(request, 'rocketchat'));
    // Same answer as a bad token: a mismatch must not reveal that the token itself is live.
    if (actor.userId?.toLowerCase() !== userId.toLowerCase()) throw new DomainException(ErrorCode.UNAUTHENTICATED, 'X-User-Id does not own this token');
    return actor;
  }
}
