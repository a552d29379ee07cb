import { DomainException, ErrorCode } from './error-codes.js';
import { isStorableDate } from './storable-date.js';

/**
 * A keyset position: the row's time as Postgres renders it (UTC, to the microsecond, which a JS Date
 * would round, skipping or repeating rows) and its id. Opaque to clients: base64url of `[at, id]`.
 */
export interface KeysetCursor {
  at: string;
  id: string;
}

/** SQL rendering a timestamptz column as a cursor's time: the one format `decodeKeysetCursor` accepts. */
export const cursorInstantSql = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/**
 * Whether `at` is a time the service could have rendered: that format, a real calendar date and time
 * (2026-02-30 is not; a JS Date would roll it over, Postgres refuses it), in the years 0001-9999.
 * Anything else would reach Postgres and fail there (22007, 22008, 22009).
 */
function isCursorInstant(at: string): boolean {
  if (!INSTANT.test(at)) return false;
  const date = new Date(at);
  return !Number.isNaN(date.getTime()) && isStorableDate(date) && date.toISOString().slice(0, 19) === at.slice(0, 19);
}

export function encodeKeysetCursor(at: string, id: string): string {
  return Buffer.from(JSON.stringify([at, id])).toString('base64url');
}

/** The position a cursor names; VALIDATION_FAILED unless it is one `encodeKeysetCursor` could have made with such an id. */
export function decodeKeysetCursor(cursor: string, isId: (id: string) => boolean): KeysetCursor {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = null;
  }
  if (Array.isArray(decoded) && decoded.length === 2) {
    const [at, id] = decoded as unknown[];
    if (typeof at === 'string' && typeof id === 'string' && isCursorInstant(at) && isId(id)) return { at, id };
  }
  throw new DomainException(ErrorCode.VALIDATION_FAILED, 'cursor is malformed');
}
