import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import request from 'supertest';
import { LocalReceiver, verifyWithJwks } from './support/local-receiver.js';
import { bearer, createTestDatabase, createUser, login, loginAdmin, startApp } from './support/test-app.js';
import { until } from './support/until.js';

const ISSUER = 'https://sessions.test';
const BACKCHANNEL = 'http://schemas.openid.net/event/backchannel-logout';

/**
 * An account-wide logout writes one outbox row per receiver in its transaction, whatever the number
 * of users, and a back-channel client still gets exactly one verified logout token per user of the
 * account (none of another account's), each with a jti that a retry does not change, going on after
 * the last token the client accepted.
 */
describe('account-wide logout: O(receivers) outbox rows, one logout token per user at delivery', () => {
  let app: NestFastifyApplication;
  let db: pg.Client;
  let adminToken: string;
  const receiver = new LocalReceiver();
  const other = new LocalReceiver();
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    const url = await createTestDatabase();
    app = await startApp(url, { ISSUER_URL: ISSUER, RECEIVERS_ALLOW_INSECURE: 'true', RECEIVERS_ALLOW_PRIVATE: 'true', DELIVERY_POLL_INTERVAL_MS: '50', DELIVERY_RETRY_BASE_MS: '100', DELIVERY_RETRY_MAX_MS: '200' });
    db = new pg.Client({ connectionString: url });
    await db.connect();
    adminToken = (await loginAdmin(app)).accessToken;
    await receiver.start();
    await other.start();
  });
  afterAll(async () => {
    await receiver.stop();
    await other.stop();
    await db.end();
    await app?.close();
  });

  /** An account with a boss (admin of it, holding receivers.manage) and `n` more users, each logged in. */
  async function accountWith(n: number) {
    const account = (await http().post('/v1/accounts').set(bearer(adminToken)).send({ name: `fan-out-${Date.now()}-${n}` }).expect(201)).body;
    const boss = await createUser(app, adminToken, { roles: ['admin'], accountId: account.id });
    const users = [];
    for (let i = 0; i < n; i++) users.push(await createUser(app, adminToken, { accountId: account.id }));
    return { accountId: account.id as string, boss, users };
  }

  it('one row per receiver in the transaction; exactly one verified token per user of the account at delivery', async () => {
    const mine = await accountWith(7);
    const theirs = await accountWith(2);
    await http().post('/v1/backchannel-receivers').set(bearer(mine.boss.accessToken)).send({ clientId: 'rp-mine', backchannelLogoutUri: receiver.backchannelUrl }).expect(201);
    await http().post('/ssf/streams').set(bearer(mine.boss.accessToken)).send({ delivery: { method: 'urn:ietf:rfc:8935', endpoint_url: receiver.url } }).expect(201);
    await http().post('/v1/backchannel-receivers').set(bearer(theirs.boss.accessToken)).send({ clientId: 'rp-theirs', backchannelLogoutUri: other.backchannelUrl }).expect(201);
    // A user created after the logout gets no token from it.
    const res = await http().post(`/v1/accounts/${mine.accountId}/logout`).set(bearer(mine.boss.accessToken)).send({ reason: 'breach' }).expect(200);
    const late = await createUser(app, adminToken, { accountId: mine.accountId });
    expect(res.body.revokedCount).toBe(7);

    const { rows } = await db.query(`SELECT destination_kind AS kind FROM outbox WHERE audit_event_id = $1 ORDER BY id`, [res.body.auditEventId]);
    expect(rows.map((r) => r.kind).sort()).toEqual(['backchannel', 'ssf_push']);

    const everyone = [mine.boss.userId, ...mine.users.map((u) => u.userId)].sort();
    const got = await receiver.waitFor(everyone.length + 1);
    await new Promise((r) => setTimeout(r, 500));
    const tokens = receiver.accepted().filter((g) => g.contentType === 'application/x-www-form-urlencoded');
    expect(tokens).toHaveLength(everyone.length);
    expect(got.filter((g) => g.contentType === 'application/secevent+jwt')).toHaveLength(1);
    const subs: string[] = [];
    const jtis = new Set<string>();
    for (const token of tokens) {
      const { payload } = await verifyWithJwks(app, token.token, { issuer: ISSUER, audience: 'rp-mine', typ: 'logout+jwt' });
      expect(payload).toMatchObject({ sub: expect.any(String), jti: expect.any(String), iat: expect.any(Number), exp: expect.any(Number), events: { [BACKCHANNEL]: {} } });
      expect(payload.sid).toBeUndefined();
      expect(payload).not.toHaveProperty('fanOut');
      subs.push(payload.sub as string);
      jtis.add(payload.jti as string);
    }
    // In user id order, each user once, and not the user created afterwards.
    expect(subs).toEqual(everyone);
    expect(subs).not.toContain(late.userId);
    expect(jtis.size).toBe(everyone.length);
    expect(other.received).toHaveLength(0);
    // The audit event shows the row delivered.
    const event = (await http().get(`/v1/audit/events/${res.body.auditEventId}`).set(bearer(adminToken)).expect(200)).body;
    expect(event.deliveries.filter((d: { destinationKind: string; status: string }) => d.destinationKind === 'backchannel')).toEqual([expect.objectContaining({ status: 'delivered' })]);
  });

  it('a client failing mid-fan-out gets the rest on retry, with the same jti, and no token it accepted twice', async () => {
    const mine = await accountWith(5);
    await http().post('/v1/backchannel-receivers').set(bearer(mine.boss.accessToken)).send({ clientId: 'rp-flaky', backchannelLogoutUri: other.backchannelUrl }).expect(201);
    let calls = 0;
    // The third token is refused twice (a 503), then everything is accepted.
    other.answer = () => {
      calls++;
      return calls === 3 || calls === 4 ? 503 : 202;
    };
    const res = await http().post(`/v1/accounts/${mine.accountId}/logout`).set(bearer(mine.boss.accessToken)).send({ reason: 'flaky' }).expect(200);
    const everyone = [mine.boss.userId, ...mine.users.map((u) => u.userId)].sort();
    await other.waitFor(everyone.length, 15_000);
    await until('the row is delivered', async () => (await db.query(`SELECT status FROM outbox WHERE audit_event_id = $1`, [res.body.auditEventId])).rows[0]?.status === 'delivered', 15_000);
    await new Promise((r) => setTimeout(r, 300));
    const all = other.received.filter((g) => g.claims.aud === 'rp-flaky');
    const accepted = other.accepted().filter((g) => g.claims.aud === 'rp-flaky');
    expect(all).toHaveLength(everyone.length + 2);
    expect(accepted.map((g) => g.claims.sub)).toEqual(everyone);
    // The refused token was the third user's, sent again with the same jti.
    const third = all.filter((g) => g.claims.sub === everyone[2]);
    expect(third).toHaveLength(3);
    expect(new Set(third.map((g) => g.claims.jti)).size).toBe(1);
    const { rows } = await db.query(`SELECT p.sent, o.attempts FROM outbox_fan_out_progress p JOIN outbox o ON o.id = p.outbox_id WHERE o.audit_event_id = $1`, [res.body.auditEventId]);
    expect(rows).toEqual([{ sent: everyone.length, attempts: 3 }]);
    other.answer = () => 202;
  });

  it('with many users the logout still writes one row per receiver', async () => {
    const mine = await accountWith(1);
    await http().post('/v1/backchannel-receivers').set(bearer(mine.boss.accessToken)).send({ clientId: 'rp-big', backchannelLogoutUri: receiver.backchannelUrl }).expect(201);
    await db.query(
      `INSERT INTO users (account_id, username, email, password_hash) SELECT $1, 'bulk' || g || '-' || $2, 'bulk' || g || '-' || $2 || '@example.test', 'not-a-hash' FROM generate_series(1, 450) g`,
      [mine.accountId, Date.now().toString(36)],
    );
    await login(app, mine.users[0].username, mine.users[0].password);
    const before = receiver.accepted().length;
    const res = await http().post(`/v1/accounts/${mine.accountId}/logout`).set(bearer(mine.boss.accessToken)).send({ reason: 'big' }).expect(200);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM outbox WHERE audit_event_id = $1`, [res.body.auditEventId]);
    expect(rows[0].n).toBe(1);
    const got = (await receiver.waitFor(before + 452, 30_000)).slice(before);
    expect(new Set(got.map((g) => g.claims.sub)).size).toBe(452);
    expect(new Set(got.map((g) => g.claims.jti)).size).toBe(452);
  });
});
