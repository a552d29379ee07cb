import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import { connect as netConnect, isIP, Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { DomainException, ErrorCode } from '../common/error-codes.js';
import { isAllowedAddress, UrlPolicy } from '../delivery/safe-http.js';

export interface SyslogTarget {
  host: string;
  port: number;
  /** TLS (RFC 5425) unless plain TCP was asked for, which the policy allows only with allowInsecure. */
  tls: boolean;
  /** PEM certificates trusted for the collector, in place of the system's CAs. */
  ca?: string;
  /** A client certificate and key (PEM) for collectors that ask for one. */
  cert?: string;
  key?: string;
}

const refuse = (message: string) => new DomainException(ErrorCode.VALIDATION_FAILED, message);

/** `host:port` or `[v6]:port`, as a stream's endpoint stores it. */
export function parseSyslogEndpoint(value: string): { host: string; port: number } {
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([A-Za-z0-9.-]+)):(\d{1,5})$/.exec(value);
  if (!match) throw refuse('The syslog endpoint must be host:port');
  const port = Number(match[3]);
  if (port < 1 || port > 65535) throw refuse('The syslog port must be 1–65535');
  return { host: match[1] ?? match[2], port };
}

function resolve(host: string): Promise<string[]> {
  if (isIP(host)) return Promise.resolve([host]);
  return new Promise((done, fail) =>
    dnsLookup(host, { all: true, verbatim: true }, (error, list: LookupAddress[]) => (error ? fail(error) : done(list.map((a) => a.address)))),
  );
}

/** The address to connect to: every address the host resolves to must be allowed (checked at creation and at each connection). */
export async function allowedAddress(host: string, policy: UrlPolicy): Promise<string> {
  const addresses = await resolve(host).catch(() => {
    throw refuse(`The syslog host ${host} does not resolve`);
  });
  if (addresses.length === 0 || addresses.some((a) => !isAllowedAddress(a, policy))) throw refuse('The syslog host resolves to a loopback, private or link-local address');
  return addresses[0];
}

/**
 * Sends octet-counted frames on one connection and closes it: resolved when every byte was written
 * and the collector closed its side after ours (its TCP stack has received them all), rejected on
 * any error, refusal or after `timeoutMs`. Connects to the checked address (no second lookup for a
 * rebinding name to change); TLS verifies the collector's certificate against the host name.
 */
export async function sendSyslog(target: SyslogTarget, frames: readonly Buffer[], timeoutMs: number, policy: UrlPolicy): Promise<void> {
  if (!target.tls && !policy.allowInsecure) throw new Error('plain TCP syslog is not allowed (RECEIVERS_ALLOW_INSECURE)');
  const address = await allowedAddress(target.host, policy);
  await new Promise<void>((done, fail) => {
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      socket.destroy();
      if (error) fail(error);
      else done();
    };
    const onConnect = () => {
      for (const frame of frames) socket.write(frame);
      socket.end();
    };
    const socket: Socket = target.tls
      ? tlsConnect({ host: address, port: target.port, servername: isIP(target.host) ? undefined : target.host, ca: target.ca, cert: target.cert, key: target.key, rejectUnauthorized: true }, onConnect)
      : netConnect({ host: address, port: target.port }, onConnect);
    const deadline = setTimeout(() => finish(new Error(`syslog collector did not finish within ${timeoutMs} ms`)), timeoutMs);
    socket.on('error', (error) => finish(error));
    // The collector's FIN after ours: everything written reached it.
    socket.on('end', () => finish());
    socket.on('close', (hadError) => finish(hadError ? new Error('syslog connection failed') : undefined));
    socket.resume();
  });
}
