import { HttpStatus } from '@nestjs/common';
import { DomainException, ErrorCode } from '../../common/error-codes.js';
import { ErrorDialect, ErrorReply, ErrorRequest, surfaceMatcher } from '../../common/error-dialect.js';
import { nativeStatus } from '../../common/native-error.dialect.js';

/** The vendor's own routes, matched when it is mounted at the root. */
const ZAP_ROUTES = /^\/v1\/(login|users\/logout\/[^/]+)\/?$/;

/**
 * ZAP's statuses are plain HTTP ones, the same as the native API's, except that ZAP documents 400 for
 * any malformed request (so an oversized body or header is 400, not 413 or 431).
 */
function statusOf(code: ErrorCode): number {
  // ZAP has no re-authentication: a step-up refusal is its forbidden answer.
  if (code === ErrorCode.INSUFFICIENT_USER_AUTHENTICATION) return HttpStatus.FORBIDDEN;
  return code === ErrorCode.PAYLOAD_TOO_LARGE || code === ErrorCode.HEADERS_TOO_LARGE ? HttpStatus.BAD_REQUEST : nativeStatus(code);
}

/** ZAP publishes no error body; `{success: false, message}` mirrors its success shape (inferred). */
export class ZapErrorDialect implements ErrorDialect {
  readonly surface = 'zap' as const;
  readonly matches: (path: string) => boolean;

  constructor(prefix: string) {
    this.matches = surfaceMatcher(prefix, ZAP_ROUTES);
  }

  send(error: DomainException, _request: ErrorRequest, reply: ErrorReply): void {
    const status = statusOf(error.code);
    const message =
      error.code === ErrorCode.INTERNAL ? 'An error occured while processing the request' : error.code === ErrorCode.ROUTE_NOT_FOUND ? 'No such route' : error.message;
    if (status === HttpStatus.UNAUTHORIZED) reply.header('www-authenticate', 'Bearer');
    void reply.status(status).header('content-type', 'application/json').send({ success: false, message });
  }
}
