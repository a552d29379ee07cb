/**
 * Every failure the core can report. Each surface's exception filter maps these with an exhaustive
 * switch, so adding a code fails to compile until every dialect answers it.
 */
export enum ErrorCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  /** The request's headers exceed Node's limit (16 KB): refused by the HTTP parser, before any route. */
  HEADERS_TOO_LARGE = 'HEADERS_TOO_LARGE',
  /** The request did not arrive in full within the server's request/headers timeout. */
  REQUEST_TIMEOUT = 'REQUEST_TIMEOUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  INVALID_CLIENT = 'INVALID_CLIENT',
  REFRESH_TOKEN_INVALID = 'REFRESH_TOKEN_INVALID',
  REFRESH_TOKEN_REUSED = 'REFRESH_TOKEN_REUSED',
  SIGNATURE_INVALID = 'SIGNATURE_INVALID',
  PERMISSION_DENIED = 'PERMISSION_DENIED',
  /**
   * The session's authentication is older than the policy allows for this action (RFC 9470):
   * re-authenticate (POST /v1/auth/reauthenticate) and retry. `details.max_age` is that age, seconds.
   */
  INSUFFICIENT_USER_AUTHENTICATION = 'insufficient_user_authentication',
  /** The user already holds as many sessions as the session policy allows, and it refuses new ones. */
  SESSION_LIMIT_REACHED = 'SESSION_LIMIT_REACHED',
  NOT_FOUND = 'NOT_FOUND',
  ROUTE_NOT_FOUND = 'ROUTE_NOT_FOUND',
  CONFLICT = 'CONFLICT',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL = 'INTERNAL',
}

/** A failure the domain reports; never an HttpException, so each dialect can answer it its own way. */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainException';
  }
}

export const notFound = (what: string) => new DomainException(ErrorCode.NOT_FOUND, `${what} not found`);
