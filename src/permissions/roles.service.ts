import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Actor } from '../common/actor.js';
import { DomainException, ErrorCode } from '../common/error-codes.js';
import { BUILT_IN_ROLES, canonicalPermission, PERMISSIONS } from './permissions.js';
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
    const permissions = [...new Set(requested.map((p) => canonicalPermission(p) as string))];
    if (permissions.includes(PERMISSIONS.accountsManage) && !this.permissions.has(actor, PERMISSIONS.accountsManage)) {
      await this.permissions.require(actor, PERMISSIONS.accountsManage, 'roles:create');
    }
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
      `SELECT id, lower(name) AS name FROM roles WHERE (account_id IS NULL OR account_id = $1) AND lower(name) = ANY($2)`,
      [accountId, wanted],
    );
    const missing = wanted.filter((n) => !rows.some((r) => r.name === n));
    if (missing.length > 0) throw new DomainException(ErrorCode.VALIDATION_FAILED, `Unknown roles: ${missing.join(', ')}`, { unknown: missing });
    return rows.map((r) => r.id);
  }

  /** Only the system admin may hand out the system-admin role. */
  async assertGrantable(actor: Actor, manager: EntityManager, roleIds: string[]): Promise<void> {
    const rows: { n: number }[] = await manager.query(
      `SELECT count(*)::int AS n FROM roles WHERE id = ANY($1::uuid[]) AND $2 = ANY(permissions)`,
      [roleIds, PERMISSIONS.accountsManage],
    );
    if (rows[0].n > 0) await this.permissions.require(actor, PERMISSIONS.accountsManage, 'roles:grant-system-admin');
  }
}
