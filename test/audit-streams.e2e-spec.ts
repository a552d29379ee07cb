import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { generate } from 'selfsigned';
import request from 'supertest';
import { SiemEvent, SiemHttpReceiver, SyslogCollector } from './support/siem-receivers.js';
import { bearer, createTestDatabase, createUser, login, startApp } from './support/test-app.js';
import { until } from './support/until.js';
import { TEST_ADMIN } from './test-env.js';

const BASE = {
  RECEIVERS_ALLOW_INSECURE: 'true',
  RECEIVERS_ALLOW_PRIVATE: 'true',
  DELIVERY_POLL_INTERVAL_MS: '50',
  DELIVERY_RETRY_BASE_MS: '50',
  DELIVERY_RETRY_MAX_MS: '200',
};
const HMAC_KEY = 'an-hmac-key-of-at-least-32-characters-for-tests';
const HEC_TOKEN = randomUUID();

/**
 * Audit streams to a SIEM, end to end: the real app and Postgres, real receivers on loopback (a
 * Fastify server taking NDJSON and Splunk HEC batches, a TCP and a TLS syslog collector), every
 * event compared with the trail as the API and the database hold it.
 */
describe('audit streams', () => {
  let dbUrl: string;
  let db: pg.Client;
  let app: NestFastifyApplication;
  let systemAdmin: string;
  const apps: NestFastifyApplication[] = [];
  const stops: (() => Promise<void>)[] = [];
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    dbUrl = await createTestDatabase();
    app = await startApp(dbUrl, BASE);
    apps.push(app);
    systemAdmin = (await login(app, TEST_ADMIN.username, TEST_ADMIN.password)).accessToken;
    db = new pg.Client({ connectionString: dbUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    for (const stop of stops) await stop().catch(() => undefined);
    for (const a of apps.reverse()) await a.close().catch(() => undefined);
  });

  /** A fresh account and its admin: the account's trail holds only what the test does. */
  const account = async () => {
    const created = await http().post('/v1/accounts').set(bearer(systemAdmin)).send({ name: `siem-${randomUUID()}` }).expect(201);
    const admin = await createUser(app, systemAdmin, { accountId: created.body.id, roles: ['admin'] });
    return { id: created.body.id as string, admin };
  };
  const httpReceiver = async () => {
    const r = await new SiemHttpReceiver(HMAC_KEY, HEC_TOKEN).start();
    stops.push(() => r.stop());
    return r;
  };
  const createStream = async (token: string, body: Record<string, unknown>) => (await http().post('/v1/audit/streams').set(bearer(token)).send(body).expect(201)).body;

  /** Some activity of the account: a login, a failed login (recorded on its own), a forced logout. */
  const activity = async (accountAdmin: { accessToken: string }, accountId: string) => {
    const user = await createUser(app, systemAdmin, { accountId });
    await http().post('/v1/auth/login').send({ username: user.username, password: 'wrong-password-123' }).expect(401);
    await http().post(`/v1/users/${user.userId}/logout`).set(bearer(accountAdmin.accessToken)).send({ reason: 'offboarding', ticket: 'T-1' }).expect(200);
    return user;
  };

  /** The account's events after `afterId`, each as the trail holds it: the API's view and its chain link. */
  const trail = async (accountId: string, afterId: string, actions?: string[]): Promise<SiemEvent[]> => {
    const { rows } = await db.query(
      `SELECT e.id::text AS id, chain_stripe, chain_seq::text, encode(prev_hash, 'hex') AS prev_hash, encode(hash, 'hex') AS hash
         FROM audit_events e WHERE account_id = $1 AND e.id > $2 AND ($3::text[] IS NULL OR action = ANY($3)) ORDER BY e.id`,
      [accountId, afterId, actions ?? null],
    );
    const events: SiemEvent[] = [];
    for (const row of rows) {
      const { deliveries: _, deliveriesPruned: __, ...view } = (await http().get(`/v1/audit/events/${row.id}`).set(bearer(systemAdmin)).expect(200)).body;
      events.push({ ...view, chain: { stripe: row.chain_stripe, seq: row.chain_seq, prevHash: row.prev_hash, hash: row.hash } });
    }
    return events;
  };
  const lastEventId = async (accountId: string): Promise<string> =>
    (await db.query(`SELECT coalesce(max(id), 0)::text AS id FROM audit_events WHERE account_id = $1`, [accountId])).rows[0].id;

  it('HTTP NDJSON: every event of the account after the stream was made, exactly as in the trail, signed with HMAC over timestamp.body', async () => {
    const { id: accountId, admin } = await account();
    const receiver = await httpReceiver();
    const since = await lastEventId(accountId);
    const stream = await createStream(admin.accessToken, { name: 'siem', kind: 'http', url: receiver.url('/ndjson'), hmacKey: HMAC_KEY });
    expect(stream).toMatchObject({ kind: 'http', status: 'enabled', actions: [], url: receiver.url('/ndjson') });
    expect(JSON.stringify(stream)).not.toContain(HMAC_KEY);
    await activity(admin, accountId);
    const expected = await trail(accountId, since);
    // The first event a stream gets is its own creation (written in the transaction that made it).
    expect(expected[0]).toMatchObject({ action: 'audit_stream.created', details: { streamId: stream.id } });
    // user.created, session.login (the user's own login, recorded with its session), auth.login_failed (standalone), session.forced_logout
    expect(expected.map((e) => e.action)).toEqual(expect.arrayContaining(['user.created', 'session.login', 'auth.login_failed', 'session.forced_logout']));
    await until('the receiver has every event', () => receiver.ndjson.length >= expected.length);
    expect(receiver.ndjson).toEqual(expected);
    expect(receiver.badSignatures).toBe(0);
    // Stored encrypted: the key is nowhere in the row.
    const { rows } = await db.query(`SELECT secret, settings::text, endpoint FROM audit_streams WHERE id = $1`, [stream.id]);
    expect(rows[0].secret.toString('latin1')).not.toContain(HMAC_KEY);
    expect(JSON.stringify(rows[0])).not.toContain(HMAC_KEY);
    // The receiver has the batch before the dispatcher's transaction records it.
    const statusOf = async () => (await http().get(`/v1/audit/streams/${stream.id}/status`).set(bearer(admin.accessToken)).expect(200)).body;
    await until('the delivery recorded', async () => (await statusOf()).pending === 0);
    expect(await statusOf()).toMatchObject({ pending: 0, failed: 0, lastDeliveredEventId: expected[expected.length - 1].id, lastError: null });
  });

  it('a wrong HMAC key is refused by the receiver and retried, then delivered once the key is fixed: nothing lost, in order', async () => {
    const { id: accountId, admin } = await account();
    const receiver = await httpReceiver();
    const since = await lastEventId(accountId);
    const stream = await createStream(admin.accessToken, { name: 'siem', kind: 'http', url: receiver.url('/ndjson'), hmacKey: 'x'.repeat(40) });
    await activity(admin, accountId);
    await until('a refused batch', () => receiver.badSignatures > 0);
    // Recorded in the dispatcher's transaction, after the receiver answered.
    await until('the refusal recorded', async () => (await http().get(`/v1/audit/streams/${stream.id}/status`).set(bearer(admin.accessToken))).body.lastError !== null);
    const status = (await http().get(`/v1/audit/streams/${stream.id}/status`).set(bearer(admin.accessToken)).expect(200)).body;
    expect(status.pending).toBeGreaterThan(0);
    expect(status.lastError).toMatch(/^HTTP 401/);
    await http().patch(`/v1/audit/streams/${stream.id}`).set(bearer(admin.accessToken)).send({ hmacKey: HMAC_KEY }).expect(200);
    // The update is itself an event of the account, streamed after the backlog.
    const expected = await trail(accountId, since);
    await until('the backlog', () => receiver.ndjson.length >= expected.length);
    expect(receiver.ndjson).toEqual(expected);
  });

  it('Splunk HEC: Authorization: Splunk <token>, events with time, host, source, sourcetype, index and the trail event', async () => {
    const { id: accountId, admin } = await account();
    const receiver = await httpReceiver();
    const since = await lastEventId(accountId);
    const stream = await createStream(admin.accessToken, {
      name: 'splunk',
      kind: 'splunk',
      url: receiver.url('/services/collector/event'),
      splunkToken: HEC_TOKEN,
      splunkIndex: 'audit',
      splunkSourcetype: 'session-service:audit',
    });
    expect(stream).toMatchObject({ kind: 'splunk', splunkIndex: 'audit', splunkSource: null, splunkSourcetype: 'session-service:audit' });
    expect(JSON.stringify(stream)).not.toContain(HEC_TOKEN);
    await activity(admin, accountId);
    const expected = await trail(accountId, since);
    await until('HEC has every event', () => receiver.hec.length >= expected.length);
    expect(receiver.badTokens).toBe(0);
    expect(receiver.hec.map((h) => h.event)).toEqual(expected);
    for (const h of receiver.hec) {
      expect(Object.keys(h).sort()).toEqual(['event', 'host', 'index', 'source', 'sourcetype', 'time']);
      expect(h).toMatchObject({ index: 'audit', source: 'session-service', sourcetype: 'session-service:audit', host: expect.any(String) });
      expect(h.time).toBe(new Date((h.event as SiemEvent).occurredAt as string).getTime() / 1000);
    }
  });

  it('syslog over TLS (RFC 5424, octet counting), the collector certificate made in the test; and over plain TCP where allowed', async () => {
    const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
      keyType: 'ec',
      curve: 'P-256',
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] }],
    });
    const tlsCollector = await new SyslogCollector({ key: pems.private, cert: pems.cert }).start();
    const tcpCollector = await new SyslogCollector().start();
    stops.push(() => tlsCollector.stop(), () => tcpCollector.stop());
    const { id: accountId, admin } = await account();
    const since = await lastEventId(accountId);
    const tlsStream = await createStream(admin.accessToken, { name: 'syslog-tls', kind: 'syslog', syslogAddress: `localhost:${tlsCollector.port}`, syslogCa: pems.cert });
    expect(tlsStream).toMatchObject({ kind: 'syslog', syslogTls: true, syslogAddress: `localhost:${tlsCollector.port}`, url: null });
    await createStream(admin.accessToken, { name: 'syslog-tcp', kind: 'syslog', syslogAddress: `127.0.0.1:${tcpCollector.port}`, syslogTls: false, syslogFacility: 4 });
    await activity(admin, accountId);
    const expected = await trail(accountId, since);
    await until('both collectors have every event', () => tlsCollector.messages.length >= expected.length && tcpCollector.messages.length >= expected.length - 1);
    expect(tlsCollector.errors).toEqual([]);
    expect(tcpCollector.errors).toEqual([]);
    expect(tlsCollector.messages.map((m) => m.event)).toEqual(expected);
    // Each stream's first event is its own creation: the TCP one was made after the TLS one.
    expect(tcpCollector.messages.map((m) => m.event)).toEqual(expected.slice(1));
    for (const m of tlsCollector.messages) {
      const severity = m.event.outcome === 'success' ? 5 : 4;
      expect(m).toMatchObject({ pri: 13 * 8 + severity, version: '1', appName: 'session-service', procId: '-', msgId: m.event.action, timestamp: m.event.occurredAt });
      expect(m.structuredData).toBe(`[audit@32473 id="${m.event.id}" account="${accountId}" outcome="${m.event.outcome}"]`);
    }
    expect(tcpCollector.messages.every((m) => m.pri >> 3 === 4)).toBe(true);
  });

  it('a filter by action streams only those actions', async () => {
    const { id: accountId, admin } = await account();
    const receiver = await httpReceiver();
    await createStream(admin.accessToken, { name: 'logouts', kind: 'http', url: receiver.url('/ndjson'), hmacKey: HMAC_KEY, actions: ['session.forced_logout', 'auth.login_failed'] });
    const since = await lastEventId(accountId);
    await activity(admin, accountId);
    await activity(admin, accountId);
    const expected = await trail(accountId, since, ['session.forced_logout', 'auth.login_failed']);
    expect(expected.map((e) => e.action)).toEqual(['auth.login_failed', 'session.forced_logout', 'auth.login_failed', 'session.forced_logout']);
    await until('the filtered events', () => receiver.ndjson.length >= expected.length);
    // A later event that passes the filter proves nothing else was merely late.
    await activity(admin, accountId);
    await until('the last one', () => receiver.ndjson.length >= expected.length + 2);
    expect(receiver.ndjson.slice(0, 4)).toEqual(expected);
    expect(new Set(receiver.ndjson.map((e) => e.action))).toEqual(new Set(['session.forced_logout', 'auth.login_failed']));
  });

  it('a receiver down for a while: logouts answer as fast as ever, the backlog shows in the status, then arrives in order', async () => {
    const { id: accountId, admin } = await account();
    const receiver = await httpReceiver();
    const stream = await createStream(admin.accessToken, { name: 'siem', kind: 'http', url: receiver.url('/ndjson'), hmacKey: HMAC_KEY, actions: ['session.forced_logout'] });
    const user = await createUser(app, systemAdmin, { accountId });
    await receiver.stop();
    const since = await lastEventId(accountId);
    const started = Date.now();
    for (let i = 0; i < 30; i++) await http().post(`/v1/users/${user.userId}/logout`).set(bearer(admin.accessToken)).send({ reason: `down ${i}` }).expect(200);
    // 30 forced logouts with the stream's receiver gone: no logout waits for it.
    expect(Date.now() - started).toBeLessThan(10_000);
    await until('a failed attempt', async () => (await http().get(`/v1/audit/streams/${stream.id}/status`).set(bearer(admin.accessToken))).body.lastError !== null);
    const down = (await http().get(`/v1/audit/streams/${stream.id}/status`).set(bearer(admin.accessToken)).expect(200)).body;
    expect(down.pending).toBe(30);
    expect(down.lastError).toMatch(/ECONNREFUSED/);
    expect(down.oldestPendingAt).not.toBeNull();
    expect(receiver.ndjson).toEqual([]);
    await receiver.start();
    const expected = await trail(accountId, since, ['session.forced_logout']);
    expect(expected).toHaveLength(30);
    await until('the backlog', () => receiver.ndjson.length >= 30, 15_000);
    expect(receiver.ndjson.map((e) => `${e.id}:${e.reason}`)).toEqual(expected.map((e) => `${e.id}:${e.reason}`));
    expect(receiver.ndjson).toEqual(expected);
    expect(receiver.ndjson.map((e) => e.reason)).toEqual(Array.from({ length: 30 }, (_, i) => `down ${i}`));
    const up = (await http().get(`/v1/audit/streams/${stream.id}/status`).set(bearer(admin.accessToken)).expect(200)).body;
    expect(up).toMatchObject({ pending: 0, failed: 0, lastDeliveredEventId: expected[29].id });
  });

  it('a live stream lingers (AUDIT_STREAM_LINGER_MS): events written meanwhile go in one POST, in the order of their outbox rows, each read by its key', async () => {
    const { id: accountId, admin } = await account();
    const receiver = await httpReceiver();
    const stream = await createStream(admin.accessToken, { name: 'siem', kind: 'http', url: receiver.url('/ndjson'), hmacKey: HMAC_KEY, actions: ['session.login', 'session.forced_logout'] });
    // Six logins (the login statement's own path to the outbox), then six forced logouts at once.
    const users = await Promise.all(Array.from({ length: 6 }, () => createUser(app, systemAdmin, { accountId })));
    await until('the logins', () => receiver.ndjson.length >= 6);
    const before = receiver.batches;
    await Promise.all(users.map((u) => http().post(`/v1/users/${u.userId}/logout`).set(bearer(admin.accessToken)).send({ reason: 'linger' }).expect(200)));
    await until('the forced logouts', () => receiver.ndjson.length >= 12);
    // Six events committed within a few milliseconds: one POST (two if the linger ended among them), not six.
    expect(receiver.batches - before).toBeLessThanOrEqual(2);
    const { rows } = await db.query(
      `SELECT o.audit_event_id::text AS id, e.occurred_at = (o.payload->>'occurredAt')::timestamptz AS keyed
         FROM outbox o LEFT JOIN audit_events e ON e.id = o.audit_event_id WHERE o.destination_id = $1 ORDER BY o.id`,
      [stream.id],
    );
    expect(receiver.ndjson.map((e) => e.id)).toEqual(rows.map((r) => r.id));
    expect(rows.every((r) => r.keyed)).toBe(true);
    // Each exactly as the trail holds it (in the order of the outbox rows: concurrent commits may interleave ids).
    const trailById = new Map((await trail(accountId, '0', ['session.login', 'session.forced_logout'])).map((e) => [e.id, e]));
    expect(receiver.ndjson).toEqual(rows.map((r) => trailById.get(r.id)));
    // A row that does not note its event's key (written by an earlier version) is sent all the same.
    const older = trailById.get(rows[rows.length - 1].id) as SiemEvent;
    await db.query(`INSERT INTO outbox (destination_kind, destination_id, account_id, audit_event_id, payload) VALUES ('audit_http', $1, $2, $3, '{}')`, [
      stream.id,
      accountId,
      older.id,
    ]);
    await until('the row without a key', () => receiver.ndjson.length >= 13);
    expect(receiver.ndjson[12]).toEqual(older);
  });

  it('a paused stream keeps its events until enabled; a deleted one drops what it had not sent', async () => {
    const { id: accountId, admin } = await account();
    const receiver = await httpReceiver();
    const stream = await createStream(admin.accessToken, { name: 'siem', kind: 'http', url: receiver.url('/ndjson'), hmacKey: HMAC_KEY, actions: ['session.forced_logout'], paused: true });
    expect(stream.status).toBe('paused');
    await activity(admin, accountId);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.ndjson).toEqual([]);
    expect((await http().get(`/v1/audit/streams/${stream.id}/status`).set(bearer(admin.accessToken)).expect(200)).body.pending).toBe(1);
    await http().patch(`/v1/audit/streams/${stream.id}`).set(bearer(admin.accessToken)).send({ paused: false }).expect(200);
    await until('the held event', () => receiver.ndjson.length === 1);
    expect(receiver.ndjson[0].action).toBe('session.forced_logout');

    receiver.down = true;
    await activity(admin, accountId);
    await until('pending', async () => (await http().get(`/v1/audit/streams/${stream.id}/status`).set(bearer(admin.accessToken))).body.lastError !== null);
    await http().delete(`/v1/audit/streams/${stream.id}`).set(bearer(admin.accessToken)).expect(204);
    await http().get(`/v1/audit/streams/${stream.id}`).set(bearer(admin.accessToken)).expect(404);
    const deleted = (await http().get('/v1/audit/events').query({ accountId, action: 'audit_stream.deleted' }).set(bearer(admin.accessToken)).expect(200)).body.items[0];
    expect(deleted.details).toMatchObject({ streamId: stream.id, droppedEvents: 1 });
    receiver.down = false;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.ndjson).toHaveLength(1);
  });

  it('isolation: a stream gets only its account\'s events; another account\'s admin cannot see, change or delete it', async () => {
    const a = await account();
    const b = await account();
    const receiver = await httpReceiver();
    const stream = await createStream(a.admin.accessToken, { name: 'a', kind: 'http', url: receiver.url('/ndjson'), hmacKey: HMAC_KEY });
    await activity(b.admin, b.id);
    await activity(a.admin, a.id);
    await until('a\'s events', () => receiver.ndjson.some((e) => e.action === 'session.forced_logout'));
    expect(receiver.ndjson.every((e) => e.accountId === a.id)).toBe(true);
    expect((await http().get('/v1/audit/streams').set(bearer(b.admin.accessToken)).expect(200)).body).toEqual([]);
    for (const call of [
      http().get(`/v1/audit/streams/${stream.id}`),
      http().get(`/v1/audit/streams/${stream.id}/status`),
      http().patch(`/v1/audit/streams/${stream.id}`).send({ name: 'taken' }),
      http().delete(`/v1/audit/streams/${stream.id}`),
    ]) {
      const res = await call.set(bearer(b.admin.accessToken));
      expect(res.status).toBe(404);
      expect(res.body.error).toBe('NOT_FOUND');
    }
    expect((await http().get(`/v1/audit/streams/${stream.id}`).set(bearer(a.admin.accessToken)).expect(200)).body.name).toBe('a');
  });

  it('needs audit.stream and audit.read: an auditor and a role with audit.stream alone are refused (audited); a stream whose configurer lost them holds its events', async () => {
    const { id: accountId, admin } = await account();
    const receiver = await httpReceiver();
    const auditor = await createUser(app, systemAdmin, { accountId, roles: ['auditor'] });
    const body = { name: 'x', kind: 'http', url: receiver.url('/ndjson'), hmacKey: HMAC_KEY };
    expect((await http().post('/v1/audit/streams').set(bearer(auditor.accessToken)).send(body).expect(403)).body.details).toEqual({ permission: 'audit.stream' });
    await http().get('/v1/audit/streams').set(bearer(auditor.accessToken)).expect(403);
    await http().post('/v1/roles').set(bearer(admin.accessToken)).send({ name: 'streamer', permissions: ['audit.stream'] }).expect(201);
    const streamer = await createUser(app, admin.accessToken, { roles: ['streamer'] });
    expect((await http().post('/v1/audit/streams').set(bearer(streamer.accessToken)).send(body).expect(403)).body.details).toEqual({ permission: 'audit.read' });
    const denied = (await http().get('/v1/audit/events').query({ accountId, action: 'auth.permission_denied' }).set(bearer(admin.accessToken)).expect(200)).body.items;
    expect(denied.map((e: { details: { attempted?: string } }) => e.details.attempted)).toContain('audit-stream:create');

    // Made by a second admin, who then loses the admin role: the stream holds its events, and sends them once an admin saves it.
    const other = await createUser(app, systemAdmin, { accountId, roles: ['admin'] });
    const stream = await createStream(other.accessToken, { ...body, actions: ['session.forced_logout'] });
    await http().put(`/v1/users/${other.userId}/roles`).set(bearer(admin.accessToken)).send({ roles: ['user'] }).expect(200);
    await activity(admin, accountId);
    await until('held', async () => /no longer holds/.test((await http().get(`/v1/audit/streams/${stream.id}/status`).set(bearer(admin.accessToken))).body.lastError ?? ''));
    expect(receiver.ndjson).toEqual([]);
    const saved = (await http().patch(`/v1/audit/streams/${stream.id}`).set(bearer(admin.accessToken)).send({}).expect(200)).body;
    expect(saved.configuredBy).toBe(admin.userId);
    await until('released', () => receiver.ndjson.length === 1);
  });

  it('bad configurations are clear 400s that change nothing; secrets are never shown', async () => {
    const { admin } = await account();
    const url = 'http://127.0.0.1:9/ndjson';
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ name: 'x', kind: 'http', url }, /hmacKey/],
      [{ name: 'x', kind: 'http', url, hmacKey: 'short' }, /hmacKey/],
      [{ name: 'x', kind: 'http', url: 'ftp://siem.example/x', hmacKey: HMAC_KEY }, /https/],
      [{ name: 'x', kind: 'http', url: 'not a url', hmacKey: HMAC_KEY }, /absolute URL/],
      [{ name: 'x', kind: 'http', url, hmacKey: HMAC_KEY, splunkToken: 't' }, /Not a setting of a http stream: splunkToken/],
      [{ name: 'x', kind: 'splunk', url }, /splunkToken/],
      [{ name: 'x', kind: 'splunk', url, splunkToken: 't', splunkIndex: 'bad index!' }, /splunkIndex/],
      [{ name: 'x', kind: 'syslog' }, /syslogAddress/],
      [{ name: 'x', kind: 'syslog', syslogAddress: 'no-port' }, /host:port/],
      [{ name: 'x', kind: 'syslog', syslogAddress: 'localhost:70000' }, /port/],
      [{ name: 'x', kind: 'syslog', syslogAddress: 'localhost:6514', syslogCa: 'not pem' }, /syslogCa/],
      [{ name: 'x', kind: 'syslog', syslogAddress: 'localhost:6514', syslogCa: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----' }, /readable/],
      [{ name: 'x', kind: 'syslog', syslogAddress: 'localhost:6514', syslogFacility: 24 }, /syslogFacility/],
      [{ name: 'x', kind: 'kafka', url, hmacKey: HMAC_KEY }, /kind/],
      [{ name: 'x', kind: 'http', url, hmacKey: HMAC_KEY, actions: ['session.nope'] }, /actions/],
      [{ name: '', kind: 'http', url, hmacKey: HMAC_KEY }, /name/],
      [{ name: 'x', kind: 'http', url, hmacKey: HMAC_KEY, extra: 1 }, /extra/],
    ];
    for (const [body, message] of bad) {
      const res = await http().post('/v1/audit/streams').set(bearer(admin.accessToken)).send(body);
      expect({ body, status: res.status, error: res.body.error }).toEqual({ body, status: 400, error: 'VALIDATION_FAILED' });
      expect(`${res.body.message} ${JSON.stringify(res.body.details ?? {})}`).toMatch(message);
    }
    expect((await http().get('/v1/audit/streams').set(bearer(admin.accessToken)).expect(200)).body).toEqual([]);
    const stream = await createStream(admin.accessToken, { name: 'ok', kind: 'http', url, hmacKey: HMAC_KEY });
    const patched = await http().patch(`/v1/audit/streams/${stream.id}`).set(bearer(admin.accessToken)).send({ url: 'ftp://x' });
    expect(patched.status).toBe(400);
    await http().patch(`/v1/audit/streams/${stream.id}`).set(bearer(admin.accessToken)).send({ kind: 'splunk' }).expect(400);
    await http().get('/v1/audit/streams/not-a-uuid').set(bearer(admin.accessToken)).expect(400);
    await http().get(`/v1/audit/streams/${randomUUID()}`).set(bearer(admin.accessToken)).expect(404);
    const listed = (await http().get('/v1/audit/streams').set(bearer(admin.accessToken)).expect(200)).body;
    expect(listed).toEqual([expect.objectContaining({ id: stream.id, url })]);
    expect(JSON.stringify(listed)).not.toContain(HMAC_KEY);
  });

  it('without RECEIVERS_ALLOW_PRIVATE / _INSECURE: loopback destinations and plain TCP syslog are refused', async () => {
    const strict = await startApp(dbUrl, { DELIVERY_ENABLED: 'false' });
    apps.push(strict);
    const { admin } = await account();
    const strictHttp = () => request(strict.getHttpServer());
    const refused: Record<string, unknown>[] = [
      { name: 'x', kind: 'http', url: 'https://127.0.0.1/ndjson', hmacKey: HMAC_KEY },
      { name: 'x', kind: 'splunk', url: 'https://localhost:8088/services/collector/event', splunkToken: 't' },
      { name: 'x', kind: 'http', url: 'http://siem.example/ndjson', hmacKey: HMAC_KEY },
      { name: 'x', kind: 'syslog', syslogAddress: '127.0.0.1:6514' },
      { name: 'x', kind: 'syslog', syslogAddress: '[::1]:6514' },
      { name: 'x', kind: 'syslog', syslogAddress: '203.0.113.7:514', syslogTls: false },
    ];
    for (const body of refused) {
      const res = await strictHttp().post('/v1/audit/streams').set(bearer(admin.accessToken)).send(body);
      expect({ body, status: res.status, error: res.body.error }).toEqual({ body, status: 400, error: 'VALIDATION_FAILED' });
    }
  });

  it('a stream made on one instance is used by another at once (its cache dropped by NOTIFY at the commit, not by age)', async () => {
    // The second instance would trust its cached "no streams" for a minute: only the notification can make it write the rows.
    const second = await startApp(dbUrl, { ...BASE, DELIVERY_ENABLED: 'false', AUDIT_STREAMS_CACHE_MS: '60000' });
    apps.push(second);
    const { id: accountId, admin } = await account();
    const receiver = await httpReceiver();
    const user = await createUser(app, systemAdmin, { accountId });
    // Warm the second instance's cache: an event of the account written there, no streams yet.
    await request(second.getHttpServer()).post(`/v1/users/${user.userId}/logout`).set(bearer(admin.accessToken)).send({ reason: 'before' }).expect(200);
    await createStream(admin.accessToken, { name: 'siem', kind: 'http', url: receiver.url('/ndjson'), hmacKey: HMAC_KEY, actions: ['session.forced_logout'] });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await request(second.getHttpServer()).post(`/v1/users/${user.userId}/logout`).set(bearer(admin.accessToken)).send({ reason: 'after' }).expect(200);
    await until('the event written on the second instance', () => receiver.ndjson.length === 1);
    expect(receiver.ndjson[0]).toMatchObject({ action: 'session.forced_logout', reason: 'after' });
  });
});
