import { applyDecorators, Injectable, UseGuards } from '@nestjs/common';
import { domainAuthGuard } from '../../auth/guards/auth.guards.js';
import { ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { UberallErrorDto } from './dto/uberall.dto.js';

@Injectable()
export class UberallClientGuard extends domainAuthGuard('uberall-client') {}

@Injectable()
export class UberallUserGuard extends domainAuthGuard('uberall') {}

/** X-API-KEY only, with its Swagger description. */
export function UberallClientAuthenticated() {
  return applyDecorators(
    UseGuards(UberallClientGuard),
    ApiSecurity('uberall-api-key'),
    ApiUnauthorizedResponse({ type: UberallErrorDto, description: 'BAD_PUBLIC_KEY: missing or unknown X-API-KEY; NOT_AUTHORIZED: wrong credentials' }),
  );
}

/** X-API-KEY and the user's access token (same account), with their Swagger description. */
export function UberallAuthenticated() {
  return applyDecorators(
    UseGuards(UberallUserGuard),
    ApiSecurity({ 'uberall-api-key': [], 'uberall-token': [] }),
    ApiUnauthorizedResponse({ type: UberallErrorDto, description: 'BAD_PUBLIC_KEY: missing or unknown X-API-KEY; BAD_ACCESS_TOKEN: missing, invalid, revoked or foreign token' }),
  );
}
