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
   * A client application logs in users of its own account only (others: as wrong credentials,
   * audited): with the user's email and password, or, holding its private key, any user by email or id.
   */
  login(client: Actor, { email, userId, password, private_key: privateKey }: UberallLoginDto): Promise<LoginResult> {
    const invalid = (message: string) => new DomainException(ErrorCode.VALIDATION_FAILED, message);
    if ((password === undefined) === (privateKey === undefined)) throw invalid('send either password or private_key');
    if ((email === undefined) === (userId === undefined)) throw invalid('name the user by either email or userId');
    if (privateKey !== undefined) return this.auth.signInFor(client, email !== undefined ? { login: email } : { userId: userId! }, privateKey, client.context);
    if (email === undefined) throw invalid('a password login names the user by email');
    return this.auth.login({ identifier: email, password: password!, accountId: client.accountId }, client.context);
  }

  /** `POST /users/logout`: the session of the presented access token. */
  logout(user: Actor): Promise<RevocationReceipt> {
    return this.auth.logout(user, 'local');
  }

  /** `DELETE /users/{id}/all-sessions`: every session of the user (another user needs sessions.revoke-any). */
  logoutAll(user: Actor, userId: string): Promise<RevocationReceipt> {
    return this.revocation.revoke(user, { kind: 'user', userId });
  }
}
