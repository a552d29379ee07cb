import { ErrorCode } from '../../src/common/error-codes.js';
import { UBERALL_STATUSES } from '../../src/vendor-compat/uberall/dto/uberall.dto.js';

export const SURFACE_NAMES = ['native', 'rocketchat', 'uberall', 'zap', 'ras', 'chime'] as const;
export type SurfaceName = (typeof SURFACE_NAMES)[number];

/** An HTTP answer, from supertest or read off a raw socket (header names lower-case). */
export interface Answer {
  status: number;
  headers: Record<string, unknown>;
  body: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const onlyKeys = (body: Record<string, unknown>, allowed: string[]) => Object.keys(body).filter((k) => !allowed.includes(k));

/**
 * Why `answer` is not an error in `surface`'s own shape, or null when it is:
 * native `{statusCode, error, message, requestId}`, Rocket.Chat `{success: false, error}` (its login
 * failure `{status: 'error', error, message}`), Uberall's status envelope, ZAP `{success: false,
 * message}`, RAS ProblemDetails with `application/json; api-version=1.0`, Chime `x-amzn-ErrorType` +
 * `{Code, Message}`.
 */
export function errorShapeProblem(surface: SurfaceName, answer: Answer): string | null {
  const { status, headers, body } = answer;
  if (status < 400 || status > 599) return `status ${status} is not an error`;
  if (!isRecord(body)) return `body is not a JSON object: ${JSON.stringify(body)}`;
  const contentType = String(headers['content-type'] ?? '');
  if (!contentType.startsWith('application/json')) return `content-type ${contentType}`;
  const text = (k: string) => typeof body[k] === 'string';
  switch (surface) {
    case 'native': {
      const extra = onlyKeys(body, ['statusCode', 'error', 'message', 'requestId', 'details']);
      if (extra.length) return `unexpected keys ${extra.join(',')}`;
      if (body.statusCode !== status) return `statusCode ${String(body.statusCode)} ≠ ${status}`;
      if (!Object.values<unknown>(ErrorCode).includes(body.error)) return `error ${String(body.error)} is not an ErrorCode`;
      if (!text('message')) return 'no message';
      if (body.requestId !== headers['x-request-id']) return 'requestId ≠ x-request-id';
      return null;
    }
    case 'rocketchat':
      if (!text('error')) return 'no error text';
      if (body.success !== false && body.status !== 'error') return 'neither success: false nor status: error';
      return null;
    case 'uberall': {
      const extra = onlyKeys(body, ['status', 'message', 'errorCode']);
      if (extra.length) return `unexpected keys ${extra.join(',')}`;
      if (!(UBERALL_STATUSES as readonly unknown[]).includes(body.status)) return `status ${String(body.status)} is not an Uberall status`;
      return text('message') ? null : 'no message';
    }
    case 'zap': {
      const extra = onlyKeys(body, ['success', 'message']);
      if (extra.length) return `unexpected keys ${extra.join(',')}`;
      return body.success === false && text('message') ? null : 'not {success: false, message}';
    }
    case 'ras': {
      if (!contentType.startsWith('application/json; api-version=1.0')) return `content-type ${contentType}`;
      const extra = onlyKeys(body, ['type', 'title', 'status', 'detail', 'instance', 'traceId', 'errors']);
      if (extra.length) return `unexpected keys ${extra.join(',')}`;
      if (body.status !== status) return `status member ${String(body.status)} ≠ ${status}`;
      return ['type', 'title', 'detail', 'instance', 'traceId'].every(text) ? null : 'a ProblemDetails member is missing';
    }
    case 'chime': {
      const type = headers['x-amzn-errortype'];
      if (typeof type !== 'string' || !type.endsWith('Exception')) return `x-amzn-ErrorType ${String(type)}`;
      if (typeof headers['x-amzn-requestid'] !== 'string') return 'no x-amzn-RequestId';
      const extra = onlyKeys(body, ['Code', 'Message']);
      if (extra.length) return `unexpected keys ${extra.join(',')}`;
      return text('Code') && text('Message') ? null : 'not {Code, Message}';
    }
  }
}

export function expectErrorShape(surface: SurfaceName, answer: Answer, status?: number): void {
  expect({ status: answer.status, problem: errorShapeProblem(surface, answer) }).toEqual({ status: status ?? answer.status, problem: null });
}
