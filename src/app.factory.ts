import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { FastifyError, FastifyReply, FastifyRequest, LogController } from 'fastify';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from './app.module.js';
import { ErrorDialectRegistry } from './common/error-dialect.js';
import { GlobalExceptionFilter } from './common/global-exception.filter.js';
import { createRootLogger, logsRequests, NestPinoLogger } from './common/logger.js';
import { registerSecurityHeaders } from './common/security-headers.js';
import { validateEnvironment } from './config/env.validation.js';
import { ADMIN_ASSETS_DIR } from './runtime-paths.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Builds the OpenAPI document from the decorators (every surface, one document). */
function buildOpenApi(app: NestFastifyApplication) {
  const config = new DocumentBuilder()
    .setTitle('Session Service')
    .setDescription(
      'Identity microservice centred on the session: log in, validate tokens instantly, log out (yourself, or others as an admin) with every forced logout audited. ' +
        'The native API lives under /v1; vendor-compatible logout APIs live under their own prefixes.',
    )
    .setVersion('1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Access token from POST /v1/auth/login' }, 'bearer')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'API key of a client application' }, 'client-bearer')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'API key of a client application' }, 'api-key')
    // Vendor dialects: each surface's own credentials.
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Auth-Token', description: 'Rocket.Chat: authToken from /api/v1/login' }, 'rocketchat-token')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-User-Id', description: 'Rocket.Chat: userId from /api/v1/login' }, 'rocketchat-user')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-KEY', description: 'Uberall: the client application key (POST /v1/api-keys)' }, 'uberall-api-key')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'Authorization', description: 'Uberall: the access_token from /users/login (bare or Bearer)' }, 'uberall-token')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'ZAP: token from /v1/login' }, 'zap-bearer')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'auth_token', description: 'Parallels RAS: authToken from /api/Session/logon' }, 'ras-token')
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'Authorization',
        description: 'Amazon Chime: AWS Signature Version 4 (service "chime") with an access key from POST /v1/accounts/{accountId}/access-keys; use an AWS SDK',
      },
      'chime-sigv4',
    )
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** The app exactly as it runs, for main.ts and the e2e tests alike. */
export async function createApp(options: { bufferLogs?: boolean } = {}): Promise<NestFastifyApplication> {
  // The adapter is built before Nest's config exists: read the same validated settings here.
  const env = validateEnvironment(process.env);
  // One pino instance for Fastify's per-request loggers and for Nest's: requests are logged by
  // Fastify's own child logger, not by an HTTP middleware (a middleware layer, a second logger per
  // request and async-context tracking of every promise cost more than the guard itself).
  const logger = createRootLogger(env.LOG_LEVEL);
  // Fastify's router rejects a malformed URL (or an over-long path parameter) before any route, hook
  // or Nest filter runs: the errors go to the same filter, built below once Nest's registry exists.
  let filter: GlobalExceptionFilter | undefined;
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    logController: new LogController({ disableRequestLogging: !logsRequests(env.LOG_LEVEL) }),
    bodyLimit: 64 * 1024,
    trustProxy: env.TRUST_PROXY,
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true },
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // Answered like every other error: in the dialect of the surface the path names, with the request id.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      reply.header('x-request-id', request.id); // the onRequest hook below does not run for these
      if (filter) filter.answer(error, request, reply);
      else void reply.send(error);
    },
  });
  // Body parsers are registered below, not by Nest (Nest's JSON parser refuses empty bodies).
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, { bufferLogs: options.bufferLogs ?? true, bodyParser: false });
  app.useLogger(new NestPinoLogger(logger));
  filter = new GlobalExceptionFilter(app.get(ErrorDialectRegistry));
  app.enableShutdownHooks();
  const fastify = app.getHttpAdapter().getInstance();
  // Clients such as Rocket.Chat's send `Content-Type: application/json` with an empty body on
  // body-less POSTs; treat that as no body instead of a parse error.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) =>
    body === '' ? done(null, undefined) : parseJson(request, body as string, done),
  );
  // RFC 7662/7009 clients send form-encoded bodies.
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  // Set when the request arrives, so every answer carries it (errors too) without a hook per reply.
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  registerSecurityHeaders(fastify);
  app.useStaticAssets({ root: ADMIN_ASSETS_DIR, prefix: '/admin/', decorateReply: false });
  // The router ignores trailing slashes, so `/admin` and `/admin/` are one route here: serve the page
  // at `/admin/` and redirect the bare path (the page loads its assets relative to `/admin/`).
  const adminPage = readFileSync(join(ADMIN_ASSETS_DIR, 'index.html'));
  fastify.get('/admin', (request, reply) =>
    request.url.split('?', 1)[0].endsWith('/') ? reply.type('text/html; charset=utf-8').send(adminPage) : reply.redirect('/admin/'),
  );
  if (env.SWAGGER_ENABLED) {
    SwaggerModule.setup('docs', app, () => buildOpenApi(app), {
      jsonDocumentUrl: 'docs-json',
      swaggerOptions: { persistAuthorization: true },
    });
  }
  return app;
}
