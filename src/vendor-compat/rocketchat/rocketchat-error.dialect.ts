import { HttpStatus } from '@nestjs/common';
import { DomainException, ErrorCode } from '../../common/error-codes.js';
import { ErrorDialect, ErrorReply, ErrorRequest, surfaceMatcher } from '../../common/error-dialect.js';
import { HEADER_FIELDS_TOO_LARGE } from '../../common/native-error.dialect.js';

export const NOT_LOGGED_IN = 'You must be logged in to do this.';

/** The vendor's own routes, matched when it is mounted at the root. */
const ROCKETCHAT_ROUTES = /^\/api\/v1\/(login|logout|users\.logout)\/?$/;

function body(code: ErrorCode, error: DomainException, path: string): { status: number; body: Record<string, unknown> } {
  switch (code) {
    case ErrorCode.VALIDATION_FAILED:
      return { status: HttpStatus.BAD_REQUEST, body: { success: false, error: error.message, errorType: 'invalid-params' } };
    case ErrorCode.PAYLOAD_TOO_LARGE:
      return { status: HttpStatus.PAYLOAD_TOO_LARGE, body: { success: false, error: error.message, errorType: 'invalid-params' } };
    case ErrorCode.HEADERS_TOO_LARGE:
      return { status: HEADER_FIELDS_TOO_LARGE, body: { success: false, error: error.message, errorType: 'invalid-params' } };
    case ErrorCode.REQUEST_TIMEOUT:
      return { status: HttpStatus.REQUEST_TIMEOUT, body: { success: false, error: error.message } };
    case ErrorCode.INVALID_CREDENTIALS:
      // Rocket.Chat's login failure body, the same for an unknown user and a wrong password.
      return { status: HttpStatus.UNAUTHORIZED, body: { status: 'error', error: 'Unauthorized', message: 'Unauthorized' } };
    case ErrorCode.UNAUTHENTICATED:
    case ErrorCode.INVALID_CLIENT:
    case ErrorCode.REFRESH_TOKEN_INVALID:
    case ErrorCode.REFRESH_TOKEN_REUSED:
    case ErrorCode.SIGNATURE_INVALID:
      return { status: HttpStatus.UNAUTHORIZED, body: { success: false, status: 'error', error: NOT_LOGGED_IN, message: NOT_LOGGED_IN } };
    case ErrorCode.PERMISSION_DENIED:
      return { status: HttpStatus.FORBIDDEN, body: { success: false, error: 'unauthorized' } };
    case ErrorCode.INSUFFICIENT_USER_AUTHENTICATION:
    case ErrorCode.SESSION_LIMIT_REACHED:
      // Rocket.Chat has no step-up or session-limit answer: its forbidden shape, with the reason.
      return { status: HttpStatus.FORBIDDEN, body: { success: false, error: error.message, errorType: code === ErrorCode.SESSION_LIMIT_REACHED ? 'error-session-limit' : 'error-reauthentication-required' } };
    case ErrorCode.NOT_FOUND:
      // Rocket.Chat's users.logout answers an unknown id with Meteor.Error('error-invalid-user-id',
      // 'Invalid user id') → 400; the only NOT_FOUND these routes produce is a user (unknown, or in
      // another account: the core answers both alike), so the same body for both.
      return { status: HttpStatus.BAD_REQUEST, body: { success: false, error: 'Invalid user id [error-invalid-user-id]', errorType: 'error-invalid-user-id' } };
    case ErrorCode.ROUTE_NOT_FOUND:
      return { status: HttpStatus.NOT_FOUND, body: { success: false, status: 'error', error: 'Not found', message: `API endpoint "${path}" does not exist!` } };
    case ErrorCode.CONFLICT:
      // Rocket.Chat answers nearly every failed call 400 with an errorType (vendor silent on conflicts).
      return { status: HttpStatus.BAD_REQUEST, body: { success: false, error: error.message, errorType: 'error-conflict' } };
    case ErrorCode.TOO_MANY_REQUESTS:
      return { status: HttpStatus.TOO_MANY_REQUESTS, body: { success: false, error: 'Too many requests', errorType: 'error-too-many-requests' } };
    case ErrorCode.SERVICE_UNAVAILABLE:
      return { status: HttpStatus.SERVICE_UNAVAILABLE, body: { success: false, error: 'Service unavailable; try again shortly' } };
    case ErrorCode.INTERNAL:
      return { status: HttpStatus.INTERNAL_SERVER_ERROR, body: { success: false, error: 'Internal server error' } };
  }
}

/** Writes every failure on a Rocket.Chat route the way a Rocket.Chat server would. */
export class RocketChatErrorDialect implements ErrorDialect {
  readonly surface = 'rocketchat' as const;
  readonly matches: (path: string) => boolean;

  constructor(prefix: string) {
    this.matches = surfaceMatcher(prefix, ROCKETCHAT_ROUTES);
  }

  send(error: DomainException, request: ErrorRequest, reply: ErrorReply): void {
    const path = request.url.split('?', 1)[0];
    const { status, body: payload } = body(error.code, error, path);
    void reply.status(status).header('content-type', 'application/json').send(payload);
  }
}
