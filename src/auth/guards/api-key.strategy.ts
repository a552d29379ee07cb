import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-custom';
import { ApiKeysService } from '../../api-keys/api-keys.service.js';
import { Actor } from '../../common/actor.js';
import { DomainException, ErrorCode } from '../../common/error-codes.js';
import { requestContextOf } from '../../common/request-context.js';

/**
 * A client application's API key: `X-API-Key: <key>`, `Authorization: Bearer <key>`, or HTTP Basic
 * with the key as password (RFC 7662/7009 client authentication).
 */
export function apiKeyFrom(request: FastifyRequest): string | null {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string' && header) return header.trim();
  const auth = request.headers.authorization;
  if (typeof auth !== 'string') return null;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(auth);
  if (bearer) return bearer[1];
  const basic = /^Basic\s+(\S+)\s*$/i.exec(auth);
  if (!basic) return null;
  const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon >= 0 ? decoded.slice(colon + 1) : null;
}

@Injectable()
export class ApiKeyStrategy extends PassportStrategy(Strategy, 'api-key') {
  constructor(private readonly apiKeys: ApiKeysService) {
    super();
  }

  validate(request: FastifyRequest): Promise<Actor> {
    const key = apiKeyFrom(request);
    if (!key) throw new DomainException(ErrorCode.INVALID_CLIENT, 'Client authentication required (X-API-Key, Bearer or Basic)');
    return this.apiKeys.authenticate(key, requestContextOf(request, 'native'));
  }
}
