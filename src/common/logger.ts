import type { LoggerService, LogLevel } from '@nestjs/common';
import { pino, type DestinationStream, type Level, type Logger } from 'pino';
import { redactUrl } from './redact-url.js';

/** Never logged, wherever they appear: credentials of every surface. */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-auth-token"]',
  'req.headers["x-api-key"]',
  'req.headers.auth_token',
  'req.headers.accesstoken',
  'req.headers["x-amz-security-token"]',
  'res.headers["set-cookie"]',
];

/**
 * The one pino instance of the process. Fastify logs requests through it (a child per request that
 * carries `reqId`) and Nest's own loggers write to it through {@link NestPinoLogger}.
 */
export function createRootLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      // Request bodies are never logged (they carry passwords and tokens); only the request line is,
      // with its query values redacted (`?access_token=…`).
      serializers: { req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: redactUrl(req.url) }) },
    },
    destination ?? pino.destination(1),
  );
}

/** Fastify logs every request's start and end only at debug and trace: at info they would drown the rest. */
export const logsRequests = (level: string): boolean => level === 'debug' || level === 'trace';

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
      // Nest's own `error(message, stack, context)`.
      const stack = nestLevel === 'error' && typeof rest[0] === 'string' ? rest[0] : undefined;
      this.root[level]({ context, stack }, String(message));
    }
  }
}
