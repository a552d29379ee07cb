import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import request from 'supertest';
import { bearer, closeTestApp, createUser, openTestApp, type TestApp, withoutTriggers } from './support/test-app.js';

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}
const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

/** People search: GET /v1/users?q= — a case-insensitive prefix of username or email, paged, indexed, users.manage. */
describe('GET /v1/users?q= (people search)', () => {
  let world: TestApp;
  let app: NestFastifyApplication;
  let db: pg.Client;
  let accountId: string;
  let admin: Awaited<ReturnType<typeof createUser>>;
  const http = () => request(app.getHttpServer());
  const create = (username: string, email: string) =>
    http().post('/v1/users').set(bearer(admin.accessToken)).send({ username, email, password: `${username}-password-long` }).expect(201);
  const search = async (q: string, token = admin.accessToken, extra: Record<string, string | number> = {}) =>
    (await http().get('/v1/users').query({ q, ...extra }).set(bearer(token)).expect(200)).body as { items: { username: string }[]; nextCursor: string | null };

  beforeAll(async () => {
    ({ app, db } = world = await openTestApp());
    accountId = (await http().post('/v1/accounts').set(bearer(world.systemAdmin)).send({ name: `search-${Date.now()}` }).expect(201)).body.id;
    admin = await createUser(app, world.systemAdmin, { roles: ['admin'], accountId, prefix: 'searchadmin' });
    await create('alice.martin', 'a.martin@example.com');
    await create('Alicia.Keys', 'keys@example.com');
    await create('bob.stone', 'alice.stone@example.org');
    await create('carol_x', 'carol@example.com');
    await create('carolyx', 'cx@example.com');
  });
  afterAll(() => closeTestApp(world));

  it('finds users by a case-insensitive prefix of username or email, within the caller\'s account, paged', async () => {
    expect((await search('ali')).items.map((u) => u.username)).toEqual(['alice.martin', 'Alicia.Keys', 'bob.stone']);
    expect((await search('ALICE')).items.map((u) => u.username)).toEqual(['alice.martin', 'bob.stone']);
    expect((await search('keys@')).items.map((u) => u.username)).toEqual(['Alicia.Keys']);
    // a prefix, not a substring
    expect((await search('martin')).items).toEqual([]);
    // LIKE's wildcards are literal
    expect((await search('carol_')).items.map((u) => u.username)).toEqual(['carol_x']);
    expect((await search('%')).items).toEqual([]);
    // paged like the plain listing
    const one = await search('ali', admin.accessToken, { limit: 2 });
    expect(one.items.map((u) => u.username)).toEqual(['alice.martin', 'Alicia.Keys']);
    const two = await search('ali', admin.accessToken, { limit: 2, cursor: one.nextCursor as string });
    expect(two).toEqual({ items: [expect.objectContaining({ username: 'bob.stone' })], nextCursor: null });
    // the default account's admin sees none of this account's people
    expect((await search('alice', world.systemAdmin)).items.map((u) => u.username)).not.toContain('alice.martin');
  });

  it('needs users.manage (403, audited) and refuses a bad q with a 400', async () => {
    const plain = await createUser(app, world.systemAdmin, { accountId, prefix: 'plain' });
    const refused = await http().get('/v1/users').query({ q: 'ali' }).set(bearer(plain.accessToken)).expect(403);
    expect(refused.body).toMatchObject({ error: 'PERMISSION_DENIED', details: { permission: 'users.manage' } });
    const bad = await http().get('/v1/users').query({ q: '' }).set(bearer(admin.accessToken)).expect(400);
    expect(bad.body.error).toBe('VALIDATION_FAILED');
    await http().get('/v1/users').query({ q: 'x'.repeat(255) }).set(bearer(admin.accessToken)).expect(400);
  });

  it('is answered from the prefix indexes, not by scanning the account\'s users', async () => {
    await withoutTriggers(
      db,
      `INSERT INTO users (account_id, username, email, password_hash) SELECT $1, 'bulk' || g, 'bulk' || g || '@example.net', 'x' FROM generate_series(1, 20000) g`,
      [accountId],
    );
    await db.query('ANALYZE users');
    const { rows } = await db.query(
      `EXPLAIN (FORMAT JSON) SELECT u.id FROM users u WHERE u.account_id = $1 AND (lower(u.username) LIKE 'alic%' OR lower(u.email) LIKE 'alic%') ORDER BY u.created_at, u.id LIMIT 51`,
      [accountId],
    );
    const indexes = nodesOf(rows[0]['QUERY PLAN'][0].Plan).map((n) => n['Index Name']).filter(Boolean);
    expect(indexes).toEqual(expect.arrayContaining(['ix_users_account_username_prefix', 'ix_users_account_email_prefix']));
    expect((await search('alic')).items.map((u) => u.username)).toEqual(['alice.martin', 'Alicia.Keys', 'bob.stone']);
  });
});
