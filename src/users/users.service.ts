import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Actor } from '../common/actor.js';
import { DomainException, ErrorCode, notFound } from '../common/error-codes.js';
import { cursorInstantSql, decodeKeysetCursor, encodeKeysetCursor } from '../common/keyset-cursor.js';
import { TransactionService } from '../common/transaction.service.js';
import { isUuid } from '../common/uuid.js';
import { preparedQuery, PreparedStatement } from '../database/prepared-query.js';
import { Permission, PERMISSIONS } from '../permissions/permissions.js';
import { PermissionsService } from '../permissions/permissions.service.js';
import { RolesService } from '../permissions/roles.service.js';
import { StepUpService } from '../policy/step-up.service.js';
import { SessionPolicy } from '../policy/session-policy.js';
import { RevocationService } from '../sessions/revocation.service.js';
import { SessionInvalidationService } from '../sessions/session-invalidation.service.js';
import { PasswordService } from './password.service.js';
import { UserStatus } from './user.entity.js';

export interface UserView {
  id: string;
  accountId: string;
  username: string;
  email: string;
  status: UserStatus;
  roles: string[];
  createdAt: Date;
  updatedAt: Date;
}

export interface CreateUserInput {
  username: string;
  email: string;
  password: string;
  roles?: string[];
  accountId?: string;
}

export interface UpdateUserInput {
  email?: string;
  password?: string;
  status?: UserStatus;
}

export interface UserPage {
  items: UserView[];
  nextCursor: string | null;
}

/** The columns of a UserView, over `users u`. */
const USER_VIEW = `u.id, u.account_id AS "accountId", u.username, u.email, u.status, u.created_at AS "createdAt", u.updated_at AS "updatedAt",
  coalesce((SELECT array_agg(r.name ORDER BY r.name) FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = u.id), '{}') AS roles`;

/** The login lookup: on every login, so prepared once per connection. Brings the account's session policy along (no second read). */
const FIND_BY_LOGIN: PreparedStatement = {
  name: 'users.find-by-login',
  text: `SELECT ${USER_VIEW}, u.password_hash AS "passwordHash",
                (SELECT p.policy FROM session_policies p WHERE p.account_id = u.account_id) AS "sessionPolicy"
           FROM users u WHERE lower(u.username) = lower($1) OR lower(u.email) = lower($1) LIMIT 1`,
};

/** The unique indexes on users (case-insensitive), by the field each guards. */
const UNIQUE_FIELDS: Partial<Record<string, 'username' | 'email'>> = { uq_users_username: 'username', uq_users_email: 'email' };

/**
 * Runs a statement that writes a username or email. The unique index is the guard (no read-then-write
 * race); its violation becomes a 409 that names the field that clashed. Anything else is rethrown.
 */
async function guardUnique<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const driverError = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : undefined;
    const field = driverError?.code === '23505' ? UNIQUE_FIELDS[driverError.constraint ?? ''] : undefined;
    if (field) throw new DomainException(ErrorCode.CONFLICT, `A user with this ${field} already exists`, { field });
    throw error;
  }
}

/** User accounts: creation, lookup, changes. Disabling a user revokes every session they have. */
@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly passwords: PasswordService,
    private readonly permissions: PermissionsService,
    private readonly roles: RolesService,
    private readonly audit: AuditService,
    private readonly revocation: RevocationService,
    private readonly invalidation: SessionInvalidationService,
    private readonly stepUp: StepUpService,
  ) {}

  async create(actor: Actor, input: CreateUserInput): Promise<UserView> {
    await this.permissions.require(actor, PERMISSIONS.usersManage, 'users:create');
    const accountId = input.accountId ?? actor.accountId;
    await this.permissions.requireAccount(actor, accountId, 'Account', 'users:create');
    const passwordHash = await this.passwords.hash(input.password);
    const id = await this.tx.run(async (manager) => {
      const roleIds = await this.roles.resolveIds(manager, accountId, input.roles ?? ['user']);
      await this.roles.assertGrantable(actor, manager, roleIds);
      const created = await this.insert(manager, accountId, input, passwordHash, roleIds);
      await this.audit.record(manager, {
        action: 'user.created',
        accountId,
        actor,
        context: actor.context,
        targetUserId: created,
        details: { username: input.username, roles: input.roles ?? ['user'] },
      });
      return created;
    });
    return this.find(id);
  }

  /** Inserts a user with roles inside the caller's transaction (also used by bootstrap and the CLI). */
  async insert(manager: EntityManager, accountId: string, input: CreateUserInput, passwordHash: string, resolvedRoleIds?: string[]): Promise<string> {
    const accounts: { id: string }[] = await manager.query('SELECT id FROM accounts WHERE id = $1', [accountId]);
    if (!accounts[0]) throw notFound('Account');
    const roleIds = resolvedRoleIds ?? (await this.roles.resolveIds(manager, accountId, input.roles ?? ['user']));
    const rows: { id: string }[] = await guardUnique(() =>
      manager.query('INSERT INTO users (account_id, username, email, password_hash) VALUES ($1, $2, $3, $4) RETURNING id', [
        accountId,
        input.username,
        input.email,
        passwordHash,
      ]),
    );
    await manager.query('INSERT INTO user_roles (user_id, role_id) SELECT $1, unnest($2::uuid[])', [rows[0].id, roleIds]);
    return rows[0].id;
  }

  /**
   * A user, for a caller allowed to read others (`permission`, users.manage by default) and only
   * within the caller's account. `attempted` names the operation in a refusal's audit event.
   */
  async get(actor: Actor, userId: string, { permission = PERMISSIONS.usersManage, attempted = 'users:read' }: { permission?: Permission; attempted?: string } = {}): Promise<UserView> {
    if (userId !== actor.userId) await this.permissions.require(actor, permission, attempted, userId);
    const user = await this.find(userId);
    await this.permissions.requireAccount(actor, user.accountId, 'User', attempted, userId);
    return user;
  }

  /**
   * A page of an account's users, oldest first, for a caller holding `permission` (users.manage by
   * default) in that account; `email` keeps only the user with that address (case-insensitive), `prefix`
   * those whose username or email starts with it (case-insensitive; ix_users_account_*_prefix).
   */
  async list(
    actor: Actor,
    limit: number,
    cursor?: string,
    accountId?: string,
    {
      permission = PERMISSIONS.usersManage,
      attempted = 'users:list',
      email,
      prefix,
    }: { permission?: Permission; attempted?: string; email?: string; prefix?: string } = {},
  ): Promise<UserPage> {
    await this.permissions.require(actor, permission, attempted);
    const account = accountId ?? actor.accountId;
    await this.permissions.requireAccount(actor, account, 'Account', attempted);
    const after = cursor ? decodeKeysetCursor(cursor, isUuid) : null;
    const params: unknown[] = [account, limit + 1];
    const where = ['u.account_id = $1'];
    if (after) where.push(`(u.created_at, u.id) > ($${params.push(after.at)}::timestamptz, $${params.push(after.id)}::uuid)`);
    if (email !== undefined) where.push(`lower(u.email) = lower($${params.push(email)})`);
    if (prefix !== undefined) {
      // LIKE's wildcards in the text are literal; the expressions match the indexes' exactly.
      const p = `$${params.push(`${prefix.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`;
      where.push(`(lower(u.username) LIKE ${p} OR lower(u.email) LIKE ${p})`);
    }
    // The cursor keeps Postgres's microseconds (a JS Date would round them and skip or repeat rows).
    const rows: (UserView & { cursor_at: string })[] = await this.dataSource.query(
      `SELECT ${USER_VIEW}, ${cursorInstantSql('u.created_at')} AS cursor_at FROM users u WHERE ${where.join(' AND ')}
        ORDER BY u.created_at, u.id LIMIT $2`,
      params,
    );
    const items = rows.slice(0, limit).map(({ cursor_at: _c, ...user }) => user);
    const last = rows[limit - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeKeysetCursor(last.cursor_at, last.id) : null };
  }

  async update(actor: Actor, userId: string, input: UpdateUserInput): Promise<UserView> {
    // Ids compare in the lower case Postgres returns them in (a path's UUID may come in either).
    const self = userId.toLowerCase() === actor.userId;
    // A token alone must not be enough to take the account for good: one's own password changes
    // with the current one (AuthService.changePassword), never here.
    if (self && input.password !== undefined) {
      throw new DomainException(ErrorCode.VALIDATION_FAILED, 'Change your own password with POST /v1/auth/password, which needs your current password', {
        field: 'password',
        use: 'POST /v1/auth/password',
      });
    }
    // A user may change their own email; status and anyone else need users.manage.
    if (!self || input.status !== undefined) await this.permissions.require(actor, PERMISSIONS.usersManage, 'users:update', userId);
    const before = await this.find(userId);
    await this.permissions.requireAccount(actor, before.accountId, 'User', 'users:update', userId);
    if (!self) await this.roles.assertOutranks(actor, userId, 'users:update');
    const disabled = input.status === 'disabled' && before.status !== 'disabled';
    if (disabled) await this.stepUp.require(actor, 'user-disable', userId);
    const enabled = input.status === 'active' && before.status !== 'active';
    const passwordHash = input.password ? await this.passwords.hash(input.password) : null;
    // Disabling ends every session (audited as a forced logout); so does an admin's password reset.
    // Both are authorized before anything is written, and written with the change, in one transaction.
    const ending = disabled || passwordHash ? await this.revocation.authorize(actor, { kind: 'user', userId }) : null;
    const { revoked: pending, nonce } = await this.tx.run(async (manager) => {
      // First, while the user is still active, so that their live sessions are found and ended.
      const revoked = ending ? await this.revocation.revokeWithin(manager, actor, ending, { reason: disabled ? 'user disabled' : 'password reset by admin' }) : null;
      // Enabling a user again brings back none of the sessions they had before (a watermark at now).
      await guardUnique(() =>
        manager.query(
          `UPDATE users SET email = coalesce($2, email), password_hash = coalesce($3, password_hash), status = coalesce($4, status), updated_at = now(),
                  sessions_valid_after = CASE WHEN $5 THEN clock_timestamp() ELSE sessions_valid_after END,
                  sessions_keep_id = CASE WHEN $5 THEN NULL ELSE sessions_keep_id END
            WHERE id = $1`,
          [userId, input.email ?? null, passwordHash, input.status ?? null, enabled],
        ),
      );
      await this.audit.record(manager, {
        action: disabled ? 'user.disabled' : 'user.updated',
        accountId: before.accountId,
        actor,
        context: actor.context,
        targetUserId: userId,
        details: { fields: Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== undefined) },
      });
      // The credentials this user created hold power only while they are active (see
      // credentialPermissionsSql): every instance drops what it cached of them, sessions or not. A
      // revocation that ended sessions has already published this user's invalidation: not twice.
      const published = (disabled || enabled) && !revoked?.nonce;
      return { revoked, nonce: published ? await this.invalidation.publish(manager, { kind: 'u', id: before.id }, before.accountId) : null };
    });
    if (pending) await this.revocation.settle(actor, pending);
    if (nonce) await this.invalidation.waitForEcho(nonce);
    return this.find(userId);
  }

  async setRoles(actor: Actor, userId: string, roleNames: string[]): Promise<UserView> {
    await this.permissions.require(actor, PERMISSIONS.usersManage, 'users:set-roles', userId);
    const user = await this.find(userId);
    await this.permissions.requireAccount(actor, user.accountId, 'User', 'users:set-roles', userId);
    if (userId !== actor.userId) await this.roles.assertOutranks(actor, userId, 'users:set-roles');
    const nonce = await this.tx.run(async (manager) => {
      const roleIds = await this.roles.resolveIds(manager, user.accountId, roleNames);
      await this.roles.assertGrantable(actor, manager, roleIds);
      await manager.query('DELETE FROM user_roles WHERE user_id = $1', [userId]);
      await manager.query('INSERT INTO user_roles (user_id, role_id) SELECT $1, unnest($2::uuid[])', [userId, roleIds]);
      await this.audit.record(manager, {
        action: 'user.roles_changed',
        accountId: user.accountId,
        actor,
        context: actor.context,
        targetUserId: userId,
        details: { before: user.roles, after: roleNames },
      });
      // Permissions are cached with validated tokens: every instance drops this user's entries.
      return this.invalidation.publish(manager, { kind: 'u', id: userId }, user.accountId);
    });
    // New permissions apply to live tokens on every instance before we answer.
    await this.invalidation.waitForEcho(nonce);
    return this.find(userId);
  }

  /**
   * The caller's own new password (its current one already checked by AuthService.changePassword),
   * with, unless `endOtherSessions` is false, the end of every other session of theirs, in one
   * transaction; audited as user.password_changed.
   */
  async changeOwnPassword(actor: Actor, newPassword: string, endOtherSessions: boolean): Promise<{ otherSessionsEnded: number; auditEventId: string }> {
    const userId = actor.userId;
    if (!userId) throw new DomainException(ErrorCode.UNAUTHENTICATED, 'This credential is not a user');
    const passwordHash = await this.passwords.hash(newPassword);
    const ending = endOtherSessions ? await this.revocation.authorize(actor, { kind: 'user', userId, exceptCurrent: true }) : null;
    const { pending, auditEventId } = await this.tx.run(async (manager) => {
      // First, while the user is still active, so that their live sessions are found and ended.
      const revoked = ending ? await this.revocation.revokeWithin(manager, actor, ending, { reason: 'password changed' }) : null;
      const changed: { id: string }[] = await manager.query(
        `UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1 AND status = 'active' RETURNING id`,
        [userId, passwordHash],
      );
      // Disabled since the token was validated: nothing is written.
      if (!changed[0]) throw new DomainException(ErrorCode.UNAUTHENTICATED, 'This user is no longer active');
      const event = await this.audit.record(manager, {
        action: 'user.password_changed',
        accountId: actor.accountId,
        actor,
        context: actor.context,
        targetUserId: userId,
        details: { endOtherSessions, otherSessionsEnded: revoked?.receipt.revokedCount ?? 0 },
      });
      return { pending: revoked, auditEventId: event.id };
    });
    if (pending) await this.revocation.settle(actor, pending);
    return { otherSessionsEnded: pending?.receipt.revokedCount ?? 0, auditEventId };
  }

  /** The user's password hash (for checking their current password); null if no such user. */
  async passwordHashOf(userId: string): Promise<string | null> {
    const rows: { password_hash: string }[] = await this.dataSource.query('SELECT password_hash FROM users WHERE id = $1', [userId]);
    return rows[0]?.password_hash ?? null;
  }

  /** The user a login names (username or email, case-insensitive), with the password hash; null if none. */
  async findByLogin(identifier: string): Promise<(UserView & { passwordHash: string; sessionPolicy: SessionPolicy | null }) | null> {
    const rows = await preparedQuery<UserView & { passwordHash: string; sessionPolicy: SessionPolicy | null }>(this.dataSource, FIND_BY_LOGIN, [identifier]);
    return rows[0] ?? null;
  }

  async find(userId: string): Promise<UserView> {
    const user = await this.findById(userId);
    if (!user) throw notFound('User');
    return user;
  }

  /** The user with this id; null if none. */
  async findById(userId: string): Promise<UserView | null> {
    const rows: UserView[] = await this.dataSource.query(`SELECT ${USER_VIEW} FROM users u WHERE u.id = $1`, [userId]);
    return rows[0] ?? null;
  }
}
