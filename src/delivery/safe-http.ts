import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { DomainException, ErrorCode } from '../common/error-codes.js';

/** Which receiver URLs are allowed (RECEIVERS_ALLOW_INSECURE, RECEIVERS_ALLOW_PRIVATE). */
export interface UrlPolicy {
  allowInsecure: boolean;
  allowPrivate: boolean;
}

/** An address a receiver may be reached at: a public unicast address unless private ones are allowed. */
export function isAllowedAddress(address: string, policy: UrlPolicy): boolean {
  if (policy.allowPrivate) return true;
  if (!ipaddr.isValid(address)) return false;
  // process() folds IPv4-mapped IPv6 (::ffff:127.0.0.1) to the IPv4 address it carries.
  return ipaddr.process(address).range() === 'unicast';
}

const refuse = (message: string) => new DomainException(ErrorCode.VALIDATION_FAILED, message);

/** The URL's form: absolute, https (http only when allowed), no credentials, no fragment. */
export function parseReceiverUrl(value: string, policy: UrlPolicy): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw refuse('The receiver URL is not an absolute URL');
  }
  if (url.protocol !== 'https:' && !(policy.allowInsecure && url.protocol === 'http:')) throw refuse('The receiver URL must use https');
  if (url.username || url.password) throw refuse('The receiver URL must not carry credentials');
  if (url.hash) throw refuse('The receiver URL must not have a fragment');
  return url;
}

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '');

/** Every address the host resolves to, each checked: a name with one private address is refused. */
export async function checkReceiverUrl(value: string, policy: UrlPolicy): Promise<URL> {
  const url = parseReceiverUrl(value, policy);
  const host = hostOf(url);
  const addresses = isIP(host) ? [host] : await resolveAll(host).catch(() => {
    throw refuse(`The receiver host ${host} does not resolve`);
  });
  const bad = addresses.find((a) => !isAllowedAddress(a, policy));
  if (bad) throw refuse('The receiver URL resolves to a loopback, private or link-local address');
  return url;
}

function resolveAll(host: string): Promise<string[]> {
  return new Promise((resolve, reject) =>
    dnsLookup(host, { all: true, verbatim: true }, (error, list: LookupAddress[]) => (error ? reject(error) : resolve(list.map((a) => a.address)))),
  );
}

/** A connection's lookup that refuses a host with any disallowed address (checked again at every delivery: DNS can change). */
function guardedLookup(policy: UrlPolicy) {
  return (hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void): void => {
    dnsLookup(hostname, { all: true, verbatim: true }, (error, list: LookupAddress[]) => {
      if (error) return callback(error);
      const bad = list.find((a) => !isAllowedAddress(a.address, policy));
      if (bad || list.length === 0) return callback(new Error(`${hostname} resolves to a disallowed address`));
      if (options.all) return callback(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}

export interface PostResult {
  status: number;
  /** The first KiB of the answer, for the delivery's last error. */
  body: string;
}

/**
 * Connections kept alive per policy and protocol, so a receiver's events reuse one connection (no TCP
 * or TLS handshake per event). The guard holds for every connection the agents open: each is made
 * through the guarded lookup, and a kept connection is one whose address was checked when it opened.
 */
const agents = new Map<string, HttpAgent>();

function agentFor(protocol: string, policy: UrlPolicy): HttpAgent {
  const key = `${protocol}|${policy.allowPrivate}`;
  let agent = agents.get(key);
  if (!agent) {
    const options = { keepAlive: true, keepAliveMsecs: 1000, maxSockets: 64, maxFreeSockets: 16, scheduling: 'lifo' as const, lookup: guardedLookup(policy) as never };
    agent = protocol === 'https:' ? new HttpsAgent(options) : new HttpAgent(options);
    agents.set(key, agent);
  }
  return agent;
}

/**
 * A kept connection the receiver closed just as it was reused: the request most likely never reached
 * it, and if it did, the one retry carries the same idempotency key (jti) for the receiver to drop.
 */
const staleConnection = (error: NodeJS.ErrnoException) => error.code === 'ECONNRESET' || error.code === 'EPIPE';

/**
 * POSTs to a receiver: the URL and every address it resolves to are checked at this very connection,
 * the whole exchange is bounded by `timeoutMs`, and the answer is read only as far as an error needs.
 * A kept-alive connection that turns out closed is retried once on a new one.
 */
export async function postGuarded(value: string, headers: Record<string, string>, body: string, timeoutMs: number, policy: UrlPolicy): Promise<PostResult> {
  const url = parseReceiverUrl(value, policy);
  const host = hostOf(url);
  if (isIP(host) && !isAllowedAddress(host, policy)) throw new Error('the receiver address is not allowed');
  try {
    return await postOnce(url, headers, body, timeoutMs, policy);
  } catch (error) {
    if (!(error as { reusedSocket?: boolean }).reusedSocket || !staleConnection(error as NodeJS.ErrnoException)) throw error;
    return postOnce(url, headers, body, timeoutMs, policy);
  }
}

function postOnce(url: URL, headers: Record<string, string>, body: string, timeoutMs: number, policy: UrlPolicy): Promise<PostResult> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        agent: agentFor(url.protocol, policy),
        lookup: guardedLookup(policy) as never,
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size < 1024) chunks.push(chunk);
          size += chunk.length;
        });
        res.on('end', () => {
          clearTimeout(deadline);
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8').slice(0, 1024) });
        });
        res.on('error', (error) => {
          clearTimeout(deadline);
          reject(error);
        });
      },
    );
    // `timeout` above is the socket's idle time; this bounds the whole exchange (a receiver that trickles).
    const deadline = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (error) => {
      clearTimeout(deadline);
      reject(Object.assign(error, { reusedSocket: req.reusedSocket }));
    });
    req.end(body);
  });
}
