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

/**
 * An error body as the native API sends it, for a response's `example` (Swagger UI would otherwise
 * make one from the schema: `statusCode: 0` and the first code of the enum, VALIDATION_FAILED).
 */
export function errorExample(statusCode: number, error: ErrorCode, message: string, details?: Record<string, unknown>): ErrorResponseDto {
  return { statusCode, error, message, requestId: '3f6c2a1e-8d0b-4c4e-9a57-0c1d2e3f4a5b', ...(details ? { details } : {}) };
}
