import { Injectable } from '@nestjs/common';
import { AuthService, LoginResult } from '../../auth/auth.service.js';
import { Actor } from '../../common/actor.js';
import { RequestContext } from '../../common/request-context.js';
import { RevocationService } from '../../sessions/revocation.service.js';
import { RevocationReceipt } from '../../sessions/revocation.types.js';
import { ZapLoginDto } from './dto/zap.dto.js';

/** ZAP requests → core calls. */
@Injectable()
export class ZapService {
  constructor(
    private readonly auth: AuthService,
    private readonly revocation: RevocationService,
  ) {}

  login(dto: ZapLoginDto, context: RequestContext): Promise<LoginResult> {
    return this.auth.login({ identifier: dto.identity, password: dto.password, deviceToken: dto.deviceToken }, context);
  }

  /**
   * The sessions of user `userId` bound to that push token end and the token is unregistered.
   * Idempotent: no live session on that device still answers success (ZAP is silent; retries are safe).
   */
  logoutDevice(actor: Actor, userId: string, deviceToken: string): Promise<RevocationReceipt> {
    return this.revocation.revoke(actor, { kind: 'device', userId, deviceToken });
  }

  /** Every session of the user (another user needs sessions.revoke-any). */
  logoutAll(actor: Actor, userId: string): Promise<RevocationReceipt> {
    return this.revocation.revoke(actor, { kind: 'user', userId });
  }
}
