import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import request from 'supertest';
import { AuditQueryService } from '../src/audit/audit-query.service.js';
import { AuditFilterDto } from '../src/audit/dto/audit-event.dto.js';
import { Actor } from '../src/common/actor.js';
import { PERMISSIONS } from '../src/permissions/permissions.js';
import { bearer, closeTestApp, loginAdmin, openTestApp, startApp, type TestApp, withoutTriggers } from './support/test-app.js';

/** Plan nodes of an EXPLAIN (FORMAT JSON), flattened. */
interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}
const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

/**
 * Every audit filter is answered from an index built for it (no scan of the account's events), and
 * a slow audit query is stopped by AUDIT_QUERY_TIMEOUT_MS with a 503 instead of holding a connection.
 */
describe('audit filters are indexed; audit reads are bounded in time', () => {
  let world: TestApp;
  let app: NestFastifyApplication;
  let db: pg.Client;
  let accountId: string;
  let admin: { accessToken: string; userId: string };
  const now = new Date();
  const seedStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1, 1));

  beforeAll(async () => {
    world = await openTestApp();
    ({ app, db } = world);
    admin = await loginAdmin(app);
    accountId = (await request(app.getHttpServer()).get('/v1/auth/me').set(bearer(admin.accessToken)).expect(200)).body.user.accountId;
    // 30,000 events of the admin's account, in one partition (chain trigger off: only the plans matter here), all alike.
    await withoutTriggers(
      db,
      `INSERT INTO audit_events (occurred_at, action, outcome, account_id, actor_user_id, target_user_id, surface, reason)
       SELECT $3::timestamptz + g * interval '1 second', CASE WHEN g % 2 = 0 THEN 'session.login' ELSE 'session.logout' END, 'success', $1,
              $2, $2, 'native', 'routine sign-out ' || (g % 7) FROM generate_series(1, 30000) g`,
      [accountId, admin.userId, seedStart],
    );
    await db.query('ANALYZE audit_events');
  });
  afterAll(() => closeTestApp(world));

  async function plan(filter: AuditFilterDto): Promise<PlanNode[]> {
    const service = app.get(AuditQueryService);
    const actor: Actor = {
      kind: 'user',
      accountId,
      userId: admin.userId,
      sessionId: null,
      sessionNumber: null,
      label: 'index test',
      permissions: new Set([PERMISSIONS.auditRead]),
      context: { requestId: 'index-test', ip: null, userAgent: null, surface: 'native' },
      credentialId: null,
    };
    const { sql, params } = service.pageQuery(await service.where(actor, filter), null, 51);
    const { rows } = await db.query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
    return nodesOf(rows[0]['QUERY PLAN'][0].Plan);
  }

  const NO_MATCH = '00000000-0000-4000-8000-00000000dead';
  const cases: [string, AuditFilterDto, string | string[]][] = [
    ['outcome', { outcome: 'denied' }, 'ix_audit_events_account_outcome_time'],
    ['surface', { surface: 'zap' }, 'ix_audit_events_account_surface_time'],
    ['actor', { actorUserId: NO_MATCH }, 'ix_audit_events_account_actor_time'],
    ['target', { targetUserId: NO_MATCH }, 'ix_audit_events_account_target_time'],
    // a name is looked up once (unique indexes on users), then read like the id
    ['actor name', { actorName: 'nobody-by-that-name' }, 'ix_audit_events_account_actor_time'],
    ['target name', { targetName: 'nobody@example.test' }, 'ix_audit_events_account_target_time'],
    ['reason text', { reason: 'no such reason anywhere' }, 'ix_audit_events_reason_trgm'],
    ['one action', { action: ['client.revoked'] }, 'ix_audit_events_account_action_time'],
    ['several actions', { action: ['client.revoked', 'access_key.revoked'] }, 'ix_audit_events_account_action_time'],
    ['time range', { from: new Date(seedStart.getTime() + 3_600_000), to: new Date(seedStart.getTime() + 5_400_000) }, ['ix_audit_events_account_time', 'ix_audit_events_time', 'pk_audit_events']],
  ];

  it.each(cases)('the %s filter reads its index, never a scan of the events', async (_name, filter, indexes) => {
    // The partitions holding events (empty ones cost nothing to scan, and the planner does scan those).
    const filled = (await db.query(`SELECT DISTINCT tableoid::regclass::text AS name FROM audit_events`)).rows.map((r) => r.name as string);
    expect(filled.length).toBeGreaterThan(0);
    // Each partition has its own copy of an index: name them by the index of audit_events they belong to.
    const parents = new Map<string, string>(
      (
        await db.query(
          `SELECT c.relname AS child, p.relname AS parent FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
            WHERE p.relname LIKE 'ix_audit_events%' OR p.relname = 'pk_audit_events'`,
        )
      ).rows.map((r) => [r.child, r.parent]),
    );
    const nodes = await plan(filter);
    const scanned = nodes.filter((n) => n['Node Type'] === 'Seq Scan' && filled.includes(n['Relation Name'] ?? ''));
    expect(scanned.map((n) => n['Relation Name'])).toEqual([]);
    const used = new Set(nodes.map((n) => n['Index Name']).filter((n): n is string => Boolean(n)).map((n) => parents.get(n) ?? n));
    expect([...used].filter((name) => [indexes].flat().includes(name))).not.toEqual([]);
  });

  it('pg_trgm is installed by the migrations', async () => {
    const { rows } = await db.query(`SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'`);
    expect(rows).toHaveLength(1);
  });

  it('a statement running past AUDIT_QUERY_TIMEOUT_MS is stopped: a 503 in the native shape, and the pool is free again', async () => {
    const bounded = await startApp(world.url, { AUDIT_QUERY_TIMEOUT_MS: '300' });
    const http = () => request(bounded.getHttpServer());
    const token = (await loginAdmin(bounded)).accessToken;
    const holder = new pg.Client({ connectionString: world.url });
    await holder.connect();
    try {
      // Anything that makes the read wait counts against the timeout: here a lock it queues behind.
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE audit_events IN ACCESS EXCLUSIVE MODE');
      for (const path of ['/v1/audit/events', '/v1/audit/events?action=session.login,session.logout', '/v1/audit/summary', '/v1/audit/verify', '/v1/audit/events/export?format=csv']) {
        const started = Date.now();
        const res = await http().get(path).set(bearer(token));
        expect({ path, status: res.status }).toEqual({ path, status: 503 });
        expect(res.body).toMatchObject({ statusCode: 503, error: 'SERVICE_UNAVAILABLE', requestId: expect.any(String), details: { timeoutMs: 300 } });
        expect(res.body.message).toMatch(/AUDIT_QUERY_TIMEOUT_MS/);
        expect(Date.now() - started).toBeLessThan(3000);
      }
      await holder.query('COMMIT');
      await http().get('/v1/audit/events?limit=5').set(bearer(token)).expect(200);
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      await holder.end();
      await bounded.close();
    }
  });
});
