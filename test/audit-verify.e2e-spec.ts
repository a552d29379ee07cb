import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import request from 'supertest';
import { bearer, closeTestApp, createUser, openTestApp, type TestApp, withoutTriggers } from './support/test-app.js';

/** GET /v1/audit/verify: recomputes an account's hash chain and finds what was changed behind the service's back. */
describe('audit chain verification', () => {
  let app: NestFastifyApplication;
  let owner: pg.Client;
  let systemAdmin: string;
  let world: TestApp;

  beforeAll(async () => {
    ({ app, db: owner, systemAdmin } = world = await openTestApp());
  });
  afterAll(() => closeTestApp(world));

  const http = () => request(app.getHttpServer());

  /** An account of its own, so tampering with it leaves the other tests' chains intact. */
  async function account(name: string) {
    const created = await http().post('/v1/accounts').set(bearer(systemAdmin)).send({ name: `${name}-${Date.now()}` }).expect(201);
    const admin = await createUser(app, systemAdmin, { roles: ['admin'], accountId: created.body.id, prefix: `${name}adm` });
    const member = await createUser(app, systemAdmin, { roles: ['user'], accountId: created.body.id, prefix: `${name}usr` });
    return { id: created.body.id as string, admin, member };
  }

  /** As the database owner, with triggers off: what an attacker with DB access could do. */
  const behindTheBack = (sql: string, params: unknown[]) => withoutTriggers(owner, sql, params);

  /** An account's events in chain order: its chains (stripes) one after the other. */
  async function chain(accountId: string): Promise<{ id: string; chain_seq: string; stripe: number }[]> {
    const { rows } = await owner.query(
      `SELECT e.id::text AS id, e.chain_seq::text AS chain_seq, coalesce(e.chain_stripe, 0) AS stripe FROM audit_events e WHERE e.account_id = $1 ORDER BY 3, e.chain_seq`,
      [accountId],
    );
    return rows;
  }

  it('verifies a clean chain written by many concurrent logins and forced logouts', async () => {
    const acc = await account('busy');
    const writes = [];
    for (let i = 0; i < 30; i++) {
      writes.push(http().post('/v1/auth/login').send({ username: acc.member.username, password: acc.member.password }).expect(200));
      writes.push(http().post(`/v1/users/${acc.member.userId}/logout`).set(bearer(acc.admin.accessToken)).send({ reason: `sweep ${i}` }).expect(200));
    }
    // verify while writers are still running: every committed prefix of a chain verifies
    const during = http().get('/v1/audit/verify').set(bearer(acc.admin.accessToken));
    await Promise.all(writes);
    expect((await during.expect(200)).body).toMatchObject({ ok: true, firstBroken: null });

    const res = await http().get('/v1/audit/verify').set(bearer(acc.admin.accessToken)).expect(200);
    const rows = await chain(acc.id);
    expect(rows.length).toBeGreaterThanOrEqual(63);
    // Each of the account's chains runs 1, 2, 3… without a gap.
    const stripes = [...new Set(rows.map((r) => r.stripe))];
    for (const stripe of stripes) {
      const seqs = rows.filter((r) => r.stripe === stripe).map((r) => r.chain_seq);
      expect(seqs).toEqual(seqs.map((_, i) => String(i + 1)));
    }
    // The head hash is that of the newest written of the chains' last events.
    const head = await owner.query(
      `SELECT encode(hash, 'hex') AS hex FROM (SELECT DISTINCT ON (coalesce(chain_stripe, 0)) id, hash FROM audit_events WHERE account_id = $1
        ORDER BY coalesce(chain_stripe, 0), chain_seq DESC) t ORDER BY id DESC LIMIT 1`,
      [acc.id],
    );
    expect(res.body).toEqual({ ok: true, checked: rows.length, firstBroken: null, headHash: head.rows[0].hex, from: null, to: null });
  });

  it('writers of one account that overlap take different chains; an edit, a deletion or a forgery in any of them is reported', async () => {
    const acc = await account('striped');
    // A transaction holding the account's first chain: the forced logouts meanwhile take another.
    const holder = new pg.Client({ connectionString: world.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`INSERT INTO audit_events (action, account_id, surface, reason) VALUES ('user.updated', $1, 'system', 'holder')`, [acc.id]);
      for (let i = 0; i < 4; i++) await http().post(`/v1/users/${acc.member.userId}/logout`).set(bearer(acc.admin.accessToken)).send({ reason: `s${i}` }).expect(200);
      await holder.query('COMMIT');
    } finally {
      await holder.end();
    }
    const rows = await chain(acc.id);
    const second = rows.filter((r) => r.stripe === 1);
    expect(second.map((r) => r.chain_seq)).toEqual(['1', '2', '3', '4']);
    const clean = await http().get('/v1/audit/verify').set(bearer(acc.admin.accessToken)).expect(200);
    expect(clean.body).toMatchObject({ ok: true, checked: rows.length });

    await behindTheBack(`UPDATE audit_events SET reason = 'nothing to see' WHERE id = $1`, [second[1].id]);
    const edited = await http().get('/v1/audit/verify').set(bearer(acc.admin.accessToken)).expect(200);
    expect(edited.body).toMatchObject({ ok: false, firstBroken: { id: second[1].id, chainStripe: 1, chainSeq: '2', reason: 'hash_mismatch' } });
    await behindTheBack(`UPDATE audit_events SET reason = 's1' WHERE id = $1`, [second[1].id]);
    expect((await http().get('/v1/audit/verify').set(bearer(acc.admin.accessToken)).expect(200)).body.ok).toBe(true);

    // Moving an event to another chain is caught too (there it follows nothing; and the chain is hashed with it).
    await behindTheBack(`UPDATE audit_events SET chain_stripe = 2 WHERE id = $1`, [second[3].id]);
    const moved = await http().get('/v1/audit/verify').set(bearer(acc.admin.accessToken)).expect(200);
    expect(moved.body).toMatchObject({ ok: false, firstBroken: { id: second[3].id, chainStripe: 2, reason: 'chain_gap' } });
    const hashed = await owner.query(`SELECT audit_event_hash_ok(e) AS ok FROM audit_events e WHERE id = $1`, [second[3].id]);
    expect(hashed.rows[0].ok).toBe(false);
    await behindTheBack(`UPDATE audit_events SET chain_stripe = 1 WHERE id = $1`, [second[3].id]);

    await behindTheBack(
      `UPDATE audit_events e SET reason = 'forged', hash = audit_event_digest(e.prev_hash, to_jsonb(e) || '{"reason":"forged"}') WHERE id = $1`,
      [second[1].id],
    );
    const forged = await http().get('/v1/audit/verify').set(bearer(acc.admin.accessToken)).expect(200);
    expect(forged.body).toMatchObject({ ok: false, firstBroken: { id: second[2].id, chainStripe: 1, reason: 'prev_mismatch' } });

    await behindTheBack(`DELETE FROM audit_events WHERE id = $1`, [second[2].id]);
    const gap = await http().get('/v1/audit/verify').set(bearer(acc.admin.accessToken)).expect(200);
    // The forged event still links (its hash was recomputed); the one after the deleted event does not.
    expect(gap.body).toMatchObject({ ok: false, firstBroken: { id: second[3].id, chainStripe: 1, reason: 'chain_gap' } });
  });

  it('reports an event whose reason was edited in the database (hash_mismatch), and only from there', async () => {
    const acc = await account('edited');
    for (let i = 0; i < 3; i++) await http().post(`/v1/users/${acc.member.userId}/logout`).set(bearer(acc.admin.accessToken)).send({ reason: `r${i}` }).expect(200);
    const rows = await chain(acc.id);
    const victim = rows[rows.length - 2];
    await behindTheBack(`UPDATE audit_events SET reason = 'nothing to see' WHERE id = $1`, [victim.id]);

    const res = await http().get('/v1/audit/verify').set(bearer(acc.admin.accessToken)).expect(200);
    expect(res.body).toMatchObject({
      ok: false,
      checked: rows.length - 1,
      firstBroken: { id: victim.id, chainSeq: victim.chain_seq, reason: 'hash_mismatch', occurredAt: expect.any(String) },
    });
  });

  it('reports a deleted event (chain_gap) and a rewritten event whose hash was recomputed (prev_mismatch)', async () => {
    const gap = await account('gap');
    const gapRows = await chain(gap.id);
    await behindTheBack(`DELETE FROM audit_events WHERE id = $1`, [gapRows[1].id]);
    const gapRes = await http().get('/v1/audit/verify').set(bearer(gap.admin.accessToken)).expect(200);
    expect(gapRes.body.firstBroken).toMatchObject({ id: gapRows[2].id, reason: 'chain_gap' });

    const forged = await account('forged');
    const rows = await chain(forged.id);
    // the attacker recomputes the edited event's own hash; its successor still points at the old one
    await behindTheBack(
      `UPDATE audit_events e SET reason = 'forged', hash = audit_event_digest(e.prev_hash, to_jsonb(e) || '{"reason":"forged"}') WHERE id = $1`,
      [rows[1].id],
    );
    const res = await http().get('/v1/audit/verify').set(bearer(forged.admin.accessToken)).expect(200);
    expect(res.body.firstBroken).toMatchObject({ id: rows[2].id, reason: 'prev_mismatch' });
  });

  it('verifies a time range anchored by its first event, and an empty range', async () => {
    const acc = await account('ranged');
    await http().post(`/v1/users/${acc.member.userId}/logout`).set(bearer(acc.admin.accessToken)).send({ reason: 'before' }).expect(200);
    const { rows } = await owner.query(`SELECT max(occurred_at) AS at FROM audit_events WHERE account_id = $1`, [acc.id]);
    const from = new Date(new Date(rows[0].at).getTime() + 1).toISOString();
    await new Promise((r) => setTimeout(r, 5));
    for (let i = 0; i < 2; i++) await http().post(`/v1/users/${acc.member.userId}/logout`).set(bearer(acc.admin.accessToken)).send({ reason: `after ${i}` }).expect(200);
    // breaking an event before the range does not concern the range
    const first = (await chain(acc.id))[0];
    await behindTheBack(`UPDATE audit_events SET reason = 'x' WHERE id = $1`, [first.id]);

    const ranged = await http().get('/v1/audit/verify').query({ from }).set(bearer(acc.admin.accessToken)).expect(200);
    expect(ranged.body).toMatchObject({ ok: true, checked: 2, from });
    const whole = await http().get('/v1/audit/verify').set(bearer(acc.admin.accessToken)).expect(200);
    expect(whole.body.firstBroken).toMatchObject({ id: first.id, reason: 'hash_mismatch' });
    const empty = await http().get('/v1/audit/verify').query({ from: '2001-01-01T00:00:00Z', to: '2001-02-01T00:00:00Z' }).set(bearer(acc.admin.accessToken)).expect(200);
    expect(empty.body).toMatchObject({ ok: true, checked: 0, headHash: null });
  });

  it('verifies the chain of the events of no account (account=none, system admin only) and reports a tampered one', async () => {
    for (let i = 0; i < 3; i++) {
      await http().post('/v1/auth/login').send({ username: `ghost${i}x${Date.now().toString(36)}`, password: 'no-such-user-password' }).expect(401);
    }
    const { rows } = await owner.query(`SELECT e.id::text AS id, e.chain_seq::text AS chain_seq FROM audit_events e WHERE e.account_id IS NULL ORDER BY e.chain_seq`);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    const clean = await http().get('/v1/audit/verify').query({ account: 'none' }).set(bearer(systemAdmin)).expect(200);
    const head = await owner.query(`SELECT encode(hash, 'hex') AS hex FROM audit_events WHERE account_id IS NULL ORDER BY chain_seq DESC LIMIT 1`);
    expect(clean.body).toEqual({ ok: true, checked: rows.length, firstBroken: null, headHash: head.rows[0].hex, from: null, to: null });

    // Anyone but the system admin is refused (and sees nothing of that chain).
    const acc = await account('noacct');
    for (const token of [acc.admin.accessToken, acc.member.accessToken]) {
      const res = await http().get('/v1/audit/verify').query({ account: 'none' }).set(bearer(token)).expect(403);
      expect(res.body.error).toBe('PERMISSION_DENIED');
    }
    await http().get('/v1/audit/verify').query({ account: 'NONE' }).set(bearer(systemAdmin)).expect(400);

    const victim = rows[rows.length - 2];
    await behindTheBack(`UPDATE audit_events SET reason = 'nothing to see' WHERE id = $1`, [victim.id]);
    try {
      const res = await http().get('/v1/audit/verify').query({ account: 'none' }).set(bearer(systemAdmin)).expect(200);
      expect(res.body).toMatchObject({
        ok: false,
        checked: rows.length - 1,
        firstBroken: { id: victim.id, chainSeq: victim.chain_seq, reason: 'hash_mismatch', occurredAt: expect.any(String) },
      });
    } finally {
      // the account-less chain is shared by this file's tests: put the event back
      await behindTheBack(`UPDATE audit_events SET reason = 'unknown_user' WHERE id = $1`, [victim.id]);
    }
    expect((await http().get('/v1/audit/verify').query({ account: 'none' }).set(bearer(systemAdmin)).expect(200)).body.ok).toBe(true);
  });

  it('is for audit.read in the own account; only the system admin names another', async () => {
    const a = await account('tenanta');
    const b = await account('tenantb');
    await http().get('/v1/audit/verify').set(bearer(a.member.accessToken)).expect(403);
    const cross = await http().get('/v1/audit/verify').query({ account: b.id }).set(bearer(a.admin.accessToken)).expect(404);
    expect(cross.body.error).toBe('NOT_FOUND');
    const sys = await http().get('/v1/audit/verify').query({ account: b.id }).set(bearer(systemAdmin)).expect(200);
    expect(sys.body).toMatchObject({ ok: true, checked: expect.any(Number) });
    expect(sys.body.checked).toBeGreaterThan(0);
    await http().get('/v1/audit/verify').query({ account: 'not-a-uuid' }).set(bearer(systemAdmin)).expect(400);
    await http().get('/v1/audit/verify').query({ from: '2024-02-01T00:00:00Z', to: '2024-01-01T00:00:00Z' }).set(bearer(systemAdmin)).expect(400);
    await http().get('/v1/audit/verify').expect(401);
  });
});
