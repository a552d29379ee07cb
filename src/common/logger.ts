import type { LoggerService, LogLevel } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LogController } from 'fastify';
import { pino, type DestinationStream, type Level, type Logger } from 'pino';

/**
 * Never logged, wherever they appear: credentials of every surface (bearer and vendor tokens, API keys,
 * cookies, AWS signature headers). The request line logs chosen fields only; this guards any object
 * that carries headers into a log call.
 */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-auth-token"]',
  'req.headers["x-user-id"]',
  'req.headers["x-api-key"]',
  'req.headers.auth_token',
  'req.headers.accesstoken',
  'req.headers["x-amz-security-token"]',
  'req.headers["x-amz-date"]',
  'req.headers["x-amz-content-sha256"]',
  'req.headers["x-amz-signature"]',
  'req.headers["x-amz-credential"]',
  'res.headers["set-cookie"]',
];

/** The path of a URL without its query string (`?access_token=…`, SigV4 presigned parameters). */
export const pathOf = (url: string): string => {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
};

/**
 * The one pino instance of the process. Fastify logs requests through it (a child per request that
 * carries `reqId`) and Nest's own loggers write to it through {@link NestPinoLogger}.
 */
export function createRootLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      // Request bodies, headers and query strings are never logged (they carry passwords and tokens).
      serializers: { req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: pathOf(String(req.url)) }) },
    },
    destination ?? pino.destination(1),
  );
}

/** A valid pino level from an unvalidated environment (for the lines written before the config is read). */
export function bootLogLevel(raw: string | undefined): string {
  return raw && ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(raw) ? raw : 'info';
}

/**
 * Told of every finished request (the request metrics). Positional arguments, no object per request.
 * `routeKey` is Fastify's config object of the matched route (one per route: a cheap key for per-route
 * state), undefined when no route matched; returns the request's surface.
 */
export interface RequestObserver {
  finished(routeKey: object | undefined, route: string | undefined, method: string, url: string, status: number, durationMs: number): string;
}

/**
 * Fastify's log controller (its documented hook for its own request lines), reshaped into ONE line per
 * request at `info`, written when the response is done: method, route pattern, status, duration,
 * request id (`reqId`, bound by Fastify) and surface. No URL, query string or header is logged. The
 * same call feeds the request metrics, so no extra hook runs per request.
 */
export class RequestLogController extends LogController {
  private observer: RequestObserver | null = null;

  constructor(private readonly logsRequests: boolean) {
    super({ disableRequestLogging: !logsRequests });
  }

  /** Set once the app exists (the metrics and the dialect registry are Nest providers). */
  observe(observer: RequestObserver): void {
    this.observer = observer;
  }

  override incomingRequest(): void {
    // One line per request, written when it ends.
  }

  override routeNotFound(): void {
    // The request line reports it (route null, status 404); Fastify's own line would carry the raw URL.
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (!this.observer && !this.logsRequests) return;
    const { url: route, config } = request.routeOptions;
    const status = reply.statusCode;
    const durationMs = reply.elapsedTime;
    const surface = this.observer ? this.observer.finished(config, route, request.method, request.url, status, durationMs) : null;
    if (!this.logsRequests) return;
    const line = { method: request.method, route: route ?? null, status, durationMs: Math.round(durationMs * 1000) / 1000, surface };
    if (error) reply.log.warn({ ...line, err: { type: error.name, message: error.message } }, 'request ended with a stream error');
    else reply.log.info(line, 'request');
  }
}

const LEVELS: Record<LogLevel, Level> = { log: 'info', error: 'error', warn: 'warn', debug: 'debug', verbose: 'trace', fatal: 'fatal' };

/**
 * Nest's LoggerService over pino. Nest's `Logger` appends its context as the last argument; the
 * project logs either a string or `(fields, message)`, as pino does.
 */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly root: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('log', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('verbose', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(nestLevel: LogLevel, message: unknown, params: unknown[]): void {
    const level = LEVELS[nestLevel];
    if (!this.root.isLevelEnabled(level)) return;
    const rest = [...params];
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    if (message instanceof Error) {
      this.root[level]({ context, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.root[level]({ context, ...message }, typeof rest[0] === 'string' ? rest[0] : undefined);
    } else {
      // Nest's own `error(message, stack, context)`; TypeORM's module passes the error's stack likewise.
      const stack = nestLevel === 'error' && typeof rest[0] === 'string' ? rest[0] : undefined;
      this.root[level]({ context, stack }, String(message));
    }
  }
}
