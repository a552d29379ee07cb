import { applyDecorators, Injectable, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { ApiBearerAuth, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { DomainException, ErrorCode } from '../../common/error-codes.js';
import { ZapErrorDto } from './dto/zap.dto.js';

/** Passport's guard for 'zap-bearer'; failures stay DomainExceptions for the dialect. */
@Injectable()
export class ZapAuthGuard extends AuthGuard('zap-bearer') {
  handleRequest<T>(error: unknown, user: T): T {
    if (error) throw error;
    if (!user) throw new DomainException(ErrorCode.UNAUTHENTICATED, 'Authentication required');
    return user;
  }
}

/** Authentication and its Swagger description in one. */
export function ZapAuthenticated() {
  return applyDecorators(
    UseGuards(ZapAuthGuard),
    ApiBearerAuth('zap-bearer'),
    ApiUnauthorizedResponse({ type: ZapErrorDto, description: 'Missing, invalid, expired or revoked token' }),
  );
}
