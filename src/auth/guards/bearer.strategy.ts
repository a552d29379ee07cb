import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-custom';
import { Actor } from '../../common/actor.js';
import { DomainException, ErrorCode } from '../../common/error-codes.js';
import { requestContextOf } from '../../common/request-context.js';
import { AuthService } from '../auth.service.js';

/** The token of an `Authorization: Bearer <token>` header; throws UNAUTHENTICATED without one. */
export function bearerTokenOf(request: FastifyRequest): string {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) throw new DomainException(ErrorCode.UNAUTHENTICATED, 'Authorization: Bearer <token> is required');
  return match[1];
}

/** `Authorization: Bearer <access token>` → Actor. */
@Injectable()
export class BearerStrategy extends PassportStrategy(Strategy, 'native-bearer') {
  constructor(private readonly auth: AuthService) {
    super();
  }

  validate(request: FastifyRequest): Promise<Actor> {
    return this.auth.authenticate(bearerTokenOf(request), requestContextOf(request, 'native'));
  }
}
