import { DomainException, ErrorCode } from './error-codes.js';
import { nativeStatus, wwwAuthenticate } from './native-error.dialect.js';

describe('the native Bearer challenge', () => {
  it('is plain Bearer for every 401 but a step-up refusal', () => {
    expect(wwwAuthenticate(new DomainException(ErrorCode.UNAUTHENTICATED, 'no'))).toBe('Bearer');
    expect(wwwAuthenticate(new DomainException(ErrorCode.INVALID_CREDENTIALS, 'no'))).toBe('Bearer');
  });

  it('carries RFC 9470 error, a quoted-string description and max_age for a step-up refusal, which is a 401', () => {
    const error = new DomainException(ErrorCode.INSUFFICIENT_USER_AUTHENTICATION, 'needs "fresh" auth \\ now', { max_age: 300 });
    expect(nativeStatus(error.code)).toBe(401);
    expect(wwwAuthenticate(error)).toBe('Bearer error="insufficient_user_authentication", error_description="needs \\"fresh\\" auth \\\\ now", max_age=300');
  });
});
