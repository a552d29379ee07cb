import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import Fastify, { FastifyInstance } from 'fastify';
import { createLocalJWKSet, decodeJwt, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import request from 'supertest';
import { builtEntry, runNode } from './support/built-service.js';
import { bearer, createTestDatabase, createUser, login, loginAdmin, startApp, withoutTriggers } from './support/test-app.js';
import { until } from './support/until.js';

/** A real HTTP sink on loopback, as a company's collector runs one: it keeps every checkpoint POSTed to it. */
class CheckpointSink {
  readonly received: { body: Record<string, unknown>; authorization: string | undefined; idempotencyKey: string | undefined }[] = [];
  private server: FastifyInstance | null = null;
  port = 0;

  async start(port = 0): Promise<this> {
    const server = Fastify();
    server.post('/checkpoints', async (req, reply) => {
      this.received.push({
        body: req.body as Record<string, unknown>,
        authorization: req.headers.authorization,
        idempotencyKey: req.headers['idempotency-key'] as string | undefined,
      });
      return reply.code(204).send();
    });
    await server.listen({ port, host: '127.0.0.1' });
    const address = server.server.address();
    if (!address || typeof address === 'string') throw new Error('sink not listening');
    this.port = address.port;
    this.server = server;
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/checkpoints`;
  }

  async stop(): Promise<void> {
    await this.server?.close();
    this.server = null;
  }
}

const SINK_AUTHORIZATION = 'Bearer sink-secret-for-tests';

/**
 * Signed checkpoints outside the database: what the database owner can do to the trail unseen without
 * them (rewrite a whole chain with recomputed hashes, cut its newest events) is caught with them, by the
 * API and by the offline CLI alike; a checkpoint the service did not sign is refused.
 */
describe('audit checkpoints', () => {
  let app: NestFastifyApplication;
  let owner: pg.Client;
  let dbUrl: string;
  let systemAdmin: string;
  let dir: string;
  const sink = new CheckpointSink();

  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    await sink.start();
    dir = mkdtempSync(join(tmpdir(), 'sst-checkpoints-'));
    dbUrl = await createTestDatabase();
    app = await startApp(dbUrl, {
      AUDIT_CHECKPOINT_DIR: dir,
      AUDIT_CHECKPOINT_URL: sink.url,
      AUDIT_CHECKPOINT_AUTHORIZATION: SINK_AUTHORIZATION,
      RECEIVERS_ALLOW_INSECURE: 'true',
      RECEIVERS_ALLOW_PRIVATE: 'true',
      DELIVERY_POLL_INTERVAL_MS: '50',
      DELIVERY_RETRY_BASE_MS: '50',
      DELIVERY_RETRY_MAX_MS: '200',
    });
    owner = new pg.Client({ connectionString: dbUrl });
    await owner.connect();
    systemAdmin = (await loginAdmin(app)).accessToken;
  }, 120_000);

  afterAll(async () => {
    await owner?.end();
    await app?.close();
    await sink.stop();
  });

  async function account(name: string) {
    const created = await http().post('/v1/accounts').set(bearer(systemAdmin)).send({ name: `${name}-${Date.now()}` }).expect(201);
    const admin = await createUser(app, systemAdmin, { roles: ['admin'], accountId: created.body.id, prefix: `${name}adm` });
    const member = await createUser(app, systemAdmin, { roles: ['user'], accountId: created.body.id, prefix: `${name}usr` });
    for (let i = 0; i < 4; i++) await http().post(`/v1/users/${member.userId}/logout`).set(bearer(admin.accessToken)).send({ reason: `sweep ${i}` }).expect(200);
    return { id: created.body.id as string, admin, member };
  }

  const checkpoint = async (token: string, accountId?: string) =>
    (await http().post('/v1/audit/checkpoints').set(bearer(token)).send(accountId ? { accountId } : {}).expect(201)).body.items as {
      id: string;
      chainStripe: number;
      lastSeq: string;
      lastEventId: string;
      headHash: string;
      eventCount: string;
      jws: string;
    }[];

  const verify = (token: string, query: Record<string, string> = {}) => http().get('/v1/audit/verify').query(query).set(bearer(token));

  /** The built CLI, as an auditor runs it: the database URL and the directory, nothing of the service's settings. */
  const cli = (args: string[]) => runNode(builtEntry('cli.js'), ['audit', 'verify', '--checkpoints', dir, ...args], { DATABASE_URL: dbUrl });

  /** What the API and the CLI both report of one account. */
  const comparable = (r: Record<string, unknown>) => ({ ok: r.ok, checked: r.checked, firstBroken: r.firstBroken, headHash: r.headHash, checkpoints: r.checkpoints });

  /**
   * The owner's rewrite, triggers off: every event of the chain from its first gets another reason, and
   * every prev_hash and hash is recomputed in order (with the service's own digest), the head row too.
   * The chain is self-consistent afterwards: only something outside the database can tell.
   */
  async function rewriteChain(accountId: string, stripe: number): Promise<void> {
    await withoutTriggers(
      owner,
      `DO $$ DECLARE r record; prev bytea := ''::bytea; h bytea;
       BEGIN
         PERFORM set_config('timezone', 'UTC', true);
         FOR r IN SELECT id, occurred_at FROM audit_events WHERE account_id = '${accountId}' AND coalesce(chain_stripe, 0) = ${stripe} ORDER BY chain_seq LOOP
           UPDATE audit_events SET reason = 'routine maintenance', prev_hash = prev WHERE id = r.id AND occurred_at = r.occurred_at;
           UPDATE audit_events e SET hash = audit_event_digest(e.prev_hash, to_jsonb(e)) WHERE id = r.id AND occurred_at = r.occurred_at RETURNING e.hash INTO h;
           prev := h;
         END LOOP;
         UPDATE audit_chain_heads SET last_hash = prev WHERE chain_key = '${accountId}' AND stripe = ${stripe};
       END $$`,
      [],
    );
  }

  it('a whole chain rewritten by the owner from its first event is caught with a checkpoint, and not without', async () => {
    const acc = await account('rewrite');
    const items = await checkpoint(acc.admin.accessToken);
    expect(items.length).toBeGreaterThan(0);
    const mine = items.find((c) => c.chainStripe === 0);
    if (!mine) throw new Error('no checkpoint of chain 0');
    const events = await owner.query(`SELECT count(*)::int AS n FROM audit_events WHERE account_id = $1 AND coalesce(chain_stripe, 0) = 0`, [acc.id]);
    expect(mine).toMatchObject({ lastSeq: String(events.rows[0].n), eventCount: String(events.rows[0].n) });
    // The checkpoint is a JWS by the key the service publishes.
    const jwks = (await http().get('/.well-known/jwks.json').expect(200)).body;
    const { payload, protectedHeader } = await jwtVerify(mine.jws, createLocalJWKSet(jwks));
    expect(protectedHeader).toMatchObject({ alg: 'EdDSA', typ: 'audit-checkpoint+jwt' });
    expect(payload).toMatchObject({ jti: mine.id, accountId: acc.id, stripe: 0, lastSeq: mine.lastSeq, lastEventId: mine.lastEventId, headHash: mine.headHash });
    // Written to the directory sink, one file per checkpoint.
    const file = readdirSync(dir).find((f) => f.startsWith(`${acc.id}.0.`));
    expect(file && readFileSync(join(dir, file), 'utf8').trim()).toBe(mine.jws);
    // Before the rewrite, every checkpoint matches.
    const clean = await verify(acc.admin.accessToken, { checkpoints: 'directory' }).expect(200);
    expect(clean.body.ok).toBe(true);
    expect(clean.body.checkpoints.map((c: { status: string }) => c.status)).toEqual(items.map(() => 'matches'));

    await rewriteChain(acc.id, 0);
    const reasons = await owner.query(`SELECT DISTINCT reason FROM audit_events WHERE account_id = $1 AND coalesce(chain_stripe, 0) = 0`, [acc.id]);
    expect(reasons.rows).toEqual([{ reason: 'routine maintenance' }]);

    // Without a checkpoint the rewritten chain verifies: nothing in the database remembers the old head.
    const blind = await verify(acc.admin.accessToken).expect(200);
    expect(blind.body).toMatchObject({ ok: true, firstBroken: null });
    expect(blind.body.checkpoints).toBeUndefined();

    // With it, however it is given, the rewrite is reported.
    const givens: Record<string, string>[] = [{ checkpoints: 'directory' }, { checkpoint: mine.jws }, { checkpointId: mine.id }];
    for (const query of givens) {
      const caught = await verify(acc.admin.accessToken, query).expect(200);
      expect(caught.body.ok).toBe(false);
      expect(caught.body.firstBroken).toBeNull();
      const finding = caught.body.checkpoints.find((c: { chainStripe: number }) => c.chainStripe === 0);
      expect(finding).toMatchObject({ status: 'rewritten', id: mine.id, lastSeq: mine.lastSeq, headHash: mine.headHash, chainSeqNow: mine.lastSeq });
      // The other chains were not touched.
      expect(caught.body.checkpoints.filter((c: { status: string }) => c.status !== 'matches')).toHaveLength(1);
    }

    // The offline CLI on the same tampered database says the same, and exits 1.
    const api = (await verify(systemAdmin, { accountId: acc.id, checkpoints: 'directory' }).expect(200)).body;
    const run = await cli(['--account', acc.id]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ ok: false, keys: 'database' });
    expect(comparable(report.accounts[0])).toEqual(comparable(api));
    expect(report.accounts[0].accountId).toBe(acc.id);

    // An auditor who trusts only a JWKS saved from the service gets the same.
    const jwksFile = join(mkdtempSync(join(tmpdir(), 'sst-jwks-')), 'jwks.json');
    writeFileSync(jwksFile, JSON.stringify(jwks));
    const pinned = await cli(['--account', acc.id, '--jwks', jwksFile]);
    expect(pinned.code).toBe(1);
    expect(JSON.parse(pinned.stdout)).toMatchObject({ ok: false, keys: 'file' });
    expect(comparable(JSON.parse(pinned.stdout).accounts[0])).toEqual(comparable(api));
  }, 60_000);

  it('the newest events deleted after a checkpoint (truncation) are caught with it, and not without', async () => {
    const acc = await account('truncate');
    const items = await checkpoint(acc.admin.accessToken);
    const mine = items.find((c) => c.chainStripe === 0);
    if (!mine) throw new Error('no checkpoint of chain 0');
    // The owner deletes the two newest events and sets the head back, so the chain ends cleanly earlier.
    const kept = BigInt(mine.lastSeq) - 2n;
    await withoutTriggers(owner, `DELETE FROM audit_events WHERE account_id = $1 AND coalesce(chain_stripe, 0) = 0 AND chain_seq > $2`, [acc.id, kept.toString()]);
    await withoutTriggers(
      owner,
      `UPDATE audit_chain_heads h SET last_seq = e.chain_seq, last_hash = e.hash FROM audit_events e
        WHERE h.chain_key = $1 AND h.stripe = 0 AND e.account_id = $1 AND coalesce(e.chain_stripe, 0) = 0 AND e.chain_seq = $2`,
      [acc.id, kept.toString()],
    );

    expect((await verify(acc.admin.accessToken).expect(200)).body).toMatchObject({ ok: true, firstBroken: null });
    const caught = await verify(acc.admin.accessToken, { checkpoint: mine.jws }).expect(200);
    expect(caught.body).toMatchObject({ ok: false, checkpoints: [{ status: 'truncated', lastSeq: mine.lastSeq, chainSeqNow: kept.toString() }] });

    const api = (await verify(systemAdmin, { accountId: acc.id, checkpoints: 'directory' }).expect(200)).body;
    expect(api.checkpoints.find((c: { chainStripe: number }) => c.chainStripe === 0).status).toBe('truncated');
    const run = await cli(['--account', acc.id]);
    expect(run.code).toBe(1);
    expect(comparable(JSON.parse(run.stdout).accounts[0])).toEqual(comparable(api));
  }, 60_000);

  it('a forged checkpoint is refused (400), a forged file in the directory is reported, and the CLI agrees', async () => {
    const acc = await account('forgery');
    const [genuine] = await checkpoint(acc.admin.accessToken);
    const [header, , signature] = genuine.jws.split('.');
    // The claims changed, the signature kept: it no longer verifies.
    const claims = decodeJwt(genuine.jws);
    const altered = Buffer.from(JSON.stringify({ ...claims, headHash: 'ab'.repeat(32) })).toString('base64url');
    // A checkpoint signed with a key of the attacker's under the service's kid.
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const { kid } = JSON.parse(Buffer.from(header, 'base64url').toString()) as { kid: string };
    const foreign = await new SignJWT({ ...claims, headHash: 'cd'.repeat(32) }).setProtectedHeader({ alg: 'EdDSA', typ: 'audit-checkpoint+jwt', kid }).sign(privateKey);
    for (const jws of [`${header}.${altered}.${signature}`, foreign]) {
      const res = await verify(acc.admin.accessToken, { checkpoint: jws }).expect(400);
      expect(res.body).toMatchObject({ error: 'VALIDATION_FAILED' });
      expect(res.body.message).toMatch(/not signed by any key of the service/);
    }
    // Not a JWS at all, or two sources at once, or a range with a checkpoint: a clear 400 too.
    await verify(acc.admin.accessToken, { checkpoint: 'not-a-jws' }).expect(400);
    await verify(acc.admin.accessToken, { checkpoint: genuine.jws, checkpointId: genuine.id }).expect(400);
    await verify(acc.admin.accessToken, { checkpoint: genuine.jws, from: '2024-01-01T00:00:00Z' }).expect(400);
    await verify(acc.admin.accessToken, { checkpoints: 'everywhere' }).expect(400);
    // Someone else's genuine checkpoint is not evidence about this chain.
    const other = await account('forgeryother');
    const [theirs] = await checkpoint(other.admin.accessToken);
    const mixed = await verify(acc.admin.accessToken, { checkpoint: theirs.jws }).expect(400);
    expect(mixed.body.message).toMatch(/chain of account/);
    await verify(acc.admin.accessToken, { checkpointId: '00000000-0000-4000-8000-000000000000' }).expect(404);
    // …and by id it is answered like a missing one.
    await verify(acc.admin.accessToken, { checkpointId: theirs.id }).expect(404);

    // A planted file, newer than the genuine one, is read as the chain's latest: reported forged.
    const planted = `${acc.id}.${genuine.chainStripe}.${'9'.repeat(20)}.jwt`;
    writeFileSync(join(dir, planted), `${foreign}\n`);
    const api = (await verify(systemAdmin, { accountId: acc.id, checkpoints: 'directory' }).expect(200)).body;
    expect(api.ok).toBe(false);
    expect(api.checkpoints.find((c: { file: string }) => c.file === planted)).toMatchObject({ status: 'forged', id: null });
    const run = await cli(['--account', acc.id]);
    expect(run.code).toBe(1);
    expect(comparable(JSON.parse(run.stdout).accounts[0])).toEqual(comparable(api));
  }, 60_000);

  it("the digests are recomputed outside the database: the owner's replaced hash functions fool neither the API nor the CLI", async () => {
    const acc = await account('functions');
    await checkpoint(acc.admin.accessToken);
    const { rows } = await owner.query(`SELECT id::text AS id, chain_seq::text AS seq FROM audit_events WHERE account_id = $1 AND coalesce(chain_stripe, 0) = 0 ORDER BY chain_seq`, [acc.id]);
    const victim = rows[1];
    const saved = await owner.query(`SELECT pg_get_functiondef('audit_event_hash_ok(audit_events)'::regprocedure) AS def`);
    await owner.query(`CREATE OR REPLACE FUNCTION audit_event_hash_ok(e audit_events) RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT true $$`);
    try {
      await withoutTriggers(owner, `UPDATE audit_events SET reason = 'nothing to see' WHERE id = $1`, [victim.id]);
      const fooled = await owner.query(`SELECT audit_event_hash_ok(e) AS ok FROM audit_events e WHERE id = $1`, [victim.id]);
      expect(fooled.rows[0].ok).toBe(true);
      const api = (await verify(systemAdmin, { accountId: acc.id, checkpoints: 'directory' }).expect(200)).body;
      expect(api).toMatchObject({ ok: false, firstBroken: { id: victim.id, chainSeq: victim.seq, reason: 'hash_mismatch' } });
      const run = await cli(['--account', acc.id]);
      expect(run.code).toBe(1);
      expect(comparable(JSON.parse(run.stdout).accounts[0])).toEqual(comparable(api));
    } finally {
      await owner.query(saved.rows[0].def);
    }
  }, 60_000);

  it('on demand: audit.read in the own account; the system admin for another; a chain that did not move keeps its checkpoint', async () => {
    const a = await account('perma');
    const b = await account('permb');
    // (account() logged the members out: they sign in again)
    const aMember = await login(app, a.member.username, a.member.password);
    const bMember = await login(app, b.member.username, b.member.password);
    await http().post('/v1/audit/checkpoints').set(bearer(aMember.accessToken)).send({}).expect(403);
    await http().post('/v1/audit/checkpoints').set(bearer(a.admin.accessToken)).send({ accountId: b.id }).expect(404);
    await http().post('/v1/audit/checkpoints').set(bearer(a.admin.accessToken)).send({ accountId: 'none' }).expect(403);
    await http().post('/v1/audit/checkpoints').set(bearer(a.admin.accessToken)).send({ accountId: 'x' }).expect(400);
    await http().post('/v1/audit/checkpoints').set(bearer(a.admin.accessToken)).send({ unknown: 1 }).expect(400);
    await http().post('/v1/audit/checkpoints').send({}).expect(401);

    const first = await checkpoint(systemAdmin, b.id);
    // Nothing was written to B's chains since: the same checkpoints come back, none is added.
    const again = await checkpoint(b.admin.accessToken);
    expect(again.map((c) => c.id)).toEqual(first.map((c) => c.id));
    const stored = await owner.query(`SELECT count(*)::int AS n FROM audit_checkpoints WHERE chain_key = $1`, [b.id]);
    expect(stored.rows[0].n).toBe(first.length);

    // Untouched, the account verifies against its checkpoints, by the API and the CLI alike (exit 0).
    const api = (await verify(systemAdmin, { accountId: b.id, checkpoints: 'directory' }).expect(200)).body;
    expect(api.ok).toBe(true);
    expect(api.checkpoints.map((c: { status: string }) => c.status)).toEqual(first.map(() => 'matches'));
    const run = await cli(['--account', b.id]);
    expect(run.code).toBe(0);
    expect(comparable(JSON.parse(run.stdout).accounts[0])).toEqual(comparable(api));

    const one = await http().get(`/v1/audit/checkpoints/${first[0].id}`).set(bearer(b.admin.accessToken)).expect(200);
    expect(one.body).toMatchObject({ id: first[0].id, accountId: b.id, trigger: 'on_demand', jws: first[0].jws });
    await http().get(`/v1/audit/checkpoints/${first[0].id}`).set(bearer(a.admin.accessToken)).expect(404);
    await http().get(`/v1/audit/checkpoints/${first[0].id}`).set(bearer(bMember.accessToken)).expect(403);
    await http().get('/v1/audit/checkpoints/not-a-uuid').set(bearer(b.admin.accessToken)).expect(400);

    // The stored checkpoints are append-only, even for the owner with triggers on.
    await expect(owner.query(`UPDATE audit_checkpoints SET head_hash = '\\x00' WHERE id = $1`, [first[0].id])).rejects.toThrow(/append-only/);
    await expect(owner.query(`DELETE FROM audit_checkpoints WHERE id = $1`, [first[0].id])).rejects.toThrow(/append-only/);
  }, 60_000);

  it('the HTTP sink gets every checkpoint through the outbox; one that is down gets it once it is back', async () => {
    const acc = await account('sink');
    const [delivered] = await checkpoint(acc.admin.accessToken);
    await until('the sink received the checkpoint', () => sink.received.some((r) => r.body.id === delivered.id));
    const got = sink.received.find((r) => r.body.id === delivered.id);
    expect(got?.authorization).toBe(SINK_AUTHORIZATION);
    expect(got?.body).toMatchObject({ accountId: acc.id, chainStripe: delivered.chainStripe, lastSeq: delivered.lastSeq, headHash: delivered.headHash, jws: delivered.jws });
    // What the sink holds proves itself with the published keys alone.
    const jwks = (await http().get('/.well-known/jwks.json').expect(200)).body;
    const { payload } = await jwtVerify(String(got?.body.jws), createLocalJWKSet(jwks), { typ: 'audit-checkpoint+jwt' });
    expect(payload).toMatchObject({ jti: delivered.id, headHash: delivered.headHash });
    await until('the delivery is recorded', async () => {
      const res = await http().get(`/v1/audit/checkpoints/${delivered.id}`).set(bearer(acc.admin.accessToken)).expect(200);
      return res.body.deliveries[0]?.status === 'delivered';
    });

    // The sink goes down: the next checkpoint waits in the outbox, retried, visible as pending.
    const port = sink.port;
    await sink.stop();
    await http().post(`/v1/users/${acc.member.userId}/logout`).set(bearer(acc.admin.accessToken)).send({ reason: 'while the sink is down' }).expect(200);
    const items = await checkpoint(acc.admin.accessToken);
    const later = items.find((c) => c.id !== delivered.id && BigInt(c.lastSeq) > 0n && !sink.received.some((r) => r.body.id === c.id));
    if (!later) throw new Error('no new checkpoint');
    await until('a failed attempt is recorded', async () => {
      const res = await http().get(`/v1/audit/checkpoints/${later.id}`).set(bearer(acc.admin.accessToken)).expect(200);
      return res.body.deliveries[0]?.status === 'pending' && res.body.deliveries[0].attempts > 0;
    });
    const pending = (await http().get(`/v1/audit/checkpoints/${later.id}`).set(bearer(acc.admin.accessToken)).expect(200)).body.deliveries[0];
    expect(pending).toMatchObject({ destinationKind: 'audit_checkpoint', status: 'pending', lastError: expect.any(String), nextAttemptAt: expect.any(String) });

    await sink.start(port);
    await until('the sink got the backlog', () => sink.received.some((r) => r.body.id === later.id), 15_000);
    const resent = sink.received.find((r) => r.body.id === later.id);
    expect(resent?.idempotencyKey).toBe(pending.jti);
    await until('the late delivery is recorded', async () => {
      const res = await http().get(`/v1/audit/checkpoints/${later.id}`).set(bearer(acc.admin.accessToken)).expect(200);
      return res.body.deliveries[0]?.status === 'delivered';
    });
  }, 60_000);
});

/** The job: a chain gets a checkpoint at once, then again after every AUDIT_CHECKPOINT_EVERY_EVENTS events. */
describe('scheduled audit checkpoints', () => {
  let app: NestFastifyApplication;
  let owner: pg.Client;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sst-checkpoints-job-'));
    const url = await createTestDatabase();
    app = await startApp(url, {
      AUDIT_CHECKPOINT_DIR: dir,
      AUDIT_CHECKPOINT_EVERY_EVENTS: '5',
      AUDIT_CHECKPOINT_INTERVAL_SECONDS: '3600',
      AUDIT_CHECKPOINT_CHECK_MS: '100',
    });
    owner = new pg.Client({ connectionString: url });
    await owner.connect();
  }, 120_000);

  afterAll(async () => {
    await owner?.end();
    await app?.close();
  });

  it('checkpoints a new chain, then only once it moved by the configured count', async () => {
    const systemAdmin = (await loginAdmin(app)).accessToken;
    const http = () => request(app.getHttpServer());
    const created = await http().post('/v1/accounts').set(bearer(systemAdmin)).send({ name: `job-${Date.now()}` }).expect(201);
    const accountId = created.body.id as string;
    const member = await createUser(app, systemAdmin, { roles: ['user'], accountId, prefix: 'jobusr' });
    const head = async () => (await owner.query(`SELECT last_seq::int AS seq FROM audit_chain_heads WHERE chain_key = $1 AND stripe = 0`, [accountId])).rows[0]?.seq as number;
    const latest = async () =>
      (await owner.query(`SELECT max(last_seq)::int AS seq, count(*)::int AS n FROM audit_checkpoints WHERE chain_key = $1 AND stripe = 0 AND trigger = 'scheduled'`, [accountId]))
        .rows[0] as { seq: number | null; n: number };

    await until('the new chain is checkpointed', async () => (await latest()).n >= 1);
    const first = await latest();
    const since = async () => (await head()) - (first.seq ?? 0);
    const logout = (i: number) => http().post(`/v1/users/${member.userId}/logout`).set(bearer(systemAdmin)).send({ reason: `job ${i}` }).expect(200);
    // Moved by fewer events than the count: several passes of the job go by without a new checkpoint.
    let i = 0;
    while ((await since()) < 4) await logout(i++);
    expect(await since()).toBe(4);
    await new Promise((r) => setTimeout(r, 800));
    expect((await latest()).n).toBe(first.n);
    await logout(i++);
    await until('the moved chain is checkpointed again', async () => (await latest()).n > first.n);
    expect((await latest()).seq).toBeGreaterThanOrEqual((first.seq ?? 0) + 5);
    expect(readdirSync(dir).filter((f) => f.startsWith(`${accountId}.0.`)).length).toBeGreaterThanOrEqual(2);
  }, 60_000);
});

/** The job by time: a chain that moved gets a checkpoint once AUDIT_CHECKPOINT_INTERVAL_SECONDS passed since its last. */
describe('scheduled audit checkpoints by time', () => {
  let app: NestFastifyApplication;
  let owner: pg.Client;

  beforeAll(async () => {
    const url = await createTestDatabase();
    app = await startApp(url, { AUDIT_CHECKPOINT_EVERY_EVENTS: '0', AUDIT_CHECKPOINT_INTERVAL_SECONDS: '2', AUDIT_CHECKPOINT_CHECK_MS: '100' });
    owner = new pg.Client({ connectionString: url });
    await owner.connect();
  }, 120_000);

  afterAll(async () => {
    await owner?.end();
    await app?.close();
  });

  it('one event is enough once the interval passed; not before; an idle chain gets none', async () => {
    const systemAdmin = (await loginAdmin(app)).accessToken;
    const http = () => request(app.getHttpServer());
    const created = await http().post('/v1/accounts').set(bearer(systemAdmin)).send({ name: `jobt-${Date.now()}` }).expect(201);
    const accountId = created.body.id as string;
    const member = await createUser(app, systemAdmin, { roles: ['user'], accountId, prefix: 'jobtusr' });
    const checkpoints = async () =>
      (await owner.query(`SELECT last_seq::int AS seq, created_at FROM audit_checkpoints WHERE chain_key = $1 AND stripe = 0 ORDER BY created_at`, [accountId])).rows as {
        seq: number;
        created_at: Date;
      }[];
    const head = async () => (await owner.query(`SELECT last_seq::int AS seq FROM audit_chain_heads WHERE chain_key = $1 AND stripe = 0`, [accountId])).rows[0].seq as number;

    await until('the new chain is checkpointed', async () => {
      const all = await checkpoints();
      return all.length > 0 && all[all.length - 1].seq === (await head());
    });
    const before = await checkpoints();
    // Idle: the job passes every 100 ms and signs nothing new.
    await new Promise((r) => setTimeout(r, 600));
    expect(await checkpoints()).toHaveLength(before.length);
    await http().post(`/v1/users/${member.userId}/logout`).set(bearer(systemAdmin)).send({ reason: 'one more' }).expect(200);
    await until('the moved chain is checkpointed after the interval', async () => (await checkpoints()).length > before.length, 10_000);
    const after = await checkpoints();
    const last = after[after.length - 1];
    expect(last.seq).toBe(await head());
    expect(last.created_at.getTime() - before[before.length - 1].created_at.getTime()).toBeGreaterThanOrEqual(2000);
  }, 60_000);
});

describe('cli.js audit verify usage', () => {
  it('refuses to run without --checkpoints, and its options belong to audit verify alone', async () => {
    const noDir = await runNode(builtEntry('cli.js'), ['audit', 'verify'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(noDir.code).toBe(2);
    expect(noDir.stderr).toMatch(/--checkpoints/);
    const badAccount = await runNode(builtEntry('cli.js'), ['audit', 'verify', '--checkpoints', tmpdir(), '--account', 'x'], {});
    expect(badAccount.code).toBe(2);
    const stray = await runNode(builtEntry('cli.js'), ['migrate', '--jwks', 'file.json'], {});
    expect(stray.code).toBe(2);
    expect(stray.stderr).toMatch(/audit verify only/);
  });
});
