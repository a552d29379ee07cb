import { applyDecorators, Injectable, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { domainAuthGuard } from '../../auth/guards/auth.guards.js';
import { RocketChatUnauthorizedDto } from './dto/rocketchat.dto.js';

/** Passport's guard for the 'rocketchat' strategy; failures stay DomainExceptions for the dialect. */
@Injectable()
export class RocketChatAuthGuard extends domainAuthGuard('rocketchat') {}

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
