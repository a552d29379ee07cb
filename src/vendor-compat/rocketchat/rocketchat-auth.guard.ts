import { applyDecorators, Injectable, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { ApiHeader, ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { DomainException, ErrorCode } from '../../common/error-codes.js';
import { RocketChatUnauthorizedDto } from './dto/rocketchat.dto.js';

/** Passport's guard for the 'rocketchat' strategy; failures stay DomainExceptions for the dialect. */
@Injectable()
export class RocketChatAuthGuard extends AuthGuard('rocketchat') {
  handleRequest<T>(error: unknown, user: T): T {
    if (error) throw error;
    if (!user) throw new DomainException(ErrorCode.UNAUTHENTICATED, 'Authentication required');
    return user;
  }
}

/** Authentication and its Swagger description in one, so they can't drift apart. */
export function RocketChatAuthenticated() {
  return applyDecorators(
    UseGuards(RocketChatAuthGuard),
    ApiSecurity({ 'rocketchat-token': [], 'rocketchat-user': [] }),
    ApiHeader({ name: 'X-Auth-Token', required: true, description: 'The authenticated user token.' }),
    ApiHeader({ name: 'X-User-Id', required: true, description: 'The authenticated user ID.' }),
    ApiUnauthorizedResponse({ type: RocketChatUnauthorizedDto, description: 'Unauthorized' }),
  );
}
