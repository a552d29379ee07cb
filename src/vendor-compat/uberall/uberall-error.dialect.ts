import { HttpStatus } from '@nestjs/common';
import { DomainException, ErrorCode } from '../../common/error-codes.js';
import { ErrorDialect, ErrorReply, ErrorRequest, surfaceMatcher } from '../../common/error-dialect.js';
import { UberallStatus } from './dto/uberall.dto.js';

/** The vendor's own routes, matched when it is mounted at the root. */
const UBERALL_ROUTES = /^\/users\/(login|logout|[^/]+\/all-sessions)\/?$/;

/** HTTP code by status, as the vendor notes infer it. */
function statusOf(code: ErrorCode): [number, UberallStatus] {
  switch (code) {
    case ErrorCode.VALIDATION_FAILED:
      return [HttpStatus.BAD_REQUEST, 'INVALID_PARAMETER'];
    case ErrorCode.PAYLOAD_TOO_LARGE:
    case ErrorCode.HEADERS_TOO_LARGE:
      return [HttpStatus.BAD_REQUEST, 'BAD_REQUEST'];
    case ErrorCode.REQUEST_TIMEOUT:
      return [HttpStatus.REQUEST_TIMEOUT, 'BAD_REQUEST'];
    case ErrorCode.INVALID_CREDENTIALS:
    case ErrorCode.SIGNATURE_INVALID:
      return [HttpStatus.UNAUTHORIZED, 'NOT_AUTHORIZED'];
    case ErrorCode.INVALID_CLIENT:
      // Missing, unknown or revoked X-API-KEY: the client application's (public) key. A wrong
      // `private_key` at login is told apart in send().
      return [HttpStatus.UNAUTHORIZED, 'BAD_PUBLIC_KEY'];
    case ErrorCode.UNAUTHENTICATED:
    case ErrorCode.REFRESH_TOKEN_INVALID:
    case ErrorCode.REFRESH_TOKEN_REUSED:
      return [HttpStatus.UNAUTHORIZED, 'BAD_ACCESS_TOKEN'];
    case ErrorCode.PERMISSION_DENIED:
    case ErrorCode.INSUFFICIENT_USER_AUTHENTICATION: // no re-authentication in Uberall: forbidden
    case ErrorCode.SESSION_LIMIT_REACHED:
      return [HttpStatus.FORBIDDEN, 'FORBIDDEN'];
    case ErrorCode.NOT_FOUND:
    case ErrorCode.ROUTE_NOT_FOUND:
      return [HttpStatus.NOT_FOUND, 'NOT_FOUND'];
    case ErrorCode.CONFLICT:
      return [HttpStatus.CONFLICT, 'CONFLICT'];
    case ErrorCode.TOO_MANY_REQUESTS:
      return [HttpStatus.TOO_MANY_REQUESTS, 'QUOTA_LIMIT_EXCEED'];
    case ErrorCode.SERVICE_UNAVAILABLE:
      // Uberall has no "unavailable" status; SERVER_ERROR with the true HTTP code so clients retry.
      return [HttpStatus.SERVICE_UNAVAILABLE, 'SERVER_ERROR'];
    case ErrorCode.INTERNAL:
      return [HttpStatus.INTERNAL_SERVER_ERROR, 'SERVER_ERROR'];
  }
}

/** Every failure on an Uberall route as the envelope `{status, message, errorCode?}`. */
export class UberallErrorDialect implements ErrorDialect {
  readonly surface = 'uberall' as const;
  readonly matches: (path: string) => boolean;

  constructor(prefix: string) {
    this.matches = surfaceMatcher(prefix, UBERALL_ROUTES);
  }

  send(error: DomainException, _request: ErrorRequest, reply: ErrorReply): void {
    const [http, byCode] = statusOf(error.code);
    const status: UberallStatus = error.code === ErrorCode.INVALID_CLIENT && error.details?.credential === 'private_key' ? 'BAD_PRIVATE_KEY' : byCode;
    const message =
      error.code === ErrorCode.INTERNAL ? 'Internal error' : error.code === ErrorCode.ROUTE_NOT_FOUND ? 'No such endpoint' : error.message;
    void reply
      .status(http)
      .header('content-type', 'application/json')
      .send({ status, message, ...(error.code === ErrorCode.VALIDATION_FAILED ? { errorCode: 'INVALID_INPUT' } : {}) });
  }
}
