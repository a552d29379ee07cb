import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainException, ErrorCode } from '../../common/error-codes.js';
import { UBERALL_STATUSES } from './dto/uberall.dto.js';
import { UberallErrorDialect } from './uberall-error.dialect.js';

function capture() {
  const sent: { status?: number; body?: { status: string; message?: string }; headers: Record<string, string> } = { headers: {} };
  const reply = {
    status(code: number) { sent.status = code; return reply; },
    header(name: string, value: string) { sent.headers[name] = value; return reply; },
    send(body: { status: string }) { sent.body = body; return reply; },
  };
  return { sent, reply: reply as unknown as FastifyReply };
}

const request = { url: '/compat/uberall/users/logout', id: 'r1' } as unknown as FastifyRequest;

describe('UberallErrorDialect', () => {
  it('answers every ErrorCode with an Uberall envelope whose status is in the vendor enum', () => {
    const dialect = new UberallErrorDialect('/compat/uberall');
    for (const code of Object.values(ErrorCode)) {
      const { sent, reply } = capture();
      dialect.send(new DomainException(code, 'boom'), request, reply);
      expect(sent.status).toBeGreaterThanOrEqual(400);
      expect(UBERALL_STATUSES).toContain(sent.body?.status);
      expect(sent.body?.status).not.toBe('SUCCESS');
    }
  });

  it('maps credentials, database down and internal errors as documented', () => {
    const dialect = new UberallErrorDialect('/compat/uberall');
    const cases: [ErrorCode, number, string][] = [
      [ErrorCode.INVALID_CLIENT, 401, 'BAD_PUBLIC_KEY'],
      [ErrorCode.UNAUTHENTICATED, 401, 'BAD_ACCESS_TOKEN'],
      [ErrorCode.INVALID_CREDENTIALS, 401, 'NOT_AUTHORIZED'],
      [ErrorCode.SERVICE_UNAVAILABLE, 503, 'SERVER_ERROR'],
      [ErrorCode.INTERNAL, 500, 'SERVER_ERROR'],
    ];
    for (const [code, status, name] of cases) {
      const { sent, reply } = capture();
      dialect.send(new DomainException(code, 'SELECT secret'), request, reply);
      expect({ code, status: sent.status, name: sent.body?.status }).toEqual({ code, status, name });
    }
    const internal = capture();
    dialect.send(new DomainException(ErrorCode.INTERNAL, 'SELECT secret'), request, internal.reply);
    expect(internal.sent.body?.message).toBe('Internal error');
  });

  it('claims its whole prefix, or only its exact routes when mounted at the root', () => {
    const root = new UberallErrorDialect('');
    expect(root.matches('/users/logout')).toBe(true);
    expect(root.matches('/Users/abc/All-Sessions')).toBe(true);
    expect(root.matches('/v1/users/abc')).toBe(false);
    expect(new UberallErrorDialect('/compat/uberall/').matches('/compat/uberall/anything')).toBe(true);
  });
});
