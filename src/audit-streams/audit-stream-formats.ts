import { createHmac } from 'node:crypto';

/**
 * One audit event as a stream sends it: the event as `GET /v1/audit/events/{id}` shows it (without
 * `deliveries`), plus its place in its hash chain, so a SIEM holds the trail exactly as it is.
 */
export interface StreamedAuditEvent {
  id: string;
  occurredAt: string;
  action: string;
  outcome: string;
  accountId: string | null;
  [field: string]: unknown;
  chain: { stripe: number; seq: string; prevHash: string; hash: string };
}

/** The headers of an HTTP NDJSON batch's signature. */
export const SIGNATURE_HEADER = 'x-audit-signature';
export const TIMESTAMP_HEADER = 'x-audit-timestamp';
export const STREAM_HEADER = 'x-audit-stream';

/** NDJSON: one event per line, each line ending in `\n`. */
export function ndjsonBody(events: readonly StreamedAuditEvent[]): string {
  return events.map((e) => `${JSON.stringify(e)}\n`).join('');
}

/**
 * The HMAC-SHA256, hex, of `${timestamp}.${body}` (the timestamp in Unix seconds, as sent in
 * X-Audit-Timestamp; the body byte for byte), sent as `X-Audit-Signature: v1=<hex>`. Signing the
 * timestamp with the body lets a receiver refuse a replayed batch by its age.
 */
export function hmacSignature(key: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', key).update(`${timestamp}.`).update(body).digest('hex')}`;
}

export interface SplunkSettings {
  host: string;
  source: string;
  sourcetype: string;
  index?: string;
}

/**
 * Splunk HTTP Event Collector's JSON event protocol, batched: event objects one after another in the
 * body (`/services/collector/event`), each with `time` (epoch seconds, milliseconds as a fraction),
 * `host`, `source`, `sourcetype`, optionally `index`, and the audit event as `event`.
 */
export function splunkBody(events: readonly StreamedAuditEvent[], settings: SplunkSettings): string {
  return events
    .map((event) =>
      JSON.stringify({
        time: new Date(event.occurredAt).getTime() / 1000,
        host: settings.host,
        source: settings.source,
        sourcetype: settings.sourcetype,
        ...(settings.index ? { index: settings.index } : {}),
        event,
      }),
    )
    .join('\n');
}

export interface SyslogSettings {
  /** RFC 5424 facility, 0–23 (default 13, "log audit"). */
  facility: number;
  hostname: string;
  appName: string;
}

/** RFC 5424 PRINTUSASCII (33–126), at most `max` characters; "-" (NILVALUE) when empty. */
function header(value: string, max: number): string {
  const clean = value.replace(/[^\x21-\x7e]/g, '_').slice(0, max);
  return clean.length > 0 ? clean : '-';
}

/** SD-PARAM values escape `"`, `\` and `]` (RFC 5424 §6.3.3). */
const sdValue = (value: string) => value.replace(/["\\\]]/g, (c) => `\\${c}`);

/** A private-use SD-ID (RFC 5424 §7.2.2) under the documentation enterprise number of RFC 5612. */
export const SYSLOG_SD_ID = 'audit@32473';

/**
 * One event as an RFC 5424 message: PRI (facility × 8 + severity: notice for a success, warning for
 * a failure or denial), VERSION 1, the event's own time, HOSTNAME, APP-NAME, no PROCID, the action as
 * MSGID, an SD element with the event id, account and outcome, and the event's JSON as MSG (UTF-8
 * with its BOM, as §6.4 asks).
 */
export function syslogMessage(event: StreamedAuditEvent, settings: SyslogSettings): string {
  const severity = event.outcome === 'success' ? 5 : 4;
  const pri = settings.facility * 8 + severity;
  const sd = `[${SYSLOG_SD_ID} id="${sdValue(event.id)}" account="${sdValue(event.accountId ?? '-')}" outcome="${sdValue(event.outcome)}"]`;
  const time = new Date(event.occurredAt).toISOString();
  return `<${pri}>1 ${time} ${header(settings.hostname, 255)} ${header(settings.appName, 48)} - ${header(event.action, 32)} ${sd} \uFEFF${JSON.stringify(event)}`;
}

/** RFC 6587 §3.4.1 octet counting: the message's length in bytes, a space, the message. */
export function octetCountedFrame(message: string): Buffer {
  const bytes = Buffer.from(message, 'utf8');
  return Buffer.concat([Buffer.from(`${bytes.length} `, 'ascii'), bytes]);
}
