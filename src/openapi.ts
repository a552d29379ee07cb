import type { INestApplication } from '@nestjs/common';
import { ModulesContainer, NestFactory, RouterModule } from '@nestjs/core';
import type { Routes } from '@nestjs/core';
import { ROUTES } from '@nestjs/core/router/router-module.js';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, getSchemaPath, OpenAPIObject, ResponseObject, SwaggerModule } from '@nestjs/swagger';
import { ErrorResponseDto, errorExample } from './common/dto/error-response.dto.js';
import { AppModule } from './app.module.js';
import { ErrorCode } from './common/error-codes.js';

/** The groups in the order a reader needs them: sign in first, then sessions, management, audit; the vendor dialects last. */
const TAGS: [name: string, description: string][] = [
  ['auth', 'Log in, refresh, log out; is this token still good; who am I'],
  ['sessions', 'My sessions; ending one (any in the account with sessions.revoke-any)'],
  ['users', 'Users of the account, their roles and sessions; forced logout of a user'],
  ['roles', 'Built-in and custom roles'],
  ['accounts', 'Accounts (tenants), account-wide forced logout, legal hold'],
  ['clients', 'API keys and SigV4 access keys for other services'],
  ['oauth', 'RFC 7662 introspection and RFC 7009 revocation, for services holding an API key'],
  ['shared signals', 'OpenID Shared Signals (CAEP) transmitter: metadata, streams, subjects, verification, poll delivery'],
  ['receivers', 'OIDC back-channel logout receivers and the signing key of every event'],
  ['audit', 'The audit trail: events, export, summary, hash-chain verification, retention'],
  ['audit streams', 'The audit trail streamed to a SIEM: HTTP NDJSON (HMAC-signed), Splunk HEC, syslog (RFC 5424 over TLS)'],
  ['health', 'Liveness and readiness'],
  ['Rocket.Chat', 'Rocket.Chat-compatible login and logout'],
  ['Uberall', 'Uberall-compatible login and logout'],
  ['ZAP', 'ZAP-compatible login and logout'],
  ['Parallels RAS', 'Parallels RAS-compatible logon and logoff'],
  ['Amazon Chime', 'Amazon Chime-compatible user logout (AWS SigV4)'],
];

/** The native API's routes (the vendor dialects keep their own error shapes). */
const NATIVE = /^\/v1\//;

/** What a native error example says when the route's decorator gives none: the code each status answers with. */
const DEFAULT_ERRORS: Partial<Record<string, { code: ErrorCode; message?: string; details?: Record<string, unknown> }>> = {
  '400': {
    code: ErrorCode.VALIDATION_FAILED,
    message: 'unexpected: property unexpected should not exist',
    details: { errors: [{ field: 'unexpected', problems: ['property unexpected should not exist'] }] },
  },
  '401': { code: ErrorCode.UNAUTHENTICATED, message: 'Missing, invalid, expired or revoked token' },
  '403': { code: ErrorCode.PERMISSION_DENIED },
  '404': { code: ErrorCode.NOT_FOUND },
  '409': { code: ErrorCode.CONFLICT },
  '413': { code: ErrorCode.PAYLOAD_TOO_LARGE },
  '429': { code: ErrorCode.TOO_MANY_REQUESTS },
  '503': { code: ErrorCode.SERVICE_UNAVAILABLE },
};

/** A bearer scheme for the service's opaque tokens (DocumentBuilder.addBearerAuth would call them JWTs). */
const opaqueBearer = (description: string) => ({ type: 'http' as const, scheme: 'bearer', description });

/** Builds the OpenAPI document from the decorators (every surface, one document). */
export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Session Service')
    .setDescription(
      'Identity microservice centred on the session: log in, validate tokens instantly, log out (yourself, or others as an admin) with every forced logout audited. ' +
        'The native API lives under /v1; vendor-compatible logout APIs live under their own prefixes.',
    )
    .setVersion('1.0')
    .addSecurity('bearer', opaqueBearer('Access token (opaque, `sat_…`) from POST /v1/auth/login'))
    .addSecurity('client-bearer', opaqueBearer('API key (opaque, `sk_…`) of a client application, from POST /v1/api-keys'))
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'API key of a client application' }, 'api-key')
    // Vendor dialects: each surface's own credentials.
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Auth-Token', description: 'Rocket.Chat: authToken from /api/v1/login' }, 'rocketchat-token')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-User-Id', description: 'Rocket.Chat: userId from /api/v1/login' }, 'rocketchat-user')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-KEY', description: 'Uberall: the client application key (POST /v1/api-keys)' }, 'uberall-api-key')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'Authorization', description: 'Uberall: the access_token from /users/login (bare or Bearer)' }, 'uberall-token')
    .addSecurity('zap-bearer', opaqueBearer('ZAP: token (opaque, `sat_…`) from /v1/login'))
    .addApiKey({ type: 'apiKey', in: 'header', name: 'auth_token', description: 'Parallels RAS: authToken from /api/Session/logon' }, 'ras-token')
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'Authorization',
        description: 'Amazon Chime: AWS Signature Version 4 (service "chime") with an access key from POST /v1/accounts/{accountId}/access-keys; use an AWS SDK',
      },
      'chime-sigv4',
    );
  for (const [name, description] of TAGS) builder.addTag(name, description);
  const config = builder.build();
  return finishNativeErrors(inTagOrder(SwaggerModule.createDocument(app, config)));
}

/** Paths grouped in the order of the tags (stable within a group), so the document reads in the order Swagger UI shows it. */
function inTagOrder(document: OpenAPIObject): OpenAPIObject {
  const rank = (name: string | undefined) => {
    const index = TAGS.findIndex(([tag]) => tag === name);
    return index === -1 ? TAGS.length : index;
  };
  const first = (item: object) => Math.min(...Object.values(item).map((op: { tags?: string[] }) => rank(op.tags?.[0])));
  const entries = Object.entries(document.paths).map(([path, item], index) => ({ path, item, index, rank: first(item) }));
  entries.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return { ...document, paths: Object.fromEntries(entries.map((e) => [e.path, e.item])) };
}

/**
 * Every native operation can answer 400 (an unknown query parameter is refused everywhere), and every
 * native error response carries an example in the shape and with the code it is sent with.
 */
function finishNativeErrors(document: OpenAPIObject): OpenAPIObject {
  const errorSchema = { $ref: getSchemaPath(ErrorResponseDto) };
  for (const [path, item] of Object.entries(document.paths)) {
    if (!NATIVE.test(path)) continue;
    for (const op of Object.values(item) as { responses?: Record<string, ResponseObject> }[]) {
      if (!op.responses) continue;
      op.responses['400'] ??= { description: 'An unknown query parameter (this operation takes none)', content: { 'application/json': { schema: errorSchema } } };
      for (const [status, response] of Object.entries(op.responses)) {
        const media = response.content?.['application/json'];
        const fallback = DEFAULT_ERRORS[status];
        if (!media || !fallback || media.example !== undefined || (media.schema as { $ref?: string } | undefined)?.$ref !== errorSchema.$ref) continue;
        media.example = errorExample(Number(status), fallback.code, fallback.message ?? (response.description || fallback.code), fallback.details);
      }
    }
  }
  return document;
}

/**
 * The document the running app serves at /docs-json, without a database or a port: the real module
 * graph in Nest's preview mode (nothing is instantiated), described by buildOpenApi as createApp does.
 */
export async function createOpenApiDocument(): Promise<OpenAPIObject> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(), { preview: true, logger: false });
  try {
    // RouterModule mounts its modules (the vendor prefixes) when it is instantiated, which preview mode
    // skips: do what its instantiation does, with the routes it was registered with.
    const modules = app.get(ModulesContainer);
    for (const module of [...modules.values()].filter((m) => m.metatype === RouterModule)) {
      new RouterModule(modules, module.providers.get(ROUTES)?.instance as Routes);
    }
    return buildOpenApi(app);
  } finally {
    await app.close();
  }
}
