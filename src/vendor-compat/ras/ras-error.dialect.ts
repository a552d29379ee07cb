import { HttpStatus } from '@nestjs/common';
import { DomainException, ErrorCode } from '../../common/error-codes.js';
import { ErrorDialect, ErrorReply, ErrorRequest, surfaceMatcher } from '../../common/error-dialect.js';
import { HEADER_FIELDS_TOO_LARGE } from '../../common/native-error.dialect.js';

/** RAS is ASP.NET Core: every JSON response carries the API version in its content type. */
export const RAS_CONTENT_TYPE = 'application/json; api-version=1.0';
/**
 * The header actually sent. Fastify appends a charset to a JSON type without one and, doing so,
 * re-quotes every parameter (`api-version="1.0"`); naming the charset keeps `api-version=1.0` as is.
 */
export const RAS_CONTENT_TYPE_HEADER = `${RAS_CONTENT_TYPE}; charset=utf-8`;

interface Problem {
  status: number;
  title: string;
  type: string;
}

// The `type` and `title` ASP.NET Core writes by default for each status (RAS adds nothing of its own).
const RFC = 'https://tools.ietf.org/html/rfc9110#section-';
const BAD_REQUEST: Problem = { status: HttpStatus.BAD_REQUEST, title: 'Bad Request', type: `${RFC}15.5.1` };
const UNAUTHORIZED: Problem = { status: HttpStatus.UNAUTHORIZED, title: 'Unauthorized', type: `${RFC}15.5.2` };

export function rasProblem(code: ErrorCode): Problem {
  switch (code) {
    case ErrorCode.VALIDATION_FAILED:
      return BAD_REQUEST;
    case ErrorCode.PAYLOAD_TOO_LARGE:
      return { status: HttpStatus.PAYLOAD_TOO_LARGE, title: 'Content Too Large', type: `${RFC}15.5.14` };
    case ErrorCode.HEADERS_TOO_LARGE:
      return { status: HEADER_FIELDS_TOO_LARGE, title: 'Request Header Fields Too Large', type: 'https://tools.ietf.org/html/rfc6585#section-5' };
    case ErrorCode.REQUEST_TIMEOUT:
      return { status: HttpStatus.REQUEST_TIMEOUT, title: 'Request Timeout', type: `${RFC}15.5.9` };
    case ErrorCode.UNAUTHENTICATED:
    case ErrorCode.INVALID_CREDENTIALS:
    case ErrorCode.INVALID_CLIENT:
    case ErrorCode.REFRESH_TOKEN_INVALID:
    case ErrorCode.REFRESH_TOKEN_REUSED:
    case ErrorCode.SIGNATURE_INVALID:
      return UNAUTHORIZED;
    case ErrorCode.PERMISSION_DENIED:
    case ErrorCode.INSUFFICIENT_USER_AUTHENTICATION: // RAS has no re-authentication: forbidden
    case ErrorCode.SESSION_LIMIT_REACHED:
      return { status: HttpStatus.FORBIDDEN, title: 'Forbidden', type: `${RFC}15.5.4` };
    case ErrorCode.NOT_FOUND:
    case ErrorCode.ROUTE_NOT_FOUND:
      return { status: HttpStatus.NOT_FOUND, title: 'Not Found', type: `${RFC}15.5.5` };
    case ErrorCode.CONFLICT:
      return { status: HttpStatus.CONFLICT, title: 'Conflict', type: `${RFC}15.5.10` };
    case ErrorCode.TOO_MANY_REQUESTS:
      return { status: HttpStatus.TOO_MANY_REQUESTS, title: 'Too Many Requests', type: 'https://tools.ietf.org/html/rfc6585#section-4' };
    case ErrorCode.SERVICE_UNAVAILABLE:
      return { status: HttpStatus.SERVICE_UNAVAILABLE, title: 'Service Unavailable', type: `${RFC}15.6.4` };
    case ErrorCode.INTERNAL:
      return { status: HttpStatus.INTERNAL_SERVER_ERROR, title: 'An error occurred while processing your request.', type: `${RFC}15.6.1` };
  }
}

/** Validation failures as ASP.NET's ValidationProblemDetails lists them: field → messages. */
function fieldErrors(error: DomainException): Record<string, string[]> | undefined {
  const list = error.code === ErrorCode.VALIDATION_FAILED ? error.details?.errors : undefined;
  if (!Array.isArray(list)) return undefined;
  return Object.fromEntries((list as { field: string; problems: string[] }[]).map((e) => [e.field, e.problems]));
}

/** The vendor's own routes, matched when it is mounted at the root. */
const RAS_ROUTES = /^\/api\/session(\/|$)/;

/** Parallels RAS errors: RFC 7807 ProblemDetails with `application/json; api-version=1.0`. */
export class RasErrorDialect implements ErrorDialect {
  readonly surface = 'ras' as const;
  readonly matches: (path: string) => boolean;

  constructor(prefix: string) {
    this.matches = surfaceMatcher(prefix, RAS_ROUTES);
  }

  send(error: DomainException, request: ErrorRequest, reply: ErrorReply): void {
    const problem = rasProblem(error.code);
    const errors = fieldErrors(error);
    void reply
      .status(problem.status)
      .header('content-type', RAS_CONTENT_TYPE_HEADER)
      .send({
        type: problem.type,
        title: problem.title,
        status: problem.status,
        detail: error.code === ErrorCode.INTERNAL ? 'Internal error' : error.message,
        instance: request.url.split('?', 1)[0],
        // ASP.NET Core adds the trace id as an extension member; ours is the request id.
        traceId: String(request.id),
        ...(errors ? { errors } : {}),
      });
  }
}
