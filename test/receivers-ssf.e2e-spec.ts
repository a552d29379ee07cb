import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { LocalReceiver, verifyWithJwks } from './support/local-receiver.js';
import { bearer, closeTestApp, createTestDatabase, createUser, login, startApp } from './support/test-app.js';
import { TEST_ADMIN } from './test-env.js';
import { until } from './support/until.js';

const ISSUER = 'https://sessions.test';
const SESSION_REVOKED = 'https://schemas.openid.net/secevent/caep/event-type/session-revoked';
const VERIFICATION = 'https://schemas.openid.net/secevent/ssf/event-type/verification';
const PUSH = 'urn:ietf:rfc:8935';
/** Loopback receivers over http are what this test runs: the app allows them explicitly. */
const PERMISSIVE = { ISSUER_URL: ISSUER, RECEIVERS_ALLOW_INSECURE: 'true', RECEIVERS_ALLOW_PRIVATE: 'true', DELIVERY_POLL_INTERVAL_MS: '50', DELIVERY_RETRY_BASE_MS: '50', DELIVERY_RETRY_MAX_MS: '200', SSF_POLL_MAX_WAIT_MS: '1500' };

type Claims = Record<string, unknown> & { events: Record<string, Record<string, unknown>>; sub_id: Record<string, unknown> };

describe('SSF transmitter: streams and session-revoked SETs (push)', () => {
  let dbUrl: string;
  let app: NestFastifyApplication;
  let strict: NestFastifyApplication;
  let adminToken: string;
  let accountId: string;
  const receiver = new LocalReceiver();

  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    dbUrl = await createTestDatabase();
    app = await startApp(dbUrl, PERMISSIVE);
    // The same service with the default (safe) receiver rules and no dispatcher of its own.
    strict = await startApp(dbUrl, { ISSUER_URL: ISSUER, DELIVERY_ENABLED: 'false' });
    const admin = await login(app, TEST_ADMIN.username, TEST_ADMIN.password);
    adminToken = admin.accessToken;
    accountId = (await http().get('/v1/auth/me').set(bearer(adminToken)).expect(200)).body.user.accountId;
    await receiver.start();
  });
  afterAll(async () => {
    await receiver.stop();
    await strict?.close();
    await app?.close();
  });

  const createStream = (token: string, body: Record<string, unknown> = {}) =>
    http().post('/ssf/streams').set(bearer(token)).send({ delivery: { method: PUSH, endpoint_url: receiver.url, authorization_header: 'Bearer receiver-secret' }, ...body });

  it('publishes its metadata and JWKS at the well-known paths', async () => {
    const meta = await http().get('/.well-known/ssf-configuration').expect(200);
    expect(meta.body).toMatchObject({
      issuer: ISSUER,
      jwks_uri: `${ISSUER}/.well-known/jwks.json`,
      delivery_methods_supported: expect.arrayContaining([PUSH, 'urn:ietf:rfc:8936']),
      configuration_endpoint: `${ISSUER}/ssf/streams`,
      status_endpoint: `${ISSUER}/ssf/status`,
      add_subject_endpoint: `${ISSUER}/ssf/subjects/add`,
      remove_subject_endpoint: `${ISSUER}/ssf/subjects/remove`,
      verification_endpoint: `${ISSUER}/ssf/verify`,
    });
    const jwks = await http().get('/.well-known/jwks.json').expect(200);
    expect(jwks.body.keys).toHaveLength(1);
    expect(jwks.body.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig', kid: expect.any(String) });
    expect(jwks.body.keys[0].d).toBeUndefined();
  });

  it('creates, reads, updates and deletes a stream; the authorization header is never shown and creation is audited', async () => {
    const created = await createStream(adminToken, { description: 'crud' }).expect(201);
    const id = created.body.stream_id;
    expect(created.body).toEqual({
      stream_id: id,
      iss: ISSUER,
      aud: id,
      events_supported: [SESSION_REVOKED],
      events_requested: [SESSION_REVOKED],
      events_delivered: [SESSION_REVOKED],
      delivery: { method: PUSH, endpoint_url: receiver.url },
      format: 'complex',
      description: 'crud',
      min_verification_interval: 0,
    });
    expect(JSON.stringify(created.body)).not.toContain('receiver-secret');
    expect((await http().get(`/ssf/streams?stream_id=${id}`).set(bearer(adminToken)).expect(200)).body.stream_id).toBe(id);
    expect((await http().get('/ssf/streams').set(bearer(adminToken)).expect(200)).body.map((s: { stream_id: string }) => s.stream_id)).toContain(id);
    const patched = await http().patch('/ssf/streams').set(bearer(adminToken)).send({ stream_id: id, description: 'renamed', iss: ISSUER }).expect(200);
    expect(patched.body).toMatchObject({ description: 'renamed', delivery: { endpoint_url: receiver.url } });
    const audit = await http().get('/v1/audit/events?action=receiver.created').set(bearer(adminToken)).expect(200);
    expect(audit.body.items[0].details).toMatchObject({ receiverId: id, kind: 'ssf_push', endpointHost: `127.0.0.1:${receiver.port}` });
    expect(JSON.stringify(audit.body.items)).not.toContain('receiver-secret');
    const { rows } = await dbQuery(`SELECT authorization_header FROM receivers WHERE id = $1`, [id]);
    expect(Buffer.from(rows[0].authorization_header).toString('utf8')).not.toContain('receiver-secret');
    await http().delete(`/ssf/streams?stream_id=${id}`).set(bearer(adminToken)).expect(204);
    await http().get(`/ssf/streams?stream_id=${id}`).set(bearer(adminToken)).expect(404);
  });

  it('answers bad input with 4xx in the native shape and changes nothing', async () => {
    const bad = await http().post('/ssf/streams').set(bearer(adminToken)).send({ delivery: { method: 'urn:example:carrier-pigeon' } }).expect(400);
    expect(bad.body).toMatchObject({ statusCode: 400, error: 'VALIDATION_FAILED', requestId: expect.any(String) });
    await http().post('/ssf/streams').set(bearer(adminToken)).send({ delivery: { method: PUSH } }).expect(400);
    await http().post('/ssf/streams').set(bearer(adminToken)).send({ delivery: { method: PUSH, endpoint_url: receiver.url }, surprise: 1 }).expect(400);
    await http().get('/ssf/streams?stream_id=not-a-uuid').set(bearer(adminToken)).expect(400);
    await http().get(`/ssf/status?stream_id=${randomUUID()}`).set(bearer(adminToken)).expect(404);
    await http().post('/ssf/status').set(bearer(adminToken)).send({ stream_id: randomUUID(), status: 'sleeping' }).expect(400);
  });

  it('refuses receiver URLs that are not https or resolve to private addresses (default rules)', async () => {
    const s = () => request(strict.getHttpServer());
    const refused = async (url: string) => {
      const res = await s().post('/ssf/streams').set(bearer(adminToken)).send({ delivery: { method: PUSH, endpoint_url: url } }).expect(400);
      expect(res.body.error).toBe('VALIDATION_FAILED');
    };
    await refused(receiver.url); // http
    await refused('https://127.0.0.1/events');
    await refused('https://localhost/events');
    await refused('https://169.254.169.254/latest/meta-data');
    await refused('https://10.0.0.1/events');
    await refused('https://[::1]/events');
    const bc = await s().post('/v1/backchannel-receivers').set(bearer(adminToken)).send({ clientId: 'rp', backchannelLogoutUri: 'https://192.168.1.10/logout' }).expect(400);
    expect(bc.body.error).toBe('VALIDATION_FAILED');
    const { rows } = await dbQuery(`SELECT count(*)::int AS n FROM receivers WHERE endpoint_url LIKE '%169.254%' OR endpoint_url LIKE '%10.0.0.1%'`, []);
    expect(rows[0].n).toBe(0);
  });

  it('needs receivers.manage to manage streams; the refusal is audited', async () => {
    const plain = await createUser(app, adminToken);
    const res = await createStream(plain.accessToken).expect(403);
    expect(res.body.error).toBe('PERMISSION_DENIED');
    const audit = await http().get(`/v1/audit/events?action=auth.permission_denied&actorUserId=${plain.userId}`).set(bearer(adminToken)).expect(200);
    expect(audit.body.items[0]).toMatchObject({ reason: 'missing_permission', details: { permission: 'receivers.manage' } });
  });

  it('sends a verification event, signed and verifiable against the JWKS, with the stream authorization header', async () => {
    const stream = (await createStream(adminToken).expect(201)).body;
    const before = receiver.accepted().length;
    await http().post('/ssf/verify').set(bearer(adminToken)).send({ stream_id: stream.stream_id, state: 'ping-1' }).expect(204);
    const got = (await receiver.waitFor(before + 1)).slice(before);
    expect(got[0].contentType).toBe('application/secevent+jwt');
    expect(got[0].authorization).toBe('Bearer receiver-secret');
    const { payload, protectedHeader } = await verifyWithJwks(app, got[0].token, { issuer: ISSUER, audience: stream.stream_id, typ: 'secevent+jwt' });
    expect(protectedHeader).toMatchObject({ alg: 'EdDSA', typ: 'secevent+jwt' });
    expect(payload).toMatchObject({ sub_id: { format: 'opaque', id: stream.stream_id }, events: { [VERIFICATION]: { state: 'ping-1' } }, jti: expect.any(String) });
    await http().delete(`/ssf/streams?stream_id=${stream.stream_id}`).set(bearer(adminToken)).expect(204);
  });

  it('a logout becomes one session-revoked SET per subscribed stream, with subject, reason and initiating entity; another account gets nothing', async () => {
    const mine = (await createStream(adminToken).expect(201)).body;
    const emailStream = (await createStream(adminToken, { format: 'email' }).expect(201)).body;
    // Another account, its own admin and its own stream on its own receiver.
    const other = await http().post('/v1/accounts').set(bearer(adminToken)).send({ name: `other-${randomUUID()}` }).expect(201);
    const otherAdmin = await createUser(app, adminToken, { accountId: other.body.id, roles: ['admin'] });
    const foreignReceiver = await new LocalReceiver().start();
    try {
      await http().post('/ssf/streams').set(bearer(otherAdmin.accessToken)).send({ delivery: { method: PUSH, endpoint_url: foreignReceiver.url } }).expect(201);
      const user = await createUser(app, adminToken);
      const before = receiver.accepted().length;
      await http().post('/v1/auth/logout').set(bearer(user.accessToken)).expect(200);
      const got = (await receiver.waitFor(before + 2)).slice(before);
      const byAud = new Map(got.map((g) => [g.claims.aud as string, g]));
      const session = byAud.get(mine.stream_id);
      const email = byAud.get(emailStream.stream_id);
      const { payload } = await verifyWithJwks(app, session!.token, { issuer: ISSUER, audience: mine.stream_id, typ: 'secevent+jwt' });
      const claims = payload as unknown as Claims;
      expect(claims.sub_id).toEqual({
        format: 'complex',
        session: { format: 'opaque', id: user.sessionId },
        user: { format: 'iss_sub', iss: ISSUER, sub: user.userId },
        tenant: { format: 'opaque', id: accountId },
      });
      expect(claims.events[SESSION_REVOKED]).toEqual({ event_timestamp: expect.any(Number), initiating_entity: 'user', reason_admin: { en: 'session.logout' } });
      expect((email!.claims as unknown as Claims).sub_id).toMatchObject({ session: { id: user.sessionId }, user: { format: 'email', email: `${user.username}@example.test` } });
      // The forced logout of a user by an admin: a user subject, initiated by an admin, with the admin's reason.
      const second = await login(app, user.username, user.password);
      const before2 = receiver.accepted().length;
      await http().post(`/v1/users/${user.userId}/logout`).set(bearer(adminToken)).send({ reason: 'offboarding', ticket: 'T-1' }).expect(200);
      const forced = (await receiver.waitFor(before2 + 2)).slice(before2).find((g) => g.claims.aud === mine.stream_id)!;
      expect(forced.claims).toMatchObject({
        sub_id: { format: 'complex', user: { format: 'iss_sub', iss: ISSUER, sub: user.userId }, tenant: { format: 'opaque', id: accountId } },
        events: { [SESSION_REVOKED]: { initiating_entity: 'admin', reason_admin: { en: 'offboarding' } } },
      });
      expect((forced.claims.sub_id as Record<string, unknown>).session).toBeUndefined();
      expect(second.sessionId).toBeDefined();
      // Nothing more arrives than one SET per stream per revocation; the other account's receiver got nothing.
      await new Promise((r) => setTimeout(r, 300));
      expect(receiver.accepted().length).toBe(before2 + 2);
      expect(foreignReceiver.received).toHaveLength(0);
    } finally {
      await foreignReceiver.stop();
      await http().delete(`/ssf/streams?stream_id=${mine.stream_id}`).set(bearer(adminToken));
      await http().delete(`/ssf/streams?stream_id=${emailStream.stream_id}`).set(bearer(adminToken));
    }
  });

  it('a removed subject gets no events on that stream; adding it back restores them; a paused stream holds them', async () => {
    const stream = (await createStream(adminToken).expect(201)).body;
    const user = await createUser(app, adminToken);
    await http().post('/ssf/subjects/remove').set(bearer(adminToken)).send({ stream_id: stream.stream_id, subject: { format: 'opaque', id: user.userId } }).expect(204);
    await http().post('/ssf/subjects/add').set(bearer(adminToken)).send({ stream_id: stream.stream_id, subject: { format: 'opaque', id: randomUUID() } }).expect(404);
    const before = receiver.accepted().length;
    await http().post('/v1/auth/logout').set(bearer(user.accessToken)).expect(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.accepted().length).toBe(before);
    await http().post('/ssf/subjects/add').set(bearer(adminToken)).send({ stream_id: stream.stream_id, subject: { format: 'email', email: `${user.username}@example.test` } }).expect(200);
    await http().post('/ssf/status').set(bearer(adminToken)).send({ stream_id: stream.stream_id, status: 'paused' }).expect(200);
    expect((await http().get(`/ssf/status?stream_id=${stream.stream_id}`).set(bearer(adminToken)).expect(200)).body).toEqual({ stream_id: stream.stream_id, status: 'paused' });
    const again = await login(app, user.username, user.password);
    await http().post('/v1/auth/logout').set(bearer(again.accessToken)).expect(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.accepted().length).toBe(before);
    await http().post('/ssf/status').set(bearer(adminToken)).send({ stream_id: stream.stream_id, status: 'enabled' }).expect(200);
    const got = (await receiver.waitFor(before + 1)).slice(before);
    expect((got[0].claims.sub_id as { session: { id: string } }).session.id).toBe(again.sessionId);
    await http().delete(`/ssf/streams?stream_id=${stream.stream_id}`).set(bearer(adminToken)).expect(204);
  });

  it('shows per receiver on GET /v1/audit/events/{id} whether the event was delivered, with attempts', async () => {
    const stream = (await createStream(adminToken).expect(201)).body;
    const user = await createUser(app, adminToken);
    const before = receiver.accepted().length;
    const receipt = await http().post('/v1/auth/logout').set(bearer(user.accessToken)).expect(200);
    await receiver.waitFor(before + 1);
    await until('the delivery recorded', async () => (await http().get(`/v1/audit/events/${receipt.body.auditEventId}`).set(bearer(adminToken))).body.deliveries?.[0]?.status === 'delivered');
    const event = await http().get(`/v1/audit/events/${receipt.body.auditEventId}`).set(bearer(adminToken)).expect(200);
    expect(event.body.deliveries).toEqual([
      expect.objectContaining({ destinationKind: 'ssf_push', destinationId: stream.stream_id, status: 'delivered', attempts: 1, lastError: null, jti: receiver.accepted()[before].claims.jti }),
    ]);
    await http().delete(`/ssf/streams?stream_id=${stream.stream_id}`).set(bearer(adminToken)).expect(204);
  });

  it('RFC 8936 poll: an API key of the account fetches pending SETs and acknowledges them; another account\'s key gets 404', async () => {
    const poll = await http().post('/ssf/streams').set(bearer(adminToken)).send({ delivery: { method: 'urn:ietf:rfc:8936' } }).expect(201);
    const id = poll.body.stream_id;
    expect(poll.body.delivery).toEqual({ method: 'urn:ietf:rfc:8936', endpoint_url: `${ISSUER}/ssf/poll/${id}` });
    const key = (await http().post('/v1/api-keys').set(bearer(adminToken)).send({ name: `poller-${randomUUID()}`, redirectUrl: 'https://poller.example/' }).expect(201)).body.apiKey;
    const user = await createUser(app, adminToken);
    await http().post('/v1/auth/logout').set(bearer(user.accessToken)).expect(200);
    const first = await http().post(`/ssf/poll/${id}`).set('X-API-Key', key).send({ maxEvents: 10, returnImmediately: true }).expect(200);
    const jtis = Object.keys(first.body.sets);
    expect(jtis).toHaveLength(1);
    const { payload } = await verifyWithJwks(app, first.body.sets[jtis[0]], { issuer: ISSUER, audience: id, typ: 'secevent+jwt' });
    expect(payload).toMatchObject({ jti: jtis[0], sub_id: { session: { id: user.sessionId } } });
    // Not acknowledged yet: answered again, with the same jti.
    const again = await http().post(`/ssf/poll/${id}`).set('X-API-Key', key).send({}).expect(200);
    expect(Object.keys(again.body.sets)).toEqual(jtis);
    // Refusing more SETs at once than one poll may acknowledge: a 400 that changes nothing.
    const tooMany = Object.fromEntries([jtis[0], ...Array.from({ length: 1000 }, () => randomUUID())].map((j) => [j, {}]));
    await http().post(`/ssf/poll/${id}`).set('X-API-Key', key).send({ setErrs: tooMany, returnImmediately: true }).expect(400);
    expect((await dbQuery(`SELECT status FROM outbox WHERE jti = $1`, [jtis[0]])).rows[0].status).toBe('pending');
    const acked = await http().post(`/ssf/poll/${id}`).set('X-API-Key', key).send({ ack: jtis, returnImmediately: true }).expect(200);
    expect(acked.body).toEqual({ sets: {}, moreAvailable: false });
    const { rows } = await dbQuery(`SELECT status FROM outbox WHERE jti = $1`, [jtis[0]]);
    expect(rows[0].status).toBe('delivered');
    const other = await http().post('/v1/accounts').set(bearer(adminToken)).send({ name: `poll-other-${randomUUID()}` }).expect(201);
    const otherAdmin = await createUser(app, adminToken, { accountId: other.body.id, roles: ['admin'] });
    const otherKey = (await http().post('/v1/api-keys').set(bearer(otherAdmin.accessToken)).send({ name: 'other-poller', redirectUrl: 'https://poller.example/' }).expect(201)).body.apiKey;
    await http().post(`/ssf/poll/${id}`).set('X-API-Key', otherKey).send({}).expect(404);
    await http().post(`/ssf/poll/${id}`).send({}).expect(401);
    await http().post(`/ssf/poll/${id}`).set('X-API-Key', key).send({ ack: ['not-a-jti'] }).expect(400);
    await http().delete(`/ssf/streams?stream_id=${id}`).set(bearer(adminToken)).expect(204);
  });

  it('RFC 8936 long polling: a poll with nothing pending is held until an event commits on another instance, and at most SSF_POLL_MAX_WAIT_MS', async () => {
    const poll = await http().post('/ssf/streams').set(bearer(adminToken)).send({ delivery: { method: 'urn:ietf:rfc:8936' } }).expect(201);
    const id = poll.body.stream_id;
    const key = (await http().post('/v1/api-keys').set(bearer(adminToken)).send({ name: `long-poller-${randomUUID()}`, redirectUrl: 'https://poller.example/' }).expect(201)).body.apiKey;
    const user = await createUser(app, adminToken);
    // Short polling answers at once, empty.
    const shortStarted = Date.now();
    expect((await http().post(`/ssf/poll/${id}`).set('X-API-Key', key).send({ returnImmediately: true }).expect(200)).body).toEqual({ sets: {}, moreAvailable: false });
    expect(Date.now() - shortStarted).toBeLessThan(1000);
    // Nothing comes: answered empty after the bound (1.5 s here), not before, not much after.
    const idleStarted = Date.now();
    expect((await http().post(`/ssf/poll/${id}`).set('X-API-Key', key).send({}).expect(200)).body).toEqual({ sets: {}, moreAvailable: false });
    expect(Date.now() - idleStarted).toBeGreaterThanOrEqual(1400);
    expect(Date.now() - idleStarted).toBeLessThan(4000);
    // Held, then answered when the revocation commits on the other instance (which has no dispatcher).
    let answeredAt = 0;
    const held = http().post(`/ssf/poll/${id}`).set('X-API-Key', key).send({}).then((res) => {
      answeredAt = Date.now();
      return res;
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(answeredAt).toBe(0);
    const revokedAt = Date.now();
    await request(strict.getHttpServer()).post('/v1/auth/logout').set(bearer(user.accessToken)).expect(200);
    const res = await held;
    expect(res.status).toBe(200);
    const jtis = Object.keys(res.body.sets);
    expect(jtis).toHaveLength(1);
    expect(answeredAt).toBeGreaterThanOrEqual(revokedAt);
    // Woken at the commit, not at the end of the bound (1.5 s after the poll began).
    expect(answeredAt - revokedAt).toBeLessThan(1000);
    const { payload } = await verifyWithJwks(app, res.body.sets[jtis[0]], { issuer: ISSUER, audience: id, typ: 'secevent+jwt' });
    expect(payload).toMatchObject({ jti: jtis[0], sub_id: { session: { id: user.sessionId } } });
    // Acknowledging with nothing more pending is itself a long poll; returnImmediately ends it at once.
    expect((await http().post(`/ssf/poll/${id}`).set('X-API-Key', key).send({ ack: jtis, returnImmediately: true }).expect(200)).body).toEqual({ sets: {}, moreAvailable: false });
    await http().delete(`/ssf/streams?stream_id=${id}`).set(bearer(adminToken)).expect(204);
  });

  it('back-channel receivers: created (audited), listed and deleted within the account only', async () => {
    const created = await http().post('/v1/backchannel-receivers').set(bearer(adminToken)).send({ clientId: 'crm', backchannelLogoutUri: receiver.backchannelUrl }).expect(201);
    expect(created.body).toMatchObject({ clientId: 'crm', backchannelLogoutUri: receiver.backchannelUrl, status: 'enabled' });
    const other = await http().post('/v1/accounts').set(bearer(adminToken)).send({ name: `bc-other-${randomUUID()}` }).expect(201);
    const otherAdmin = await createUser(app, adminToken, { accountId: other.body.id, roles: ['admin'] });
    expect((await http().get('/v1/backchannel-receivers').set(bearer(otherAdmin.accessToken)).expect(200)).body).toEqual([]);
    await http().delete(`/v1/backchannel-receivers/${created.body.id}`).set(bearer(otherAdmin.accessToken)).expect(404);
    await http().post('/v1/backchannel-receivers').set(bearer(adminToken)).send({ clientId: '', backchannelLogoutUri: receiver.backchannelUrl }).expect(400);
    const audit = await http().get('/v1/audit/events?action=receiver.created').set(bearer(adminToken)).expect(200);
    expect(audit.body.items[0].details).toMatchObject({ receiverId: created.body.id, kind: 'backchannel', clientId: 'crm' });
    await http().delete(`/v1/backchannel-receivers/${created.body.id}`).set(bearer(adminToken)).expect(204);
    expect((await http().get('/v1/backchannel-receivers').set(bearer(adminToken)).expect(200)).body.map((r: { id: string }) => r.id)).not.toContain(created.body.id);
  });

  it('rotates the signing key: both keys are published, new events are signed with the new one; only the system admin may', async () => {
    const plainAdmin = await createUser(app, adminToken, { roles: ['admin'] });
    await http().post('/v1/signing-keys/rotate').set(bearer(plainAdmin.accessToken)).expect(403);
    const before = (await http().get('/.well-known/jwks.json').expect(200)).body.keys.map((k: { kid: string }) => k.kid);
    const rotated = await http().post('/v1/signing-keys/rotate').set(bearer(adminToken)).expect(200);
    expect(rotated.body.published).toEqual(expect.arrayContaining([rotated.body.kid, ...before]));
    const stream = (await createStream(adminToken).expect(201)).body;
    const count = receiver.accepted().length;
    await http().post('/ssf/verify').set(bearer(adminToken)).send({ stream_id: stream.stream_id }).expect(204);
    const got = (await receiver.waitFor(count + 1)).slice(count);
    const { protectedHeader } = await verifyWithJwks(app, got[0].token, { issuer: ISSUER, audience: stream.stream_id, typ: 'secevent+jwt' });
    expect(protectedHeader.kid).toBe(rotated.body.kid);
    const { rows } = await dbQuery(`SELECT count(*)::int AS n FROM signing_keys WHERE status = 'active'`, []);
    expect(rows[0].n).toBe(1);
    await http().delete(`/ssf/streams?stream_id=${stream.stream_id}`).set(bearer(adminToken)).expect(204);
  });

  async function dbQuery(sql: string, params: unknown[]) {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: dbUrl });
    await client.connect();
    try {
      return await client.query(sql, params);
    } finally {
      await client.end();
    }
  }
});
