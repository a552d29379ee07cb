import { ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorResponseDto, errorExample } from '../common/dto/error-response.dto.js';
import { ErrorCode } from '../common/error-codes.js';

/**
 * The 401 of a route the session policy may put behind a fresh authentication. Place it above
 * @Authenticated, whose own 401 description it replaces (decorators apply bottom-up).
 */
export const StepUpResponse = () =>
  ApiUnauthorizedResponse({
    type: ErrorResponseDto,
    description:
      'Missing, invalid or revoked token (UNAUTHENTICATED); or the session policy wants a fresher authentication for this action (insufficient_user_authentication, RFC 9470: ' +
      '`details.max_age` and the `WWW-Authenticate` challenge say how fresh; POST /v1/auth/reauthenticate, then retry)',
    example: errorExample(401, ErrorCode.INSUFFICIENT_USER_AUTHENTICATION, 'This action needs an authentication younger than 300 seconds; re-authenticate and retry', { max_age: 300 }),
  });
