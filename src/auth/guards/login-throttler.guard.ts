import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  ThrottlerLimitDetail,
  ThrottlerModuleOptions,
  ThrottlerStorage,
} from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { AuditService } from '../../audit/audit.service.js';
import { AuthService } from '../auth.service.js';
import { DomainException, ErrorCode } from '../../common/error-codes.js';
import { requestContextOf } from '../../common/request-context.js';
import { ErrorDialectRegistry } from '../../common/error-dialect.js';

/** The identifier a login names, whatever the dialect calls it. */
function loginIdentifier(body: unknown): string {
  if (!body || typeof body !== 'object') return '';
  const b = body as Record<string, unknown>;
  let value: unknown = b.username ?? b.email ?? b.user ?? b.identity ?? b.userId ?? '';
  // Rocket.Chat may also name the user as `{ user: { username } }` or `{ user: { email } }`.
  if (value && typeof value === 'object') {
    const named = value as Record<string, unknown>;
    value = named.username ?? named.email;
  }
  return typeof value === 'string' ? value.toLowerCase().slice(0, 256) : '';
}

/**
 * Login attempts are limited per client address and identifier (@nestjs/throttler), on every
 * surface's login endpoint; a throttled attempt is audited and answered 429 in the caller's dialect.
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly audit: AuditService,
    private readonly dialects: ErrorDialectRegistry,
    private readonly auth: AuthService,
  ) {
    super(options, storage, reflector);
  }

  protected async getTracker(request: Record<string, unknown>): Promise<string> {
    const req = request as unknown as FastifyRequest;
    return `${req.ip}|${loginIdentifier(req.body)}`;
  }

  protected async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    // Recorded in the named user's account (when the name is a user), so that account's admins see it.
    const user = await this.auth.userNamed(loginIdentifier(request.body));
    await this.audit.recordStandalone({
      action: 'auth.login_throttled',
      outcome: 'denied',
      accountId: user?.accountId ?? null,
      targetUserId: user?.id ?? null,
      context: requestContextOf(request, this.dialects.surfaceOf(request.url)),
      reason: 'too many login attempts',
      details: { limit: detail.limit, ttlMs: detail.ttl },
    });
    throw new DomainException(ErrorCode.TOO_MANY_REQUESTS, 'Too many login attempts; retry later', { retryAfterSeconds: Math.ceil(detail.timeToBlockExpire) });
  }
}
