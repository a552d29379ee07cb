import { HttpStatus } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainException, ErrorCode } from '../../common/error-codes.js';
import { ErrorDialect, surfaceMatcher } from '../../common/error-dialect.js';

/** The vendor's own routes, matched when it is mounted at the root. */
const ZAP_ROUTES = /^\/v1\/(login|users\/logout\/[^/]+)\/?$/;

function statusOf(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.VALIDATION_FAILED:
    case ErrorCode.PAYLOAD_TOO_LARGE:
      // ZAP documents 400 for any malformed request.
      return HttpStatus.BAD_REQUEST;
    case ErrorCode.UNAUTHENTICATED:
    case ErrorCode.INVALID_CREDENTIALS:
    case ErrorCode.INVALID_CLIENT:
    case ErrorCode.REFRESH_TOKEN_INVALID:
    case ErrorCode.REFRESH_TOKEN_REUSED:
    case ErrorCode.SIGNATURE_INVALID:
      return HttpStatus.UNAUTHORIZED;
    case ErrorCode.PERMISSION_DENIED:
      return HttpStatus.FORBIDDEN;
    case ErrorCode.NOT_FOUND:
    case ErrorCode.ROUTE_NOT_FOUND:
      return HttpStatus.NOT_FOUND;
    case ErrorCode.CONFLICT:
      return HttpStatus.CONFLICT;
    case ErrorCode.TOO_MANY_REQUESTS:
      return HttpStatus.TOO_MANY_REQUESTS;
    case ErrorCode.SERVICE_UNAVAILABLE:
      return HttpStatus.SERVICE_UNAVAILABLE;
    case ErrorCode.INTERNAL:
      return HttpStatus.INTERNAL_SERVER_ERROR;
  }
}

/** ZAP publishes no error body; `{success: false, message}` mirrors its success shape (inferred). */
export class ZapErrorDialect implements ErrorDialect {
  readonly surface = 'zap' as const;
  readonly matches: (path: string) => boolean;

  constructor(prefix: string) {
    this.matches = surfaceMatcher(prefix, ZAP_ROUTES);
  }

  send(error: DomainException, _request: FastifyRequest, reply: FastifyReply): void {
    const status = statusOf(error.code);
    const message =
      error.code === ErrorCode.INTERNAL ? 'An error occured while processing the request' : error.code === ErrorCode.ROUTE_NOT_FOUND ? 'No such route' : error.message;
    if (status === HttpStatus.UNAUTHORIZED) reply.header('www-authenticate', 'Bearer');
    void reply.status(status).header('content-type', 'application/json').send({ success: false, message });
  }
}
