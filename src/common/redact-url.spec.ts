import { redactUrl } from './redact-url.js';

describe('redactUrl', () => {
  it('redacts every query value and keeps the names and the path', () => {
    expect(redactUrl('/v1/auth/session?access_token=sat_secret')).toBe('/v1/auth/session?access_token=[redacted]');
    expect(redactUrl('/compat/chime/accounts/a/users/u?operation=logout&X-Amz-Signature=abc123&X-Amz-Credential=AKIA%2Fx')).toBe(
      '/compat/chime/accounts/a/users/u?operation=[redacted]&X-Amz-Signature=[redacted]&X-Amz-Credential=[redacted]',
    );
    expect(redactUrl('/x?a=1&a=2&empty=')).toBe('/x?a=[redacted]&a=[redacted]&empty=[redacted]');
  });

  it('redacts a bare parameter whole (it may be the credential itself) and drops a fragment', () => {
    expect(redactUrl('/x?sat_secret')).toBe('/x?[redacted]');
    expect(redactUrl('/x?token=sat_secret#frag_secret')).toBe('/x?token=[redacted]');
    expect(redactUrl('/x?a=b=c_secret')).toBe('/x?a=[redacted]');
  });

  it('leaves a URL without a query as it is, and keeps stray separators', () => {
    expect(redactUrl('/v1/users/3f0c/sessions')).toBe('/v1/users/3f0c/sessions');
    expect(redactUrl('/x?')).toBe('/x?');
    expect(redactUrl('/x?&a=1&')).toBe('/x?&a=[redacted]&');
  });

  it('never returns a secret it was given in the query, whatever the shape', () => {
    for (const url of ['/a?t=s3cr3t', '/a?s3cr3t', '/a?x=1&t=s3cr3t&y', '/a?t=%73%33cr3t', '/a?t=s3cr3t;other=1', '/a??t=s3cr3t']) {
      expect(redactUrl(url)).not.toMatch(/s3cr3t|%73/);
    }
  });
});
