import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-custom';
import { AuthService } from '../../auth/auth.service.js';
import { domainAuthGuard } from '../../auth/guards/auth.guards.js';
import { Actor } from '../../common/actor.js';
import { DomainException, ErrorCode } from '../../common/error-codes.js';
import { requestContextOf } from '../../common/request-context.js';

/** RAS sends the logon's authToken in an `auth_token` header (underscore and all; Node keeps it). */
@Injectable()
export class RasTokenStrategy extends PassportStrategy(Strategy, 'ras-token') {
  constructor(private readonly auth: AuthService) {
    super();
  }

  validate(request: FastifyRequest): Promise<Actor> {
    const token = request.headers['auth_token'];
    if (typeof token !== 'string' || token.trim() === '') {
      throw new DomainException(ErrorCode.UNAUTHENTICATED, 'The auth_token header is required; log on with POST /api/Session/logon');
    }
    return this.auth.authenticate(token.trim(), requestContextOf(request, 'ras'));
  }
}

@Injectable()
export class RasAuthGuard extends domainAuthGuard('ras-token') {}
