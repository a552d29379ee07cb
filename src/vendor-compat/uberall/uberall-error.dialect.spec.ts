import { captureReply, fakeRequest } from '../../../test/support/fake-reply.js';
import { DomainException, ErrorCode } from '../../common/error-codes.js';
import { UBERALL_STATUSES } from './dto/uberall.dto.js';
import { UberallErrorDialect } from './uberall-error.dialect.js';

const request = fakeRequest('/compat/uberall/users/logout');

describe('UberallErrorDialect', () => {
  it('answers every ErrorCode with an Uberall envelope whose status is in the vendor enum', () => {
    const dialect = new UberallErrorDialect('/compat/uberall');
    for (const code of Object.values(ErrorCode)) {
      const { sent, reply } = captureReply<{ status: string; message?: string }>();
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
      const { sent, reply } = captureReply<{ status: string; message?: string }>();
      dialect.send(new DomainException(code, 'SELECT secret'), request, reply);
      expect({ code, status: sent.status, name: sent.body?.status }).toEqual({ code, status, name });
    }
    const privateKey = captureReply<{ status: string; message?: string }>();
    dialect.send(new DomainException(ErrorCode.INVALID_CLIENT, 'Wrong private key', { credential: 'private_key' }), request, privateKey.reply);
    expect({ status: privateKey.sent.status, name: privateKey.sent.body?.status }).toEqual({ status: 401, name: 'BAD_PRIVATE_KEY' });
    const internal = captureReply<{ status: string; message?: string }>();
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
