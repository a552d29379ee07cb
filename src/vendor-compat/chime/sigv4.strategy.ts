import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-custom';
import { AccessKeysService } from '../../api-keys/access-keys.service.js';
import { SignatureReplayService } from '../../api-keys/signature-replay.service.js';
import { domainAuthGuard } from '../../auth/guards/auth.guards.js';
import { Actor } from '../../common/actor.js';
import { DomainException, ErrorCode } from '../../common/error-codes.js';
import { requestContextOf } from '../../common/request-context.js';
import { SigV4Error, verifySigV4 } from './sigv4.verifier.js';

/** AWS rejects a signature whose x-amz-date is more than 15 minutes off. */
const MAX_SKEW_MS = 15 * 60_000;

/** AWS Signature Version 4 (service "chime") with an access key of an account → that key's Actor. */
@Injectable()
export class SigV4Strategy extends PassportStrategy(Strategy, 'chime-sigv4') {
  constructor(
    private readonly accessKeys: AccessKeysService,
    private readonly replays: SignatureReplayService,
  ) {
    super();
  }

  async validate(request: FastifyRequest): Promise<Actor> {
    const signer: { accountId?: string } = {};
    const lookup = async (accessKeyId: string) => {
      const key = await this.accessKeys.lookup(accessKeyId);
      signer.accountId = key?.accountId;
      return key?.secret ?? null;
    };
    try {
      // The raw URL (prefix included, still percent-encoded) is what the client signed. The
      // operations offered here have no body, so the signed payload must be the empty one.
      const { accessKeyId, signature, acceptedUntil } = await verifySigV4(
        { method: request.method, url: request.raw.url ?? request.url, headers: request.headers, body: '' },
        lookup,
        { service: 'chime', maxSkewMs: MAX_SKEW_MS },
      );
      // Only a verified signature is recorded: what anyone can send costs no write.
      if (!(await this.replays.claim(signature, acceptedUntil))) {
        throw new SigV4Error('REPLAYED', 'This request signature was already used: a request is accepted once; sign each request anew (replay refused)');
      }
      // Set by lookup: the signature verified only with the secret that lookup found.
      return this.accessKeys.actorFor(accessKeyId, signer.accountId as string, requestContextOf(request, 'chime'));
    } catch (error) {
      if (!(error instanceof SigV4Error)) throw error;
      // A replay was signed with the right key: not an authentication failure but a request refused (403 Forbidden).
      const code = error.reason === 'MISSING' ? ErrorCode.UNAUTHENTICATED : error.reason === 'REPLAYED' ? ErrorCode.PERMISSION_DENIED : ErrorCode.SIGNATURE_INVALID;
      throw new DomainException(code, error.message, { reason: error.reason });
    }
  }
}

@Injectable()
export class ChimeAuthGuard extends domainAuthGuard('chime-sigv4') {}
