import { Injectable } from '@nestjs/common';
import { AuthService, LoginResult } from '../../auth/auth.service.js';
import { Actor } from '../../common/actor.js';
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

  /** A client application logs in users of its own account only (others: as wrong credentials, audited). */
  login(client: Actor, dto: UberallLoginDto): Promise<LoginResult> {
    return this.auth.login({ identifier: dto.email, password: dto.password, accountId: client.accountId }, client.context);
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
