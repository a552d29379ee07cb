import { Injectable } from '@nestjs/common';
import { AuthService, LoginResult } from '../../auth/auth.service.js';
import { Actor } from '../../common/actor.js';
import { DomainException, ErrorCode } from '../../common/error-codes.js';
import { RevocationService } from '../../sessions/revocation.service.js';
import { RevocationReceipt } from '../../sessions/revocation.types.js';
import { UberallLoginDto } from './dto/uberall.dto.js';

/** Uberall requests → core calls. */
@Injectable()
export class UberallService {
  constructor(
    private readonly auth: AuthService,
    private readonly revocation: RevocationService,
  ) {}

  /**
   * A client application may only log in users of its own account. The core's login cannot be told
   * the account up front, so a user of another account gets the session ended at once (audited) and
   * the same answer as wrong credentials.
   */
  async login(client: Actor, dto: UberallLoginDto): Promise<LoginResult> {
    const result = await this.auth.login({ identifier: dto.email, password: dto.password }, client.context);
    if (result.user.accountId === client.accountId) return result;
    const user = await this.auth.authenticate(result.accessToken, client.context);
    await this.revocation.revoke(user, { kind: 'current' }, { reason: 'uberall login with an API key of another account' });
    throw new DomainException(ErrorCode.INVALID_CREDENTIALS, 'Invalid email or password');
  }

  /** `POST /users/logout`: the session of the presented access token. */
  logout(user: Actor): Promise<RevocationReceipt> {
    return this.revocation.revoke(user, { kind: 'current' });
  }

  /** `DELETE /users/{id}/all-sessions`: every session of the user (another user needs sessions.revoke-any). */
  logoutAll(user: Actor, userId: string): Promise<RevocationReceipt> {
    return this.revocation.revoke(user, { kind: 'user', userId });
  }
}
