import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from './app.module.js';
import { BODY_LIMIT_BYTES, registerBodyParsers } from './common/body-parsers.js';
import { ClientErrorResponder } from './common/client-error.handler.js';
import { ErrorDialectRegistry } from './common/error-dialect.js';
import { GlobalExceptionFilter } from './common/global-exception.filter.js';
import { createRootLogger, NestPinoLogger, RequestLogController } from './common/logger.js';
import { markRoutesWithoutQuery, takesNoQuery, unknownQueryError } from './common/unknown-query.js';
import { registerSecurityHeaders } from './common/security-headers.js';
import { validateEnvironment } from './config/env.validation.js';
import { MetricsServer } from './metrics/metrics.server.js';
import { MetricsService } from './metrics/metrics.service.js';
import { buildOpenApi } from './openapi.js';
import { ADMIN_ASSETS_DIR } from './runtime-paths.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The app exactly as it runs, for main.ts and the e2e tests alike. */
export async function createApp(options: { logger?: Logger } = {}): Promise<NestFastifyApplication> {
  // The adapter is built before Nest's config exists: read the same validated settings here.
  const env = validateEnvironment(process.env);
  // One pino instance for Fastify's per-request loggers and for Nest's: requests are logged by
  // Fastify's own child logger, not by an HTTP middleware (a middleware layer, a second logger per
  // request and async-context tracking of every promise cost more than the guard itself).
  // main.ts hands over the logger it wrote its first lines with: one stream, lines in order.
  const logger = options.logger ?? createRootLogger(env.LOG_LEVEL);
  logger.level = env.LOG_LEVEL;
  // One JSON line per finished request at info (Fastify's own pair of lines is replaced), and the hook
  // that feeds the request metrics: see RequestLogController.
  const requestLog = new RequestLogController(logger.isLevelEnabled('info'));
  // Fastify's router rejects a malformed URL (or an over-long path parameter) before any route, hook
  // or Nest filter runs: the errors go to the same filter, built below once Nest's registry exists.
  let filter: GlobalExceptionFilter | undefined;
  // What Node's HTTP parser refuses (oversized headers, bytes that are not HTTP) is answered in the same dialects.
  const clientErrors = new ClientErrorResponder();
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    logController: requestLog,
    bodyLimit: BODY_LIMIT_BYTES,
    clientErrorHandler: clientErrors.handle,
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
  // The logger is given from the start, so the lines of a failed start are JSON too; a failed start
  // rejects (abortOnError: false) and main.ts logs it, rather than Nest printing and exiting.
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, {
    logger: new NestPinoLogger(logger),
    abortOnError: false,
    bodyParser: false,
  });
  filter = new GlobalExceptionFilter(app.get(ErrorDialectRegistry));
  app.enableShutdownHooks();
  const fastify = app.getHttpAdapter().getInstance();
  requestLog.observe(app.get(MetricsService).requests);
  // The metrics listener opens with the HTTP app (not with the CLI's application context).
  fastify.addHook('onReady', () => app.get(MetricsServer).start());
  registerBodyParsers(fastify);
  clientErrors.attach(fastify.server, filter);
  // Set when the request arrives, so every answer carries it (errors too) without a hook per reply.
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  // A native route that reads no query refuses one (a route with a query DTO has the global pipe for that).
  markRoutesWithoutQuery(app);
  const dialects = app.get(ErrorDialectRegistry);
  fastify.addHook('onRoute', (route) => {
    if (!takesNoQuery(route.config)) return;
    // Whether the route is the native API's, as the error filter sees it (ZAP's controller is under
    // `v1` too): asked at its first request, once the vendor dialects have registered (module init).
    let native: boolean | undefined;
    const own = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest];
    route.onRequest = [
      ...own,
      (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
        native ??= dialects.surfaceOf(request.url) === 'native';
        const error = native ? unknownQueryError(request.query) : null;
        if (error) filter?.answer(error, request, reply);
        else done();
      },
    ];
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
