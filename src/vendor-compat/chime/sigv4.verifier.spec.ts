import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ChimeClient, LogoutUserCommand } from '@aws-sdk/client-chime';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest, HttpResponse } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { SigV4Error, type SigV4Failure, type SigV4Request, verifySigV4 } from './sigv4.verifier.js';

// The SDK warns on Node < 22; that is noise here, not a test signal.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const AKID = 'AKIDEXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const PREFIX = '/compat/chime';
const HOST = '127.0.0.1:4567';
const SIGNED_AT = new Date('2026-01-01T12:00:00Z');
const MAX_SKEW_MS = 15 * 60_000;

const lookup = async (id: string): Promise<string | null> => (id === AKID ? SECRET : null);
const verifyAt = (req: SigV4Request, now: Date = SIGNED_AT) =>
  verifySigV4(req, lookup, { service: 'chime', maxSkewMs: MAX_SKEW_MS, now: () => now });

/** Mirrors the SDK's query serialisation (RFC 3986 strict escaping). */
const escape = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
type SignedRequest = Pick<HttpRequest, 'method' | 'path' | 'headers'> & { query?: HttpRequest['query'] };
function toVerifierRequest(req: SignedRequest): SigV4Request {
  const qs = Object.entries(req.query ?? {})
    .map(([k, v]) => `${escape(k)}=${escape(String(v))}`)
    .join('&');
  return { method: req.method, url: qs ? `${req.path}?${qs}` : req.path, headers: req.headers };
}

/** Signs the way the Chime client does: service chime, us-east-1, escaped path, x-amz-content-sha256 added. */
async function smithySigned(
  opts: { userId?: string; service?: string; secret?: string; at?: Date; unsignable?: string[] } = {},
): Promise<SigV4Request> {
  const signer = new SignatureV4({
    service: opts.service ?? 'chime',
    region: 'us-east-1',
    credentials: { accessKeyId: AKID, secretAccessKey: opts.secret ?? SECRET },
    sha256: Sha256,
    uriEscapePath: true,
  });
  const request = new HttpRequest({
    method: 'POST',
    hostname: '127.0.0.1',
    path: `${PREFIX}/accounts/acc-1/users/${escape(opts.userId ?? 'user-1')}`,
    query: { operation: 'logout' },
    headers: { host: HOST },
  });
  const signed = await signer.sign(request, {
    signingDate: opts.at ?? SIGNED_AT,
    unsignableHeaders: new Set(opts.unsignable ?? []),
  });
  return toVerifierRequest(signed);
}

function chimeClient(endpoint: string, requestHandler?: { handle(request: HttpRequest): Promise<{ response: HttpResponse }> }) {
  return new ChimeClient({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: AKID, secretAccessKey: SECRET },
    maxAttempts: 1,
    ...(requestHandler ? { requestHandler } : {}),
  });
}

/** Records the HttpRequest the real SDK hands to its transport, after signing. */
async function captureFromSdk(userId: string): Promise<HttpRequest> {
  const captured: HttpRequest[] = [];
  const handler = {
    async handle(request: HttpRequest) {
      captured.push(request);
      return { response: new HttpResponse({ statusCode: 204, headers: {} }) };
    },
  };
  await chimeClient(`http://${HOST}${PREFIX}`, handler).send(new LogoutUserCommand({ AccountId: 'acc-1', UserId: userId }));
  expect(captured).toHaveLength(1);
  return captured[0];
}

/** Sends a real SDK request over loopback HTTP and returns it exactly as a Node server receives it. */
async function receiveOverHttp(userId: string): Promise<SigV4Request> {
  const received: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    received.push(req);
    res.writeHead(204).end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const { port } = server.address() as AddressInfo;
    const client = chimeClient(`http://127.0.0.1:${port}${PREFIX}`);
    await client.send(new LogoutUserCommand({ AccountId: 'acc-1', UserId: userId }));
    client.destroy();
  } finally {
    server.close();
  }
  const [req] = received;
  return { method: req.method ?? '', url: req.url ?? '', headers: req.headers };
}

async function expectFailure(promise: Promise<unknown>, reason: SigV4Failure): Promise<SigV4Error> {
  const error = await promise.then(
    () => {
      throw new Error(`expected ${reason}, but the request verified`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SigV4Error);
  const sigErr = error as SigV4Error;
  expect(sigErr.reason).toBe(reason);
  expect(sigErr.message).not.toContain(SECRET);
  return sigErr;
}

describe('verifySigV4', () => {
  it('accepts a request signed by @smithy/signature-v4 the way the Chime client signs', async () => {
    const req = await smithySigned();
    expect(req.url).toBe(`${PREFIX}/accounts/acc-1/users/user-1?operation=logout`);
    const signature = /Signature=([0-9a-f]{64})$/.exec(String(req.headers.authorization))?.[1];
    await expect(verifyAt(req)).resolves.toEqual({
      accessKeyId: AKID,
      region: 'us-east-1',
      signedAt: SIGNED_AT,
      signature, // what a replay would carry again: recorded as seen
      acceptedUntil: new Date(SIGNED_AT.getTime() + MAX_SKEW_MS),
    });
  });

  it('accepts a request captured from the real ChimeClient + LogoutUserCommand (prefix is signed)', async () => {
    const captured = await captureFromSdk('user-1');
    expect(captured.path).toBe(`${PREFIX}/accounts/acc-1/users/user-1`);
    expect(captured.query).toEqual({ operation: 'logout' });
    const result = await verifySigV4(toVerifierRequest(captured), lookup, { service: 'chime', maxSkewMs: MAX_SKEW_MS });
    expect(result).toMatchObject({ accessKeyId: AKID, region: 'us-east-1' });

    // Proves the prefix is covered: the same request routed without it does not verify.
    const unprefixed = toVerifierRequest(captured);
    await expectFailure(
      verifySigV4({ ...unprefixed, url: unprefixed.url.slice(PREFIX.length) }, lookup, { service: 'chime', maxSkewMs: MAX_SKEW_MS }),
      'BAD_SIGNATURE',
    );
  });

  it('round-trips a userId needing escaping (SDK capture) only when given the raw, undecoded path', async () => {
    const captured = await captureFromSdk('a/b c');
    expect(captured.path).toBe(`${PREFIX}/accounts/acc-1/users/a%2Fb%20c`);
    const req = toVerifierRequest(captured);
    const opts = { service: 'chime', maxSkewMs: MAX_SKEW_MS };
    await expect(verifySigV4(req, lookup, opts)).resolves.toMatchObject({ accessKeyId: AKID });
    await expectFailure(verifySigV4({ ...req, url: decodeURIComponent(req.url) }, lookup, opts), 'BAD_SIGNATURE');
  });

  it('verifies a real SDK request exactly as a Node HTTP server receives it (req.url, req.headers)', async () => {
    const req = await receiveOverHttp("a/b c'(x)");
    expect(req.url).toBe(`${PREFIX}/accounts/acc-1/users/a%2Fb%20c%27%28x%29?operation=logout`);
    await expect(verifySigV4(req, lookup, { service: 'chime', maxSkewMs: MAX_SKEW_MS })).resolves.toMatchObject({
      accessKeyId: AKID,
      region: 'us-east-1',
    });
  });

  it('accepts up to the skew limit in both directions', async () => {
    const req = await smithySigned();
    await expect(verifyAt(req, new Date(SIGNED_AT.getTime() + 14 * 60_000))).resolves.toBeDefined();
    await expect(verifyAt(req, new Date(SIGNED_AT.getTime() - 14 * 60_000))).resolves.toBeDefined();
  });

  describe('rejections', () => {
    let base: SigV4Request;
    beforeAll(async () => {
      base = await smithySigned();
    });
    const withHeader = (name: string, value: string | undefined): SigV4Request => ({ ...base, headers: { ...base.headers, [name]: value } });

    it('tampered path → BAD_SIGNATURE', async () => {
      await expectFailure(verifyAt({ ...base, url: base.url.replace('user-1', 'user-2') }), 'BAD_SIGNATURE');
    });
    it('tampered query → BAD_SIGNATURE', async () => {
      await expectFailure(verifyAt({ ...base, url: base.url.replace('logout', 'login') }), 'BAD_SIGNATURE');
    });
    it('tampered signed header (host) → BAD_SIGNATURE', async () => {
      await expectFailure(verifyAt(withHeader('host', 'evil.example:4567')), 'BAD_SIGNATURE');
    });
    it('body not matching x-amz-content-sha256 → BAD_SIGNATURE', async () => {
      await expectFailure(verifyAt({ ...base, body: '{"x":1}' }), 'BAD_SIGNATURE');
    });
    it('wrong secret → BAD_SIGNATURE', async () => {
      await expectFailure(verifyAt(await smithySigned({ secret: 'not-the-secret' })), 'BAD_SIGNATURE');
    });
    it('unknown access key → UNKNOWN_KEY', async () => {
      const err = await expectFailure(
        verifySigV4(base, async () => null, { service: 'chime', maxSkewMs: MAX_SKEW_MS, now: () => SIGNED_AT }),
        'UNKNOWN_KEY',
      );
      expect(err.message).toMatch(/access key/i);
    });
    it.each([
      ['16 minutes old', -16],
      ['16 minutes in the future', 16],
    ])('x-amz-date %s → STALE', async (_label, offsetMinutes) => {
      const req = await smithySigned({ at: new Date(SIGNED_AT.getTime() + offsetMinutes * 60_000) });
      const err = await expectFailure(verifyAt(req), 'STALE');
      expect(err.message).toMatch(/^Signature expired: x-amz-date is more than 15 minutes from server time/);
    });
    it('missing Authorization → MISSING', async () => {
      await expectFailure(verifyAt(withHeader('authorization', undefined)), 'MISSING');
    });
    it.each([
      ['wrong scheme', 'Bearer abc'],
      ['missing Signature', `AWS4-HMAC-SHA256 Credential=${AKID}/20260101/us-east-1/chime/aws4_request, SignedHeaders=host;x-amz-date`],
      ['short credential', `AWS4-HMAC-SHA256 Credential=${AKID}/20260101/chime/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'a'.repeat(64)}`],
      ['non-hex signature', `AWS4-HMAC-SHA256 Credential=${AKID}/20260101/us-east-1/chime/aws4_request, SignedHeaders=host;x-amz-date, Signature=zz`],
      ['unsorted SignedHeaders', `AWS4-HMAC-SHA256 Credential=${AKID}/20260101/us-east-1/chime/aws4_request, SignedHeaders=x-amz-date;host, Signature=${'a'.repeat(64)}`],
    ])('malformed Authorization (%s) → MALFORMED', async (_label, value) => {
      await expectFailure(verifyAt(withHeader('authorization', value)), 'MALFORMED');
    });
    it('credential scoped to another service → MALFORMED', async () => {
      const err = await expectFailure(verifyAt(await smithySigned({ service: 's3' })), 'MALFORMED');
      expect(err.message).toContain("'chime'");
    });
    it('scope date differing from x-amz-date → MALFORMED', async () => {
      const auth = String(base.headers['authorization']).replace('/20260101/', '/20251231/');
      await expectFailure(verifyAt(withHeader('authorization', auth)), 'MALFORMED');
    });
    it('host not signed → MALFORMED', async () => {
      await expectFailure(verifyAt(await smithySigned({ unsignable: ['host'] })), 'MALFORMED');
    });
    it('presigned query-string auth → MALFORMED with a clear message', async () => {
      const presigned = { ...withHeader('authorization', undefined), url: `${base.url}&X-Amz-Signature=${'a'.repeat(64)}` };
      const err = await expectFailure(verifyAt(presigned), 'MALFORMED');
      expect(err.message).toMatch(/Presigned/);
    });
    it('dot-segments in the path (normalised away by the signer) → MALFORMED', async () => {
      await expectFailure(verifyAt({ ...base, url: base.url.replace('/users/', '/users/x/../') }), 'MALFORMED');
    });
  });
});
