import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-custom';
import { AuthService } from '../../auth/auth.service.js';
import { Actor } from '../../common/actor.js';
import { DomainException, ErrorCode } from '../../common/error-codes.js';
import { requestContextOf } from '../../common/request-context.js';

/** `Authorization: Bearer <token>` (a ZAP login's token or a native one: the same sessions). */
@Injectable()
export class ZapBearerStrategy extends PassportStrategy(Strategy, 'zap-bearer') {
  constructor(private readonly auth: AuthService) {
    super();
  }

  validate(request: FastifyRequest): Promise<Actor> {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!match) throw new DomainException(ErrorCode.UNAUTHENTICATED, 'Authorization: Bearer <token> is required');
    return this.auth.authenticate(match[1], requestContextOf(request, 'zap'));
  }
}
