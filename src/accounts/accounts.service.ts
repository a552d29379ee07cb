import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Actor } from '../common/actor.js';
import { notFound } from '../common/error-codes.js';
import { AppConfigService } from '../config/app-config.service.js';
import { PERMISSIONS } from '../permissions/permissions.js';
import { PermissionsService } from '../permissions/permissions.service.js';
import { RevocationReceipt, RevokeOptions } from '../sessions/revocation.types.js';
import { RevocationService } from '../sessions/revocation.service.js';

export interface AccountView {
  id: string;
  name: string;
  isDefault: boolean;
  legalHold: boolean;
  createdAt: Date;
}

const ACCOUNT_VIEW = `id, name, is_default AS "isDefault", legal_hold AS "legalHold", created_at AS "createdAt"`;

/** Accounts (tenants): every user belongs to one; the system admin manages them. */
@Injectable()
export class AccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly permissions: PermissionsService,
    private readonly audit: AuditService,
    private readonly revocation: RevocationService,
    private readonly config: AppConfigService,
  ) {}

  async create(actor: Actor, name: string): Promise<AccountView> {
    await this.permissions.require(actor, PERMISSIONS.accountsManage, 'accounts:create');
    return this.dataSource.transaction(async (manager) => {
      const rows: AccountView[] = await manager.query(`INSERT INTO accounts (name) VALUES ($1) RETURNING ${ACCOUNT_VIEW}`, [name]);
      await this.audit.record(manager, { action: 'account.created', accountId: rows[0].id, actor, context: actor.context, details: { name } });
      return rows[0];
    });
  }

  async list(actor: Actor): Promise<AccountView[]> {
    await this.permissions.require(actor, PERMISSIONS.accountsManage, 'accounts:list');
    return this.dataSource.query(`SELECT ${ACCOUNT_VIEW} FROM accounts ORDER BY created_at, id`);
  }

  /**
   * Sets or lifts the legal hold (system admin), audited in the same statement (the database's own
   * function: the service's role cannot change a hold otherwise). It takes the retention lock, so a hold
   * set while the retention job runs applies to everything it has not yet removed.
   */
  async setLegalHold(actor: Actor, accountId: string, legalHold: boolean): Promise<AccountView> {
    await this.permissions.require(actor, PERMISSIONS.accountsManage, 'accounts:update');
    return this.dataSource.transaction(async (manager) => {
      await this.audit.lockRetention(manager);
      if (!(await this.audit.recordLegalHold(manager, actor, accountId, legalHold))) throw notFound('Account');
      const rows: AccountView[] = await manager.query(`SELECT ${ACCOUNT_VIEW} FROM accounts WHERE id = $1`, [accountId]);
      return rows[0];
    });
  }

  /** Ends every session in the account but the caller's (needs sessions.revoke-account). */
  logoutAll(actor: Actor, accountId: string, options: RevokeOptions): Promise<RevocationReceipt> {
    return this.revocation.revoke(actor, { kind: 'account', accountId }, options);
  }

  /** The default account, created on first start. */
  async ensureDefault(manager: EntityManager): Promise<string> {
    const existing: { id: string }[] = await manager.query('SELECT id FROM accounts WHERE is_default');
    if (existing[0]) return existing[0].id;
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO accounts (name, is_default) VALUES ($1, true) ON CONFLICT DO NOTHING RETURNING id`,
      [this.config.get('DEFAULT_ACCOUNT_NAME')],
    );
    if (rows[0]) return rows[0].id;
    const again: { id: string }[] = await manager.query('SELECT id FROM accounts WHERE is_default');
    return again[0].id;
  }
}
