import { applyDecorators, Injectable, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { domainAuthGuard } from '../../auth/guards/auth.guards.js';
import { ZapErrorDto } from './dto/zap.dto.js';

/** Passport's guard for 'zap-bearer'; failures stay DomainExceptions for the dialect. */
@Injectable()
export class ZapAuthGuard extends domainAuthGuard('zap-bearer') {}

/** Authentication and its Swagger description in one. */
export function ZapAuthenticated() {
  return applyDecorators(
    UseGuards(ZapAuthGuard),
    ApiBearerAuth('zap-bearer'),
    ApiUnauthorizedResponse({ type: ZapErrorDto, description: 'Missing, invalid, expired or revoked token' }),
  );
}
