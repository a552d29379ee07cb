import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode } from './error-codes.js';
import { ErrorDialectRegistry, ErrorReply, ErrorRequest } from './error-dialect.js';
import { sendNativeError } from './native-error.dialect.js';
import { toDomainException } from './to-domain-exception.js';

/**
 * The one exception filter: folds any failure into a DomainException and lets the dialect of the
 * surface the request came through write it. Unexpected errors are logged with the request id and
 * answered as a generic 500.
 */
@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  constructor(private readonly dialects: ErrorDialectRegistry) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    this.answer(exception, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
  }

  /** Also called for the errors Fastify's router raises before Nest sees the request (see createApp). */
  answer(exception: unknown, request: ErrorRequest, reply: ErrorReply): void {
    const error = toDomainException(exception);
    if (error.code === ErrorCode.INTERNAL || error.code === ErrorCode.SERVICE_UNAVAILABLE) {
      const cause = exception instanceof Error ? exception : new Error(String(exception));
      this.logger.error({ requestId: request.id, err: { message: cause.message, stack: cause.stack } }, 'request failed');
    }
    if (reply.sent) return;
    // Every dialect says when to retry a throttled request the same way.
    const retryAfter = error.details?.retryAfterSeconds;
    if (error.code === ErrorCode.TOO_MANY_REQUESTS && typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
    const dialect = this.dialects.find(request.url);
    if (dialect) dialect.send(error, request, reply);
    else sendNativeError(error, request, reply);
  }
}
