import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { sessionAuthGuard } from '../../auth/guards/auth.guards.js';
import { DomainException, ErrorCode } from '../../common/error-codes.js';
import { headerValue } from '../../common/request-context.js';

/** RAS sends the logon's authToken in an `auth_token` header (underscore and all; Node keeps it). */
function rasTokenOf(request: FastifyRequest): string {
  const token = headerValue(request, 'auth_token');
  if (!token) throw new DomainException(ErrorCode.UNAUTHENTICATED, 'The auth_token header is required; log on with POST /api/Session/logon');
  return token;
}

@Injectable()
export class RasAuthGuard extends sessionAuthGuard('ras', rasTokenOf) {}
