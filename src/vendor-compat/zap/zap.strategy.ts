import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-custom';
import { AuthService } from '../../auth/auth.service.js';
import { bearerTokenOf } from '../../auth/guards/auth.guards.js';
import { Actor } from '../../common/actor.js';
import { requestContextOf } from '../../common/request-context.js';

/** `Authorization: Bearer <token>` (a ZAP login's token or a native one: the same sessions). */
@Injectable()
export class ZapBearerStrategy extends PassportStrategy(Strategy, 'zap-bearer') {
  constructor(private readonly auth: AuthService) {
    super();
  }

  validate(request: FastifyRequest): Promise<Actor> {
    return this.auth.authenticate(bearerTokenOf(request), requestContextOf(request, 'zap'));
  }
}
