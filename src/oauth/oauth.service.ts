import { Injectable } from '@nestjs/common';
import { Actor, sortedPermissions } from '../common/actor.js';
import { whenReady } from '../common/maybe-async.js';
import { RevocationService } from '../sessions/revocation.service.js';
import { SessionAnswers } from '../sessions/session-answers.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { TokenValidatorService, ValidatedSession } from '../sessions/token-validator.service.js';
import { IntrospectionResponseDto } from './dto/oauth.dto.js';

const INACTIVE = JSON.stringify({ active: false });

/** RFC 7662 / RFC 7009 for client applications, over the same validation and revocation as everything else. */
@Injectable()
export class OAuthService {
  /** The last client's answer per validated session (see introspect). */
  private readonly answers = new SessionAnswers();

  constructor(
    private readonly validator: TokenValidatorService,
    private readonly sessions: SessionsService,
    private readonly revocation: RevocationService,
  ) {}

  /**
   * The RFC 7662 answer as JSON text, at once when the validation cache holds the token (the usual
   * case). It depends on the validated session (unchanged while cached) and the client alone, so a
   * session asked about again by the same client is not built and serialized again.
   */
  introspect(client: Actor, token: string): string | Promise<string> {
    return whenReady(this.validator.check(token), (session) => {
      // A client sees only its own account's tokens; anything else is simply "not active".
      if (!session || session.accountId !== client.accountId) return INACTIVE;
      return this.answers.json(session, client.credentialId ?? '', () => this.answer(client, session));
    });
  }

  private answer(client: Actor, session: ValidatedSession): IntrospectionResponseDto {
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
