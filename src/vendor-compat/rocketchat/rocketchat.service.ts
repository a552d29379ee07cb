import { Injectable } from '@nestjs/common';
import { AuthService, LoginResult } from '../../auth/auth.service.js';
import { Actor } from '../../common/actor.js';
import { RequestContext } from '../../common/request-context.js';
import { RevocationService } from '../../sessions/revocation.service.js';
import { RevocationReceipt } from '../../sessions/revocation.types.js';
import { loginIdentifier, RocketChatLoginDto } from './dto/rocketchat.dto.js';

/** Rocket.Chat requests → core calls. No rules of its own beyond translating names. */
@Injectable()
export class RocketChatService {
  constructor(
    private readonly auth: AuthService,
    private readonly revocation: RevocationService,
  ) {}

  login(dto: RocketChatLoginDto, context: RequestContext): Promise<LoginResult> {
    return this.auth.login({ identifier: loginIdentifier(dto), password: dto.password }, context);
  }

  /** `/api/v1/logout`: the caller's current session only. */
  logout(actor: Actor): Promise<RevocationReceipt> {
    return this.auth.logout(actor, 'local');
  }

  /**
   * `/api/v1/users.logout`: every session of the user (the caller when userId is absent or empty). A
   * Rocket.Chat-style id names no user: the core answers it as any unknown id (permission, then 404).
   */
  logoutUser(actor: Actor, userId: string | undefined): Promise<RevocationReceipt> {
    return userId ? this.revocation.revoke(actor, { kind: 'user', userId }) : this.auth.logout(actor, 'global');
  }
}
