import { captureReply, fakeRequest } from '../../../test/support/fake-reply.js';
import { DomainException, ErrorCode } from '../../common/error-codes.js';
import { ZapErrorDialect } from './zap-error.dialect.js';

const request = fakeRequest('/compat/zap/v1/login');

describe('ZapErrorDialect', () => {
  it('answers every ErrorCode as {success: false, message}', () => {
    const dialect = new ZapErrorDialect('/compat/zap');
    for (const code of Object.values(ErrorCode)) {
      const { sent, reply } = captureReply();
      dialect.send(new DomainException(code, 'boom'), request, reply);
      expect(sent.status).toBeGreaterThanOrEqual(400);
      expect(sent.body).toEqual({ success: false, message: expect.any(String) });
    }
  });

  it('maps the database being down to 503 and hides internal messages', () => {
    const dialect = new ZapErrorDialect('/compat/zap');
    const down = captureReply();
    dialect.send(new DomainException(ErrorCode.SERVICE_UNAVAILABLE, 'db down'), request, down.reply);
    expect(down.sent.status).toBe(503);
    const internal = captureReply();
    dialect.send(new DomainException(ErrorCode.INTERNAL, 'SELECT secret'), request, internal.reply);
    expect(internal.sent).toMatchObject({ status: 500, body: { success: false, message: 'An error occured while processing the request' } });
  });

  it('at the root claims only /v1/login and /v1/users/logout/:id, leaving the native /v1 alone', () => {
    const root = new ZapErrorDialect('');
    expect(root.matches('/v1/login')).toBe(true);
    expect(root.matches('/V1/Users/Logout/abc/')).toBe(true);
    expect(root.matches('/v1/users/logout')).toBe(false);
    expect(root.matches('/v1/users/abc/logout')).toBe(false);
    expect(root.matches('/v1/auth/login')).toBe(false);
    expect(root.matches('/v1/login/extra')).toBe(false);
  });
});
