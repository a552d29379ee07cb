import { ErrorCode } from '../error-codes.js';

/** The native API's error body. */
export class ErrorResponseDto {
  /** HTTP status, repeated. */
  statusCode: number;
  /** Stable machine-readable code. */
  error: ErrorCode;
  message: string;
  /** Quote it when reporting a problem; it is in the logs and the audit trail. */
  requestId: string;
  details?: Record<string, unknown>;
}
