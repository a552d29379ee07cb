import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { bearer, createUser, loginAdmin, startApp } from './test-app.js';

/** A status and a JSON body, whatever client produced them. */
export interface Reply {
  status: number;
  body: unknown;
}

/** A session opened through a dialect: what that dialect needs to call again, and whose it is. */
export interface DialectSession {
  token: string;
  userId: string;
}

/**
 * The world every dialect's scenarios run in: a plain admin (sessions.revoke-any, NOT system admin,
 * so another account is out of reach), a user without permissions, and a user of another account.
 */
export interface ScenarioWorld {
  app: NestFastifyApplication;
  /** The bootstrap admin (admin + system-admin): setup and audit queries. */
  systemAdminToken: string;
  admin: { username: string; password: string; userId: string };
  foreignUserId: string;
}

/** How one dialect logs in, logs out, and how its answers look. */
export interface VendorDriver {
  surface: string;
  login(world: ScenarioWorld, username: string, password: string): Promise<DialectSession>;
  /** The dialect's "log myself out" call. */
  logoutSelf(world: ScenarioWorld, session: DialectSession): Promise<Reply>;
  /** The dialect's "log out user X" call (all of X's sessions). */
  logoutUser(world: ScenarioWorld, session: DialectSession, userId: string): Promise<Reply>;
  /** A logout call whose body is malformed or has unknown fields. */
  logoutBadBody(world: ScenarioWorld, session: DialectSession, userId: string): Promise<Reply>;
  /** The answer to logoutSelf. */
  expectLoggedOutSelf(reply: Reply): void;
  /** The answer to logoutUser. */
  expectLoggedOutUser(reply: Reply, userId: string): void;
  expectUnauthenticated(reply: Reply): void;
  expectForbidden(reply: Reply): void;
  expectUnknownUser(reply: Reply): void;
  expectBadRequest(reply: Reply): void;
}

export async function buildWorld(app: NestFastifyApplication): Promise<ScenarioWorld> {
  const systemAdminToken = (await loginAdmin(app)).accessToken;
  const admin = await createUser(app, systemAdminToken, { roles: ['admin'], prefix: 'admin' });
  const account = await request(app.getHttpServer()).post('/v1/accounts').set(bearer(systemAdminToken)).send({ name: `other-${randomUUID()}` });
  if (account.status !== 201) throw new Error(`create account failed: ${account.status} ${JSON.stringify(account.body)}`);
  const foreign = await createUser(app, systemAdminToken, { accountId: account.body.id, prefix: 'foreign' });
  return {
    app,
    systemAdminToken,
    admin: { username: admin.username, password: admin.password, userId: admin.userId },
    foreignUserId: foreign.userId,
  };
}

export async function nativeMeStatus(app: NestFastifyApplication, token: string): Promise<number> {
  return (await request(app.getHttpServer()).get('/v1/auth/me').set(bearer(token))).status;
}

export interface AuditRow {
  action: string;
  outcome: string;
  surface: string;
  actor: { userId: string | null; label: string | null };
  targetUserId: string | null;
  sessionCount: number;
  reason: string | null;
  details: Record<string, unknown>;
}

export async function auditEvents(world: ScenarioWorld, query: Record<string, string>): Promise<AuditRow[]> {
  const res = await request(world.app.getHttpServer()).get('/v1/audit/events').query(query).set(bearer(world.systemAdminToken));
  if (res.status !== 200) throw new Error(`audit query failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.items as AuditRow[];
}

/** The shared table: the same six situations, asserted in each dialect's own shape. */
export function describeVendorScenarios(getWorld: () => ScenarioWorld, driver: VendorDriver): void {
  const fresh = async (roles: string[] = ['user']) => {
    const world = getWorld();
    const user = await createUser(world.app, world.systemAdminToken, { roles, prefix: driver.surface });
    return { world, user, session: await driver.login(world, user.username, user.password) };
  };
  const adminSession = (world: ScenarioWorld) => driver.login(world, world.admin.username, world.admin.password);

  describe(`shared scenarios (${driver.surface})`, () => {
    it('logout self: ends my session, refuses the token natively, audits it with the vendor reason', async () => {
      const { world, user, session } = await fresh();
      driver.expectLoggedOutSelf(await driver.logoutSelf(world, session));
      expect(await nativeMeStatus(world.app, session.token)).toBe(401);
      const rows = await auditEvents(world, { surface: driver.surface, targetUserId: user.userId, action: 'session.logout,session.revoked_all' });
      expect(rows[0]).toMatchObject({ surface: driver.surface, actor: { userId: user.userId }, targetUserId: user.userId, reason: `${driver.surface} logout` });
      expect(rows[0].sessionCount).toBeGreaterThanOrEqual(1);
    });

    it('logout other: an admin ends every session of a user, whose native token fails at once', async () => {
      const { world, user } = await fresh();
      const admin = await adminSession(world);
      driver.expectLoggedOutUser(await driver.logoutUser(world, admin, user.userId), user.userId);
      expect(await nativeMeStatus(world.app, user.accessToken)).toBe(401);
      const rows = await auditEvents(world, { surface: driver.surface, targetUserId: user.userId, action: 'session.forced_logout' });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ actor: { userId: world.admin.userId }, targetUserId: user.userId, sessionCount: 2, reason: `${driver.surface} logout` });
    });

    it('no permission: 403 in the dialect, nothing revoked, the refusal audited', async () => {
      const { world, session } = await fresh();
      const victim = await createUser(world.app, world.systemAdminToken, { prefix: 'victim' });
      driver.expectForbidden(await driver.logoutUser(world, session, victim.userId));
      expect(await nativeMeStatus(world.app, victim.accessToken)).toBe(200);
      const rows = await auditEvents(world, { surface: driver.surface, action: 'session.forced_logout', outcome: 'denied', actorUserId: session.userId });
      // A refused forced logout is found with the forced logouts, outcome denied.
      expect(rows[0]).toMatchObject({ action: 'session.forced_logout', outcome: 'denied', targetUserId: victim.userId, surface: driver.surface, reason: 'missing_permission' });
    });

    it('unknown user and a user of another account get the same answer', async () => {
      const world = getWorld();
      const admin = await adminSession(world);
      const unknown = await driver.logoutUser(world, admin, randomUUID());
      driver.expectUnknownUser(unknown);
      const foreign = await driver.logoutUser(world, admin, world.foreignUserId);
      expect(foreign).toEqual(unknown);
      const rows = await auditEvents(world, { surface: driver.surface, action: 'session.forced_logout', outcome: 'denied', actorUserId: admin.userId });
      expect(rows[0]).toMatchObject({ outcome: 'denied', reason: 'cross_account' });
    });

    it('bad body: 400 in the dialect, nothing revoked', async () => {
      const { world, user, session } = await fresh();
      driver.expectBadRequest(await driver.logoutBadBody(world, session, user.userId));
      expect(await nativeMeStatus(world.app, session.token)).toBe(200);
    });

    it('revoked or garbage token: 401 in the dialect', async () => {
      const { world, user, session } = await fresh();
      driver.expectLoggedOutSelf(await driver.logoutSelf(world, session));
      driver.expectUnauthenticated(await driver.logoutSelf(world, session));
      driver.expectUnauthenticated(await driver.logoutSelf(world, { token: 'sat_not-a-real-token', userId: user.userId }));
    });
  });
}

/** A second app whose login throttle allows `limit` attempts (startApp isolates its environment). */
export const startThrottledApp = (databaseUrl: string, limit: number) => startApp(databaseUrl, { LOGIN_THROTTLE_LIMIT: String(limit) });

/**
 * Throttled logins are audited without an account (the identifier may name no one), so the audit
 * API (always scoped to one account) cannot list them: count them in the database itself.
 */
/** Throttled logins audited on `surface`; with `targetUserId`, only those recorded against that user. */
export async function countThrottledLogins(databaseUrl: string, surface: string, targetUserId?: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'auth.login_throttled' AND surface = $1 AND ($2::uuid IS NULL OR target_user_id = $2)`,
      [surface, targetUserId ?? null],
    );
    return rows[0].n as number;
  } finally {
    await client.end();
  }
}
