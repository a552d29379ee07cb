import { createHash, timingSafeEqual } from 'node:crypto';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';

/**
 * Server-side AWS Signature Version 4 (header auth) verifier for the
 * Chime-compatible endpoints. Canonicalisation is delegated to
 * @smithy/signature-v4 (the signer the AWS SDK itself uses) so the two
 * cannot drift apart; this file only parses, checks policy and compares.
 */

export interface SigV4Request {
  method: string;
  /** Raw path + query exactly as received (NOT percent-decoded), e.g. /compat/chime/accounts/a/users/b?operation=logout */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body?: Buffer | string;
}

export type SigV4Failure = 'MISSING' | 'MALFORMED' | 'STALE' | 'UNKNOWN_KEY' | 'BAD_SIGNATURE' | 'REPLAYED';

export class SigV4Error extends Error {
  constructor(
    readonly reason: SigV4Failure,
    message: string,
  ) {
    super(message);
    this.name = 'SigV4Error';
  }
}

export interface SigV4Options {
  service: string;
  maxSkewMs: number;
  now?: () => Date;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const HEADER_NAME = /^[a-z0-9!#$%&'*+.^_`|~-]+$/;
const PRESIGN_PARAMS = new Set(['x-amz-algorithm', 'x-amz-credential', 'x-amz-signature']);

interface ParsedAuthorization {
  accessKeyId: string;
  shortDate: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

function fail(reason: SigV4Failure, message: string): never {
  throw new SigV4Error(reason, message);
}

/** Lower-cases names and folds repeated headers the way SigV4 canonicalises them (comma-joined). */
function normaliseHeaders(headers: SigV4Request['headers']): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const joined = Array.isArray(value) ? value.join(',') : value;
    const key = name.toLowerCase();
    const prior = out.get(key);
    out.set(key, prior === undefined ? joined : `${prior},${joined}`);
  }
  return out;
}

function decode(component: string): string {
  try {
    return decodeURIComponent(component);
  } catch {
    return fail('MALFORMED', 'Query string contains invalid percent-encoding');
  }
}

/** Decoded once: the signer re-escapes query keys/values itself, exactly as the SDK did before sending. */
function parseQuery(raw: string): Record<string, string | string[]> {
  const query = new Map<string, string | string[]>();
  for (const pair of raw.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = decode(eq < 0 ? '' : pair.slice(eq + 1));
    const prior = query.get(key);
    query.set(key, prior === undefined ? value : [...(Array.isArray(prior) ? prior : [prior]), value]);
  }
  // fromEntries defines own properties, so a "__proto__" key cannot touch the prototype.
  return Object.fromEntries(query);
}

function parseAuthorization(value: string): ParsedAuthorization {
  const usage = `expected "${ALGORITHM} Credential=<AccessKeyId>/<YYYYMMDD>/<region>/<service>/aws4_request, SignedHeaders=<h1;h2>, Signature=<hex>"`;
  if (!value.startsWith(`${ALGORITHM} `)) fail('MALFORMED', `Unsupported Authorization header: ${usage}`);
  const fields = new Map<string, string>();
  for (const part of value.slice(ALGORITHM.length + 1).split(',')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, Math.max(eq, 0)).trim();
    if (eq < 0 || fields.has(key)) fail('MALFORMED', `Malformed Authorization header: ${usage}`);
    fields.set(key, part.slice(eq + 1).trim());
  }
  const credential = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!credential || !signedHeaders || !signature || fields.size !== 3) {
    fail('MALFORMED', `Authorization header must contain exactly Credential, SignedHeaders and Signature: ${usage}`);
  }
  const [accessKeyId, shortDate, region, service, terminator, ...rest] = credential.split('/');
  if (!accessKeyId || !/^\d{8}$/.test(shortDate ?? '') || !region || !service || terminator !== 'aws4_request' || rest.length > 0) {
    fail('MALFORMED', 'Credential must be <AccessKeyId>/<YYYYMMDD>/<region>/<service>/aws4_request');
  }
  if (!/^[0-9a-f]{64}$/.test(signature)) fail('MALFORMED', 'Signature must be 64 lowercase hexadecimal characters');
  const names = signedHeaders.split(';');
  // The signer emits a sorted, de-duplicated list; anything else cannot be a valid signature.
  if (!names.every((n) => HEADER_NAME.test(n)) || names.join(';') !== [...new Set(names)].sort().join(';')) {
    fail('MALFORMED', 'SignedHeaders must be lower-case, sorted, unique header names separated by ";"');
  }
  return { accessKeyId, shortDate, region, service, signedHeaders: names, signature };
}

function parseAmzDate(value: string): Date {
  const m = AMZ_DATE.exec(value);
  const date = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6])) : new Date(NaN);
  // Round-trip rejects impossible dates such as month 13 that Date.UTC would silently roll over.
  if (Number.isNaN(date.getTime()) || date.toISOString().replace(/[-:]|\.\d{3}/g, '') !== value) {
    fail('MALFORMED', 'x-amz-date must be an ISO 8601 basic timestamp such as 20260101T120000Z');
  }
  return date;
}

/** The signer drops empty, "." and ".." segments; reject them so the signed path is the path the router sees. */
function checkPath(path: string): void {
  if (!path.startsWith('/') || path.slice(1).split('/').some((s) => s === '' || s === '.' || s === '..')) {
    fail('MALFORMED', 'Request path must not contain empty, "." or ".." segments');
  }
}

export async function verifySigV4(
  req: SigV4Request,
  lookupSecret: (accessKeyId: string) => Promise<string | null>,
  options: SigV4Options,
): Promise<{ accessKeyId: string; region: string; signedAt: Date; signature: string; acceptedUntil: Date }> {
  const queryAt = req.url.indexOf('?');
  const path = queryAt < 0 ? req.url : req.url.slice(0, queryAt);
  const query = parseQuery(queryAt < 0 ? '' : req.url.slice(queryAt + 1));
  if (Object.keys(query).some((k) => PRESIGN_PARAMS.has(k.toLowerCase()))) {
    fail('MALFORMED', 'Presigned URL (query-string) authentication is not supported; sign the request with an Authorization header');
  }

  const headers = normaliseHeaders(req.headers);
  const authorization = headers.get('authorization');
  if (authorization === undefined || authorization === '') {
    fail('MISSING', 'Missing Authorization header: requests must be signed with AWS Signature Version 4');
  }
  const auth = parseAuthorization(authorization);
  if (auth.service !== options.service) {
    fail('MALFORMED', `Credential should be scoped to the correct service: '${options.service}'`);
  }
  for (const required of ['host', 'x-amz-date']) {
    if (!auth.signedHeaders.includes(required)) fail('MALFORMED', `SignedHeaders must include '${required}'`);
  }
  const signedValues: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    const value = headers.get(name);
    if (value === undefined) fail('MALFORMED', `Header '${name}' is listed in SignedHeaders but missing from the request`);
    signedValues[name] = value;
  }

  const amzDate = signedValues['x-amz-date'];
  const signedAt = parseAmzDate(amzDate);
  if (amzDate.slice(0, 8) !== auth.shortDate) {
    fail('MALFORMED', `Credential scope date ${auth.shortDate} does not match x-amz-date ${amzDate}`);
  }
  const now = (options.now ?? (() => new Date()))();
  if (Math.abs(now.getTime() - signedAt.getTime()) > options.maxSkewMs) {
    const minutes = Math.round(options.maxSkewMs / 60_000);
    fail('STALE', `Signature expired: x-amz-date is more than ${minutes} minutes from server time (x-amz-date ${amzDate}, server time ${now.toISOString()})`);
  }

  // Binds the body: the signer trusts this header as the payload hash, so it must be the real one.
  const contentSha = headers.get('x-amz-content-sha256');
  if (contentSha !== undefined && contentSha !== createHash('sha256').update(req.body ?? '').digest('hex')) {
    fail('BAD_SIGNATURE', 'x-amz-content-sha256 does not match the SHA-256 of the request body (UNSIGNED-PAYLOAD is not accepted)');
  }
  checkPath(path);

  const secretAccessKey = await lookupSecret(auth.accessKeyId);
  if (secretAccessKey === null) fail('UNKNOWN_KEY', 'The access key ID in the Credential is not recognised');

  const signer = new SignatureV4({
    service: auth.service,
    region: auth.region,
    credentials: { accessKeyId: auth.accessKeyId, secretAccessKey },
    sha256: Sha256,
    uriEscapePath: true, // every service but S3: the (already escaped) path is escaped once more
    applyChecksum: false, // never add x-amz-content-sha256 the client did not sign
  });
  // Raw path, not decoded: the SDK sends escaped segments and signs them escaped again.
  const rebuilt = new HttpRequest({ method: req.method, path, query, headers: signedValues, body: req.body });
  const signed = await signer.sign(rebuilt, {
    signingDate: signedAt,
    signingRegion: auth.region,
    signingService: auth.service,
    signableHeaders: new Set(auth.signedHeaders), // lets e.g. user-agent be verified if a client signed it
  });

  const produced = /SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(signed.headers['authorization'] ?? '');
  if (!produced || produced[1] !== auth.signedHeaders.join(';')) {
    // The signer regenerates date/authorization itself, so those cannot be part of a verifiable signature.
    fail('MALFORMED', 'SignedHeaders contains a header that cannot be signed (e.g. date or authorization)');
  }
  if (!timingSafeEqual(Buffer.from(produced[2], 'utf8'), Buffer.from(auth.signature, 'utf8'))) {
    fail(
      'BAD_SIGNATURE',
      'The request signature we calculated does not match the signature you provided. Check your secret access key and signing method.',
    );
  }
  // The same signature verifies until x-amz-date is more than the skew away from the server's time.
  return { accessKeyId: auth.accessKeyId, region: auth.region, signedAt, signature: auth.signature, acceptedUntil: new Date(signedAt.getTime() + options.maxSkewMs) };
}
