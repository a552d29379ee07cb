import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AuthService } from '../../auth/auth.service.js';
import { ActorGuard } from '../../auth/guards/auth.guards.js';
import { Actor } from '../../common/actor.js';
import { DomainException, ErrorCode } from '../../common/error-codes.js';
import { headerValue, requestContextOf } from '../../common/request-context.js';

/** RAS sends the logon's authToken in an `auth_token` header (underscore and all; Node keeps it). */
@Injectable()
export class RasAuthGuard extends ActorGuard {
  constructor(private readonly auth: AuthService) {
    super();
  }

  protected actorOf(request: FastifyRequest): Actor | Promise<Actor> {
    const token = headerValue(request, 'auth_token');
    if (!token) throw new DomainException(ErrorCode.UNAUTHENTICATED, 'The auth_token header is required; log on with POST /api/Session/logon');
    return this.auth.resolve(token, requestContextOf(request, 'ras'));
  }
}
