import { HttpStatus } from '@nestjs/common';
import { DomainException, ErrorCode } from './error-codes.js';
import type { ErrorReply, ErrorRequest } from './error-dialect.js';

/** RFC 6585's 431, which Nest's HttpStatus does not name. */
export const HEADER_FIELDS_TOO_LARGE = 431;

export function nativeStatus(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.VALIDATION_FAILED:
      return HttpStatus.BAD_REQUEST;
    case ErrorCode.PAYLOAD_TOO_LARGE:
      return HttpStatus.PAYLOAD_TOO_LARGE;
    case ErrorCode.HEADERS_TOO_LARGE:
      return HEADER_FIELDS_TOO_LARGE;
    case ErrorCode.REQUEST_TIMEOUT:
      return HttpStatus.REQUEST_TIMEOUT;
    case ErrorCode.UNAUTHENTICATED:
    case ErrorCode.INVALID_CREDENTIALS:
    case ErrorCode.INVALID_CLIENT:
    case ErrorCode.REFRESH_TOKEN_INVALID:
    case ErrorCode.REFRESH_TOKEN_REUSED:
    case ErrorCode.SIGNATURE_INVALID:
      return HttpStatus.UNAUTHORIZED;
    case ErrorCode.INSUFFICIENT_USER_AUTHENTICATION:
      return HttpStatus.UNAUTHORIZED;
    case ErrorCode.PERMISSION_DENIED:
    case ErrorCode.SESSION_LIMIT_REACHED:
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

/** A quoted-string of RFC 9110 §5.6.4: backslash and double quote escaped. */
const quoted = (text: string) => `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/**
 * The Bearer challenge of a 401; a step-up refusal carries RFC 9470 §3's error, description and
 * max_age, so a client knows to re-authenticate rather than to log in again.
 */
export function wwwAuthenticate(error: DomainException): string {
  if (error.code !== ErrorCode.INSUFFICIENT_USER_AUTHENTICATION) return 'Bearer';
  const maxAge = Number(error.details?.max_age);
  return `Bearer error="insufficient_user_authentication", error_description=${quoted(error.message)}${Number.isInteger(maxAge) ? `, max_age=${maxAge}` : ''}`;
}

/** The native `/v1` error body: stable, machine-readable code, no stack, no SQL. */
export function sendNativeError(error: DomainException, request: ErrorRequest, reply: ErrorReply): void {
  const status = nativeStatus(error.code);
  const details = error.code === ErrorCode.INTERNAL ? undefined : error.details;
  if (status === HttpStatus.UNAUTHORIZED) reply.header('www-authenticate', wwwAuthenticate(error));
  void reply.status(status).send({
    statusCode: status,
    error: error.code,
    message: error.message,
    requestId: String(request.id),
    ...(details ? { details } : {}),
  });
}
