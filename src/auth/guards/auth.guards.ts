import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { Actor } from '../../common/actor.js';
import { DomainException, ErrorCode } from '../../common/error-codes.js';
import { Permission } from '../../permissions/permissions.js';
import { PermissionsService } from '../../permissions/permissions.service.js';

export const REQUIRED_PERMISSION = 'requiredPermission';

/** Passport's guard, but failures stay DomainExceptions so every dialect can answer them. */
export function domainAuthGuard(strategy: string) {
  return class extends AuthGuard(strategy) {
    handleRequest<T>(error: unknown, user: T): T {
      if (error) throw error;
      if (!user) throw new DomainException(ErrorCode.UNAUTHENTICATED, 'Authentication required');
      return user;
    }
  };
}

@Injectable()
export class BearerAuthGuard extends domainAuthGuard('native-bearer') {}

@Injectable()
export class ClientAuthGuard extends domainAuthGuard('api-key') {}

/** Enforces the permission named by @Authenticated (refusals audited by PermissionsService). */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly permissions: PermissionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, [context.getHandler(), context.getClass()]);
    if (!permission) return true;
    const request = context.switchToHttp().getRequest<{ user?: Actor; method: string; url: string }>();
    if (!request.user) throw new DomainException(ErrorCode.UNAUTHENTICATED, 'Authentication required');
    await this.permissions.require(request.user, permission, `${request.method} ${request.url.split('?')[0]}`);
    return true;
  }
}
