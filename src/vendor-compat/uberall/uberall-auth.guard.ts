import { applyDecorators, createParamDecorator, ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { DomainException, ErrorCode } from '../../common/error-codes.js';
import { UberallErrorDto } from './dto/uberall.dto.js';
import type { UberallCaller } from './uberall.strategy.js';

function uberallGuard(strategy: string) {
  return class extends AuthGuard(strategy) {
    handleRequest<T>(error: unknown, user: T): T {
      if (error) throw error;
      if (!user) throw new DomainException(ErrorCode.UNAUTHENTICATED, 'Authentication required');
      return user;
    }
  };
}

@Injectable()
export class UberallClientGuard extends uberallGuard('uberall-client') {}

@Injectable()
export class UberallUserGuard extends uberallGuard('uberall') {}

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

/** The caller an Uberall guard attached: the Actor plus the API key's redirect URL. */
export const CurrentUberallCaller = createParamDecorator((_data: unknown, ctx: ExecutionContext): UberallCaller => {
  const caller = ctx.switchToHttp().getRequest<{ user?: UberallCaller }>().user;
  if (!caller) throw new DomainException(ErrorCode.UNAUTHENTICATED, 'Authentication required');
  return caller;
});
