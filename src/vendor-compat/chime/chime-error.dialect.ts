import { HttpStatus } from '@nestjs/common';
import { DomainException, ErrorCode } from '../../common/error-codes.js';
import { ErrorDialect, ErrorReply, ErrorRequest, surfaceMatcher } from '../../common/error-dialect.js';
import { ChimeErrorCode } from './dto/chime.dto.js';

interface ChimeError {
  status: number;
  /** The `x-amzn-ErrorType` header: the SDK raises the exception class of that name. */
  type: string;
  code: ChimeErrorCode;
}

const BAD_REQUEST: ChimeError = { status: HttpStatus.BAD_REQUEST, type: 'BadRequestException', code: 'BadRequest' };
const UNAUTHORIZED: ChimeError = { status: HttpStatus.UNAUTHORIZED, type: 'UnauthorizedClientException', code: 'Unauthorized' };
const NOT_FOUND: ChimeError = { status: HttpStatus.NOT_FOUND, type: 'NotFoundException', code: 'NotFound' };

export function chimeError(code: ErrorCode): ChimeError {
  switch (code) {
    case ErrorCode.VALIDATION_FAILED:
    case ErrorCode.PAYLOAD_TOO_LARGE: // Chime has no 413 or 431; an oversized request is a bad one
    case ErrorCode.HEADERS_TOO_LARGE:
    case ErrorCode.REQUEST_TIMEOUT:
      return BAD_REQUEST;
    case ErrorCode.UNAUTHENTICATED:
    case ErrorCode.INVALID_CREDENTIALS:
    case ErrorCode.INVALID_CLIENT:
    case ErrorCode.REFRESH_TOKEN_INVALID:
    case ErrorCode.REFRESH_TOKEN_REUSED:
    case ErrorCode.SIGNATURE_INVALID:
      return UNAUTHORIZED;
    case ErrorCode.PERMISSION_DENIED:
    case ErrorCode.INSUFFICIENT_USER_AUTHENTICATION: // an access key cannot re-authenticate: forbidden
    case ErrorCode.SESSION_LIMIT_REACHED:
      return { status: HttpStatus.FORBIDDEN, type: 'ForbiddenException', code: 'Forbidden' };
    case ErrorCode.NOT_FOUND:
    case ErrorCode.ROUTE_NOT_FOUND:
      return NOT_FOUND;
    case ErrorCode.CONFLICT:
      return { status: HttpStatus.CONFLICT, type: 'ConflictException', code: 'Conflict' };
    case ErrorCode.TOO_MANY_REQUESTS:
      return { status: HttpStatus.TOO_MANY_REQUESTS, type: 'ThrottledClientException', code: 'Throttled' };
    case ErrorCode.SERVICE_UNAVAILABLE:
      return { status: HttpStatus.SERVICE_UNAVAILABLE, type: 'ServiceUnavailableException', code: 'ServiceUnavailable' };
    case ErrorCode.INTERNAL:
      return { status: HttpStatus.INTERNAL_SERVER_ERROR, type: 'ServiceFailureException', code: 'ServiceFailure' };
  }
}

/** Every Chime response carries the request id, errors included. */
export const setAmznRequestId = (request: ErrorRequest, reply: ErrorReply) => reply.header('x-amzn-RequestId', String(request.id));

/** The vendor's own routes, matched when it is mounted at the root. */
const CHIME_ROUTES = /^\/accounts(\/|$)/;

/** Amazon Chime (restJson1) errors: status, `x-amzn-ErrorType`, `x-amzn-RequestId`, `{Code, Message}`. */
export class ChimeErrorDialect implements ErrorDialect {
  readonly surface = 'chime' as const;
  readonly matches: (path: string) => boolean;

  constructor(prefix: string) {
    this.matches = surfaceMatcher(prefix, CHIME_ROUTES);
  }

  send(error: DomainException, request: ErrorRequest, reply: ErrorReply): void {
    const chime = chimeError(error.code);
    setAmznRequestId(request, reply);
    void reply
      .status(chime.status)
      .header('x-amzn-ErrorType', chime.type)
      .header('content-type', 'application/json')
      .send({ Code: chime.code, Message: error.code === ErrorCode.INTERNAL ? 'The service encountered an unexpected error.' : error.message });
  }
}
