import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiSecurity, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorResponseDto, errorExample } from '../common/dto/error-response.dto.js';
import { ErrorCode } from '../common/error-codes.js';
import { Permission } from '../permissions/permissions.js';
import type { DeniedAction } from '../permissions/permissions.service.js';
import { BearerAuthGuard, ClientAuthGuard, DENIED_AS, PermissionGuard, REQUIRED_PERMISSION } from './guards/auth.guards.js';

/**
 * One decorator for authentication, permission and their Swagger description, so the three can't
 * drift apart. Without a permission, any signed-in user passes (services check target-specific rules).
 * `deniedAs`: the action a refusal is recorded as (a refused forced logout is a denied session.forced_logout).
 */
export function Authenticated(permission?: Permission, { deniedAs }: { deniedAs?: DeniedAction } = {}) {
  return applyDecorators(
    SetMetadata(REQUIRED_PERMISSION, permission),
    SetMetadata(DENIED_AS, deniedAs),
    // A route open to any signed-in user runs one guard, not a second that would find nothing to check.
    permission ? UseGuards(BearerAuthGuard, PermissionGuard) : UseGuards(BearerAuthGuard),
    ApiBearerAuth('bearer'),
    ApiUnauthorizedResponse({
      type: ErrorResponseDto,
      description: 'Missing, invalid, expired or revoked token',
      example: errorExample(401, ErrorCode.UNAUTHENTICATED, 'Missing, invalid, expired or revoked token'),
    }),
    ApiForbiddenResponse({
      type: ErrorResponseDto,
      description: permission ? `Requires the ${permission} permission` : 'Not allowed for this caller',
      example: permission
        ? errorExample(403, ErrorCode.PERMISSION_DENIED, `Missing permission ${permission}`, { permission })
        : errorExample(403, ErrorCode.PERMISSION_DENIED, 'Missing permission sessions.revoke-any', { permission: 'sessions.revoke-any' }),
    }),
  );
}

/** For other services calling with an API key (RFC 7662 introspection, RFC 7009 revocation). */
export function ClientAuthenticated() {
  return applyDecorators(
    UseGuards(ClientAuthGuard),
    ApiSecurity('api-key'),
    ApiBearerAuth('client-bearer'),
    ApiUnauthorizedResponse({
      type: ErrorResponseDto,
      description: 'Missing, unknown or revoked API key',
      example: errorExample(401, ErrorCode.INVALID_CLIENT, 'Client authentication required (X-API-Key, Bearer or Basic)'),
    }),
  );
}

export const ThrottledResponse = () =>
  ApiTooManyRequestsResponse({
    type: ErrorResponseDto,
    description: 'Too many attempts; retry later',
    example: errorExample(429, ErrorCode.TOO_MANY_REQUESTS, 'Too many login attempts; retry later', { retryAfterSeconds: 60 }),
  });
