import { Injectable } from '@nestjs/common';
import { AuthService, LoginResult } from '../../auth/auth.service.js';
import { Actor } from '../../common/actor.js';
import { DomainException, ErrorCode, notFound } from '../../common/error-codes.js';
import { RequestContext } from '../../common/request-context.js';
import { PERMISSIONS } from '../../permissions/permissions.js';
import { PermissionsService } from '../../permissions/permissions.service.js';
import { RevocationService } from '../../sessions/revocation.service.js';
import { RevocationReceipt } from '../../sessions/revocation.types.js';
import { loginIdentifier, RocketChatLoginDto } from './dto/rocketchat.dto.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Rocket.Chat requests → core calls. No rules of its own beyond translating names. */
@Injectable()
export class RocketChatService {
  constructor(
    private readonly auth: AuthService,
    private readonly revocation: RevocationService,
    private readonly permissions: PermissionsService,
  ) {}

  login(dto: RocketChatLoginDto, context: RequestContext): Promise<LoginResult> {
    return this.auth.login({ identifier: loginIdentifier(dto), password: dto.password }, context);
  }

  /** `/api/v1/logout`: the caller's current session only. */
  logout(actor: Actor): Promise<RevocationReceipt> {
    return this.revocation.revoke(actor, { kind: 'current' });
  }

  /** `/api/v1/users.logout`: every session of the user (the caller when userId is absent or empty). */
  async logoutUser(actor: Actor, userId: string | undefined): Promise<RevocationReceipt> {
    const target = userId || actor.userId;
    if (!target) throw new DomainException(ErrorCode.UNAUTHENTICATED, 'This credential is not a user');
    if (!UUID.test(target)) {
      // A Rocket.Chat-style id (not one of our UUIDs) names no user: same order and answer as the
      // core gives an unknown UUID (permission first, then "unknown user"), instead of a 400 from SQL.
      await this.permissions.require(actor, PERMISSIONS.sessionsRevokeAny, 'revoke:user');
      throw notFound('User');
    }
    return this.revocation.revoke(actor, { kind: 'user', userId: target.toLowerCase() });
  }
}
