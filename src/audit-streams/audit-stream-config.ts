import { createPrivateKey, X509Certificate } from 'node:crypto';
import { DomainException, ErrorCode } from '../common/error-codes.js';
import { checkReceiverUrl, UrlPolicy } from '../delivery/safe-http.js';
import { CreateAuditStreamDto, StreamKind } from './dto/audit-stream.dto.js';
import { allowedAddress, parseSyslogEndpoint } from './syslog-transport.js';

/** What a stream keeps in the clear (`settings`). */
export interface StreamSettings {
  splunkIndex?: string;
  splunkSource?: string;
  splunkSourcetype?: string;
  syslogTls?: boolean;
  syslogCa?: string;
  syslogClientCert?: string;
  syslogFacility?: number;
}

/** What a stream keeps encrypted (`secret`). */
export interface StreamSecrets {
  hmacKey?: string;
  splunkToken?: string;
  syslogClientKey?: string;
}

/** A stream's whole configuration, as checked before it is stored. */
export interface StreamConfig {
  endpoint: string;
  settings: StreamSettings;
  secrets: StreamSecrets;
}

const FIELDS: Record<StreamKind, readonly (keyof CreateAuditStreamDto)[]> = {
  http: ['url', 'hmacKey'],
  splunk: ['url', 'splunkToken', 'splunkIndex', 'splunkSource', 'splunkSourcetype'],
  syslog: ['syslogAddress', 'syslogTls', 'syslogCa', 'syslogClientCert', 'syslogClientKey', 'syslogFacility'],
};
const KIND_FIELDS = new Set(Object.values(FIELDS).flat());

const refuse = (message: string, details?: Record<string, unknown>) => new DomainException(ErrorCode.VALIDATION_FAILED, message, details);

/** The fields of a body that belong to another kind of stream: a 400 naming them, not silently ignored. */
export function assertKindFields(kind: StreamKind, body: Partial<CreateAuditStreamDto>): void {
  const given = Object.entries(body).filter(([, value]) => value !== undefined).map(([k]) => k as keyof CreateAuditStreamDto);
  const foreign = given.filter((k) => KIND_FIELDS.has(k) && !FIELDS[kind].includes(k));
  if (foreign.length > 0) throw refuse(`Not a setting of a ${kind} stream: ${foreign.join(', ')}`, { fields: foreign });
}

/**
 * Checks a stream's configuration as a whole (after an update merged into what was stored): the URL
 * through the receivers' SSRF guard (https, public addresses, unless allowed), the syslog host the
 * same way, certificates and keys that parse. Refusals are 400s that change nothing.
 */
export async function checkStreamConfig(kind: StreamKind, c: { url?: string; syslogAddress?: string } & StreamSettings & StreamSecrets, policy: UrlPolicy): Promise<StreamConfig> {
  if (kind === 'http' || kind === 'splunk') {
    if (!c.url) throw refuse(`A ${kind} stream needs a url`);
    const url = await checkReceiverUrl(c.url, policy);
    if (kind === 'http') {
      if (!c.hmacKey) throw refuse('An http stream needs an hmacKey (at least 32 characters)');
      return { endpoint: url.toString(), settings: {}, secrets: { hmacKey: c.hmacKey } };
    }
    if (!c.splunkToken) throw refuse('A splunk stream needs a splunkToken');
    const settings: StreamSettings = { splunkIndex: c.splunkIndex, splunkSource: c.splunkSource, splunkSourcetype: c.splunkSourcetype };
    return { endpoint: url.toString(), settings, secrets: { splunkToken: c.splunkToken } };
  }
  if (!c.syslogAddress) throw refuse('A syslog stream needs a syslogAddress (host:port)');
  const { host, port } = parseSyslogEndpoint(c.syslogAddress);
  const tls = c.syslogTls ?? true;
  if (!tls && !policy.allowInsecure) throw refuse('A syslog stream must use TLS (plain TCP needs RECEIVERS_ALLOW_INSECURE)');
  await allowedAddress(host, policy);
  if (!tls && (c.syslogCa || c.syslogClientCert || c.syslogClientKey)) throw refuse('Certificates are settings of a TLS syslog stream');
  if (Boolean(c.syslogClientCert) !== Boolean(c.syslogClientKey)) throw refuse('syslogClientCert and syslogClientKey go together');
  try {
    if (c.syslogCa) new X509Certificate(c.syslogCa);
  } catch {
    throw refuse('syslogCa is not a readable certificate');
  }
  try {
    if (c.syslogClientCert) new X509Certificate(c.syslogClientCert);
    if (c.syslogClientKey) createPrivateKey(c.syslogClientKey);
  } catch {
    throw refuse('syslogClientCert or syslogClientKey is not readable');
  }
  const endpoint = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
  const settings: StreamSettings = { syslogTls: tls, syslogCa: c.syslogCa, syslogClientCert: c.syslogClientCert, syslogFacility: c.syslogFacility };
  return { endpoint, settings, secrets: c.syslogClientKey ? { syslogClientKey: c.syslogClientKey } : {} };
}
