import { HttpException, HttpStatus } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DomainException, ErrorCode } from './error-codes.js';

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: ErrorCode.VALIDATION_FAILED,
  [HttpStatus.UNAUTHORIZED]: ErrorCode.UNAUTHENTICATED,
  [HttpStatus.FORBIDDEN]: ErrorCode.PERMISSION_DENIED,
  [HttpStatus.NOT_FOUND]: ErrorCode.ROUTE_NOT_FOUND,
  [HttpStatus.METHOD_NOT_ALLOWED]: ErrorCode.ROUTE_NOT_FOUND,
  [HttpStatus.CONFLICT]: ErrorCode.CONFLICT,
  [HttpStatus.PAYLOAD_TOO_LARGE]: ErrorCode.PAYLOAD_TOO_LARGE,
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: ErrorCode.VALIDATION_FAILED,
  [HttpStatus.TOO_MANY_REQUESTS]: ErrorCode.TOO_MANY_REQUESTS,
  [HttpStatus.SERVICE_UNAVAILABLE]: ErrorCode.SERVICE_UNAVAILABLE,
};

/**
 * Values Postgres refuses, which only a client's input can carry this far (validation is the first
 * guard; this is the backstop): malformed text (22P02), too long (22001), a number or date out of
 * range (22003, 22007, 22008: datetime_field_overflow, 22009: invalid_time_zone_displacement_value),
 * text or JSON it cannot store (22021, 22P05: a NUL).
 */
const MALFORMED_VALUES = new Set(['22P02', '22001', '22003', '22007', '22008', '22009', '22021', '22P05']);

// Fastify's own client errors with a message of their own (the router's, raised before any route runs, and the body parser's).
const FASTIFY_MESSAGES: Partial<Record<string, string>> = {
  FST_ERR_BAD_URL: 'The URL is malformed (invalid percent-encoding)',
  FST_ERR_MAX_PARAM_LENGTH: 'A path segment is too long',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'The body\'s content type is not supported',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'The body does not match its Content-Length',
};

// Refused/reset sockets, admin shutdown or termination, starting up, too many connections, connection failures.
const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '53300', '08006', '08001', '08003', '08004']);

function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code ?? (error as { driverError?: { code?: string } }).driverError?.code;
  if (code && CONNECTION_ERRORS.has(code)) return true;
  return /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Cannot use a pool after calling end|not currently accepting connections/i.test(error.message);
}

/**
 * Folds anything thrown while serving a request into one DomainException, so every surface's filter
 * answers the same failures; unknown errors become INTERNAL (the filter logs them, never the client).
 */
export function toDomainException(exception: unknown): DomainException {
  if (exception instanceof DomainException) return exception;
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const code = STATUS_CODES[status] ?? (status >= 500 ? ErrorCode.INTERNAL : ErrorCode.VALIDATION_FAILED);
    const response = exception.getResponse();
    const message = typeof response === 'object' && response && 'message' in response ? String((response as { message: unknown }).message) : exception.message;
    return new DomainException(code, code === ErrorCode.ROUTE_NOT_FOUND ? 'No such route' : message);
  }
  if (exception instanceof QueryFailedError) {
    const pgCode = (exception.driverError as { code?: string } | undefined)?.code;
    if (pgCode === '23505') return new DomainException(ErrorCode.CONFLICT, 'A resource with these unique values already exists');
    if (pgCode && MALFORMED_VALUES.has(pgCode)) return new DomainException(ErrorCode.VALIDATION_FAILED, 'A value is malformed or out of range');
    if (pgCode === '54000') return new DomainException(ErrorCode.VALIDATION_FAILED, 'A value is too large to store');
    // A deadlock or serialization failure with a concurrent change: nothing was written; retrying succeeds.
    if (pgCode === '40P01' || pgCode === '40001') return new DomainException(ErrorCode.SERVICE_UNAVAILABLE, 'A concurrent change conflicted with this one; try again');
  }
  if (isConnectionFailure(exception)) return new DomainException(ErrorCode.SERVICE_UNAVAILABLE, 'The database is unavailable; try again shortly');
  // Fastify's own client errors (malformed URL, bad JSON, wrong content type, body too large) carry a 4xx statusCode.
  const { statusCode: fastifyStatus, code: fastifyCode } = (exception ?? {}) as { statusCode?: number; code?: string };
  if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
    const code = STATUS_CODES[fastifyStatus] ?? ErrorCode.VALIDATION_FAILED;
    const message = FASTIFY_MESSAGES[fastifyCode ?? ''] ?? (fastifyStatus === 413 ? 'Request body is too large' : 'Request body is malformed');
    return new DomainException(code, message);
  }
  return new DomainException(ErrorCode.INTERNAL, 'Internal error', { cause: exception });
}
