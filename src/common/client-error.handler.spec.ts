import { clientErrorException, lastRequestTarget, RawErrorReply } from './client-error.handler.js';
import { ErrorCode } from './error-codes.js';

describe('client-error handler pieces', () => {
  it('finds the target of the last request line in the bytes the parser failed on', () => {
    expect(lastRequestTarget(Buffer.from('GET /compat/ras/api/Session HTTP/1.1\r\nX-Big: aaaa'))).toBe('/compat/ras/api/Session');
    const pipelined = 'POST /v1/auth/logout HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}GET /compat/chime/accounts HTTP/1.1\r\nBad header\r\n';
    // The request after the 2-byte body is the one that failed.
    expect(lastRequestTarget(Buffer.from(pipelined))).toBe('/compat/chime/accounts');
    expect(lastRequestTarget(Buffer.from('POST /a HTTP/1.1\r\n\r\nx\nGET /b HTTP/1.1\r\nBad'))).toBe('/b');
    expect(lastRequestTarget(Buffer.from('GARBAGE\r\n\r\n'))).toBeUndefined();
    expect(lastRequestTarget(undefined)).toBeUndefined();
    expect(lastRequestTarget({ type: 'Buffer', data: [] })).toBeUndefined();
  });

  it('names the parser errors as domain codes', () => {
    const as = (code: string, reason?: string) => clientErrorException(Object.assign(new Error('x'), { code, reason }));
    expect(as('HPE_HEADER_OVERFLOW').code).toBe(ErrorCode.HEADERS_TOO_LARGE);
    expect(as('ERR_HTTP_REQUEST_TIMEOUT').code).toBe(ErrorCode.REQUEST_TIMEOUT);
    expect({ ...as('HPE_INVALID_METHOD', 'Invalid method encountered') }).toMatchObject({ code: ErrorCode.VALIDATION_FAILED });
    expect(as('HPE_INVALID_METHOD', 'Invalid method encountered').message).toBe('The request is not valid HTTP (Invalid method encountered)');
  });

  it('writes one framed HTTP/1.1 response that closes the connection', () => {
    const reply = new RawErrorReply().status(431).header('x-amzn-ErrorType', 'BadRequestException').send({ Message: 'é' });
    expect(reply.sent).toBe(true);
    expect(reply.toHttp()).toBe(
      'HTTP/1.1 431 Request Header Fields Too Large\r\nx-amzn-ErrorType: BadRequestException\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: 16\r\nconnection: close\r\n\r\n{"Message":"é"}',
    );
  });
});
