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
      '`details.max_age` and the `WWW-Authenticate` challenge say how fresh, e.g. `{"statusCode":401,"error":"insufficient_user_authentication","details":{"max_age":300}}` with ' +
      '`WWW-Authenticate: Bearer error="insufficient_user_authentication", error_description="…", max_age=300`; POST /v1/auth/reauthenticate, then retry)',
    // The common case as the example (the step-up body is in the description): a response has one example.
    example: errorExample(401, ErrorCode.UNAUTHENTICATED, 'Missing, invalid, expired or revoked token'),
  });
