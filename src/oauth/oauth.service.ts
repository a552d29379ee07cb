import { Injectable } from '@nestjs/common';
import { Actor, sortedPermissions } from '../common/actor.js';
import { whenReady } from '../common/maybe-async.js';
import { RevocationService } from '../sessions/revocation.service.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { TokenValidatorService, ValidatedSession } from '../sessions/token-validator.service.js';
import { IntrospectionResponseDto } from './dto/oauth.dto.js';

/** RFC 7662 / RFC 7009 for client applications, over the same validation and revocation as everything else. */
@Injectable()
export class OAuthService {
  constructor(
    private readonly validator: TokenValidatorService,
    private readonly sessions: SessionsService,
    private readonly revocation: RevocationService,
  ) {}

  /** Answered without waiting when the validation cache holds the token (the usual case). */
  introspect(client: Actor, token: string): IntrospectionResponseDto | Promise<IntrospectionResponseDto> {
    return whenReady(this.validator.check(token), (session) => this.answer(client, session));
  }

  private answer(client: Actor, session: ValidatedSession | null): IntrospectionResponseDto {
    // A client sees only its own account's tokens; anything else is simply "not active".
    if (!session || session.accountId !== client.accountId) return { active: false };
    return {
      active: true,
      token_type: 'Bearer',
      sub: session.userId,
      username: session.username,
      exp: Math.floor(session.accessExpiresAt.getTime() / 1000),
      sid: session.sessionId,
      account_id: session.accountId,
      scope: sortedPermissions(session.permissions).join(' '),
      client_id: client.credentialId ?? undefined,
    };
  }

  async revoke(client: Actor, token: string): Promise<void> {
    const found = await this.sessions.findByToken(token);
    if (!found || found.accountId !== client.accountId) return;
    await this.revocation.revoke(client, { kind: 'session', sessionId: found.sessionId }, { reason: 'revoked by client (RFC 7009)' });
  }
}
