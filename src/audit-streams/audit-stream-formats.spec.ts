import { createHmac } from 'node:crypto';
import { hmacSignature, ndjsonBody, octetCountedFrame, splunkBody, StreamedAuditEvent, syslogMessage } from './audit-stream-formats.js';

const event = (over: Partial<StreamedAuditEvent> = {}): StreamedAuditEvent => ({
  id: '42',
  occurredAt: '2026-12-03T10:00:00.123Z',
  action: 'session.forced_logout',
  outcome: 'success',
  accountId: '7e41c0de-0000-4000-8000-000000000001',
  reason: 'offboarding "ü" ]',
  chain: { stripe: 3, seq: '7', prevHash: 'aa', hash: 'bb' },
  ...over,
});

describe('audit stream formats', () => {
  it('NDJSON: one event per line, every line ending in a newline', () => {
    const body = ndjsonBody([event(), event({ id: '43' })]);
    expect(body.endsWith('\n')).toBe(true);
    expect(body.split('\n').filter(Boolean).map((l) => JSON.parse(l).id)).toEqual(['42', '43']);
  });

  it('signs the timestamp, a dot and the body with HMAC-SHA256', () => {
    const body = ndjsonBody([event()]);
    const expected = createHmac('sha256', 'k'.repeat(32)).update(`1700000000.${body}`).digest('hex');
    expect(hmacSignature('k'.repeat(32), 1700000000, body)).toBe(`v1=${expected}`);
    expect(hmacSignature('k'.repeat(32), 1700000001, body)).not.toBe(`v1=${expected}`);
  });

  it('Splunk HEC: stacked event objects with time in epoch seconds, host, source, sourcetype, index and the event', () => {
    const lines = splunkBody([event(), event({ id: '43' })], { host: 'h', source: 's', sourcetype: '_json', index: 'audit' }).split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ time: 1796292000.123, host: 'h', source: 's', sourcetype: '_json', index: 'audit', event: event() });
    expect(lines[1].event.id).toBe('43');
    expect(JSON.parse(splunkBody([event()], { host: 'h', source: 's', sourcetype: 't' }))).not.toHaveProperty('index');
  });

  it('syslog: RFC 5424 with PRI from facility and outcome, the action as MSGID, escaped SD values, the JSON after a BOM', () => {
    const message = syslogMessage(event(), { facility: 13, hostname: 'host one', appName: 'session-service' });
    expect(message.startsWith('<109>1 2026-12-03T10:00:00.123Z host_one session-service - session.forced_logout [audit@32473 id="42" ')).toBe(true);
    expect(JSON.parse(message.slice(message.indexOf('\uFEFF') + 1))).toEqual(event());
    expect(syslogMessage(event({ outcome: 'denied' }), { facility: 13, hostname: 'h', appName: 'a' }).startsWith('<108>1 ')).toBe(true);
    expect(syslogMessage(event({ accountId: 'a"]\\' }), { facility: 1, hostname: 'h', appName: 'a' })).toContain('account="a\\"\\]\\\\"');
  });

  it('octet counting: the byte length (not characters), a space, the message', () => {
    const frame = octetCountedFrame('ü€');
    expect(frame.toString('utf8')).toBe('5 ü€');
  });
});
