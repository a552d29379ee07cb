import { applyDecorators, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiResponse, ApiSecurity } from '@nestjs/swagger';
import { AmznRequestIdInterceptor } from './chime-request-id.interceptor.js';
import { ChimeErrorDto } from './dto/chime.dto.js';
import { ChimeAuthGuard } from './sigv4.strategy.js';

const ERRORS: [number, string, string][] = [
  [400, 'BadRequestException', 'The input parameters don\'t match the service\'s restrictions.'],
  [401, 'UnauthorizedClientException', 'The client is not currently authorized to make the request (missing, stale or wrong signature; unknown or revoked key).'],
  [403, 'ForbiddenException', 'The client is permanently forbidden from making the request (the path names another account than the key\'s).'],
  [404, 'NotFoundException', 'One or more of the resources in the request does not exist in the system (or belongs to another account).'],
  [429, 'ThrottledClientException', 'The client exceeded its request rate limit.'],
  [500, 'ServiceFailureException', 'The service encountered an unexpected error.'],
  [503, 'ServiceUnavailableException', 'The service is currently unavailable.'],
];

const errorResponses = () =>
  ERRORS.map(([status, type, description]) =>
    ApiResponse({
      status,
      description: `${type}: ${description}`,
      type: ChimeErrorDto,
      headers: {
        'x-amzn-ErrorType': { description: 'The exception the SDK raises', schema: { type: 'string', example: type } },
        'x-amzn-RequestId': { description: 'Request id', schema: { type: 'string' } },
      },
    }),
  );

/** SigV4 authentication, the request-id header and the Chime error responses, together so they can't drift apart. */
export function ChimeAuthenticated() {
  return applyDecorators(UseGuards(ChimeAuthGuard), UseInterceptors(AmznRequestIdInterceptor), ApiSecurity('chime-sigv4'), ...errorResponses());
}
