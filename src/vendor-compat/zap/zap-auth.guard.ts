import { applyDecorators, Injectable, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { sessionAuthGuard } from '../../auth/guards/auth.guards.js';
import { ZapErrorDto } from './dto/zap.dto.js';

/** `Authorization: Bearer <token>` (a ZAP login's token or a native one: the same sessions), recorded as ZAP. */
@Injectable()
export class ZapAuthGuard extends sessionAuthGuard('zap') {}

/** Authentication and its Swagger description in one. */
export function ZapAuthenticated() {
  return applyDecorators(
    UseGuards(ZapAuthGuard),
    ApiBearerAuth('zap-bearer'),
    ApiUnauthorizedResponse({ type: ZapErrorDto, description: 'Missing, invalid, expired or revoked token' }),
  );
}
