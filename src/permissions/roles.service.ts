import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Actor } from '../common/actor.js';
import { DomainException, ErrorCode } from '../common/error-codes.js';
import { BUILT_IN_ROLES, canonicalPermission, Permission, PERMISSIONS, userPermissionsSql } from './permissions.js';
import { PermissionsService } from './permissions.service.js';

export interface RoleView {
  id: string;
  name: string;
  permissions: string[];
  builtIn: boolean;
  accountId: string | null;
}

/** Roles: the built-in ones every account shares, and custom ones per account. */
@Injectable()
export class RolesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly permissions: PermissionsService,
    private readonly audit: AuditService,
  ) {}

  /** Creates or refreshes the built-in roles (at start). */
  async ensureBuiltIns(manager: EntityManager): Promise<void> {
    for (const [name, permissions] of Object.entries(BUILT_IN_ROLES)) {
      await manager.query(
        `INSERT INTO roles (account_id, name, permissions, built_in) VALUES (NULL, $1, $2, true)
         ON CONFLICT ((coalesce(account_id, '00000000-0000-0000-0000-000000000000'::uuid)), lower(name))
         DO UPDATE SET permissions = EXCLUDED.permissions, built_in = true`,
        [name, [...permissions]],
      );
    }
  }

  async list(actor: Actor): Promise<RoleView[]> {
    await this.permissions.require(actor, PERMISSIONS.usersManage, 'roles:list');
    return this.dataSource.query(
      `SELECT id, name, permissions, built_in AS "builtIn", account_id AS "accountId" FROM roles
        WHERE account_id IS NULL OR account_id = $1 ORDER BY built_in DESC, name`,
      [actor.accountId],
    );
  }

  async create(actor: Actor, name: string, requested: string[]): Promise<RoleView> {
    await this.permissions.require(actor, PERMISSIONS.usersManage, 'roles:create');
    const unknown = requested.filter((p) => canonicalPermission(p) === undefined);
    if (unknown.length > 0) throw new DomainException(ErrorCode.VALIDATION_FAILED, `Unknown permissions: ${unknown.join(', ')}`, { unknown });
    const permissions = [...new Set(requested.map((p) => canonicalPermission(p) as Permission))];
    if (Object.keys(BUILT_IN_ROLES).includes(name.toLowerCase())) {
      throw new DomainException(ErrorCode.CONFLICT, `"${name}" is the name of a built-in role`, { name });
    }
    await this.permissions.requireAll(actor, permissions, 'roles:create');
    return this.dataSource.transaction(async (manager) => {
      const rows: RoleView[] = await manager.query(
        `INSERT INTO roles (account_id, name, permissions) VALUES ($1, $2, $3)
         RETURNING id, name, permissions, built_in AS "builtIn", account_id AS "accountId"`,
        [actor.accountId, name, permissions],
      );
      await this.audit.record(manager, { action: 'role.created', accountId: actor.accountId, actor, context: actor.context, details: { name, permissions } });
      return rows[0];
    });
  }

  /** Role names → ids visible to an account (built-ins and its own); unknown names are a 400. */
  async resolveIds(manager: EntityManager, accountId: string, names: string[]): Promise<string[]> {
    const wanted = [...new Set(names.map((n) => n.toLowerCase()))];
    const rows: { id: string; name: string }[] = await manager.query(
      // A custom role may not share a built-in's name; one made before that rule loses to the built-in.
      `SELECT DISTINCT ON (lower(name)) id, lower(name) AS name FROM roles WHERE (account_id IS NULL OR account_id = $1) AND lower(name) = ANY($2)
        ORDER BY lower(name), built_in DESC`,
      [accountId, wanted],
    );
    const missing = wanted.filter((n) => !rows.some((r) => r.name === n));
    if (missing.length > 0) throw new DomainException(ErrorCode.VALIDATION_FAILED, `Unknown roles: ${missing.join(', ')}`, { unknown: missing });
    return rows.map((r) => r.id);
  }

  /**
   * A role carrying a permission the actor lacks is not the actor's to hand out (403, audited): no one
   * lends more power than they hold. The system admin holds every power.
   */
  async assertGrantable(actor: Actor, manager: EntityManager, roleIds: string[]): Promise<void> {
    const rows: { permission: Permission }[] = await manager.query('SELECT DISTINCT unnest(permissions) AS permission FROM roles WHERE id = ANY($1::uuid[])', [roleIds]);
    await this.permissions.requireAll(actor, rows.map((r) => r.permission), 'roles:grant');
  }

  /**
   * Refuses (403, audited) to manage a user who holds a permission the actor lacks: changing their
   * password, status or roles would hand the actor that permission.
   */
  async assertOutranks(actor: Actor, userId: string, attempted: string): Promise<void> {
    const rows: { p: Permission }[] = await this.dataSource.query(userPermissionsSql('$1'), [userId]);
    await this.permissions.requireAll(actor, rows.map((r) => r.p), attempted, userId);
  }
}
