import { captureReply, fakeRequest } from '../../../test/support/fake-reply.js';
import { DomainException, ErrorCode } from '../../common/error-codes.js';
import { RocketChatErrorDialect } from './rocketchat-error.dialect.js';

const request = fakeRequest('/compat/rocketchat/api/v1/users.logout');

describe('RocketChatErrorDialect', () => {
  it('answers every ErrorCode with a Rocket.Chat body and never a 2xx', () => {
    const dialect = new RocketChatErrorDialect('/compat/rocketchat');
    for (const code of Object.values(ErrorCode)) {
      const { sent, reply } = captureReply();
      dialect.send(new DomainException(code, 'boom'), request, reply);
      expect(sent.status).toBeGreaterThanOrEqual(400);
      expect(sent.body).toEqual(expect.objectContaining(code === ErrorCode.INVALID_CREDENTIALS ? { status: 'error' } : { success: false }));
    }
  });

  it('maps the database being down to 503 and internal errors to a bodyless-detail 500', () => {
    const dialect = new RocketChatErrorDialect('/compat/rocketchat');
    const down = captureReply();
    dialect.send(new DomainException(ErrorCode.SERVICE_UNAVAILABLE, 'db'), request, down.reply);
    expect(down.sent).toMatchObject({ status: 503, body: { success: false, error: expect.any(String) } });
    const internal = captureReply();
    dialect.send(new DomainException(ErrorCode.INTERNAL, 'SELECT secret FROM x'), request, internal.reply);
    expect(internal.sent).toMatchObject({ status: 500, body: { success: false, error: 'Internal server error' } });
  });

  it('claims its whole prefix, or only its exact routes when mounted at the root', () => {
    expect(new RocketChatErrorDialect('/compat/rocketchat').matches('/COMPAT/RocketChat/api/v1/x?y=1')).toBe(true);
    expect(new RocketChatErrorDialect('/compat/rocketchat').matches('/v1/auth/me')).toBe(false);
    const root = new RocketChatErrorDialect('');
    expect(root.matches('/api/v1/users.logout')).toBe(true);
    expect(root.matches('/api/v1/Logout/?a=1')).toBe(true);
    expect(root.matches('/api/v1/me')).toBe(false);
    expect(root.matches('/v1/auth/login')).toBe(false);
  });
});
