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
  login(client: Actor, dto: UberallLoginDto): Promise<LoginResult> {
    const invalid = (message: string) => new DomainException(ErrorCode.VALIDATION_FAILED, message);
    if ((dto.password === undefined) === (dto.private_key === undefined)) throw invalid('send either password or private_key');
    if ((dto.email === undefined) === (dto.userId === undefined)) throw invalid('name the user by either email or userId');
    if (dto.private_key === undefined) {
      if (dto.email === undefined) throw invalid('a password login names the user by email');
      return this.auth.login({ identifier: dto.email, password: dto.password as string, accountId: client.accountId }, client.context);
    }
    const user = dto.email !== undefined ? { login: dto.email } : { userId: dto.userId as string };
    return this.auth.signInFor(client, user, dto.private_key, client.context);
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
