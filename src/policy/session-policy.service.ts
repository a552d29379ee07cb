import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Actor } from '../common/actor.js';
import { DomainException, ErrorCode, notFound } from '../common/error-codes.js';
import { TransactionService } from '../common/transaction.service.js';
import { isUuid } from '../common/uuid.js';
import { PERMISSIONS } from '../permissions/permissions.js';
import { PermissionsService } from '../permissions/permissions.service.js';
import { SessionPolicyView } from './dto/session-policy.dto.js';
import { SessionPolicy } from './session-policy.js';
import { StepUpService } from './step-up.service.js';

/** Reading and replacing an account's session policy (accounts.manage or policy.manage; audited with before and after). */
@Injectable()
export class SessionPolicyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly permissions: PermissionsService,
    private readonly audit: AuditService,
    private readonly stepUp: StepUpService,
  ) {}

  async get(actor: Actor, accountId: string): Promise<SessionPolicyView> {
    await this.authorize(actor, accountId, 'session-policy:read');
    const rows: { policy: SessionPolicy; updated_at: Date }[] = await this.dataSource.query('SELECT policy, updated_at FROM session_policies WHERE account_id = $1', [
      accountId,
    ]);
    return { accountId: accountId.toLowerCase(), policy: rows[0]?.policy ?? {}, updatedAt: rows[0]?.updated_at ?? null };
  }

  /** Replaces the policy. Every role named must exist in the account (or be built in). Step-up: 'policy-change'. */
  async put(actor: Actor, accountId: string, policy: SessionPolicy): Promise<SessionPolicyView> {
    await this.authorize(actor, accountId, 'session-policy:update');
    await this.stepUp.require(actor, 'policy-change');
    const id = accountId.toLowerCase();
    const named = (policy.roles ?? []).map((r) => r.role.toLowerCase());
    if (new Set(named).size !== named.length) throw new DomainException(ErrorCode.VALIDATION_FAILED, 'Each role may have one override', { field: 'roles' });
    const known: { name: string }[] = await this.dataSource.query('SELECT lower(name) AS name FROM roles WHERE (account_id IS NULL OR account_id = $1) AND lower(name) = ANY($2)', [
      id,
      named,
    ]);
    const unknown = named.filter((n) => !known.some((k) => k.name === n));
    if (unknown.length > 0) throw new DomainException(ErrorCode.VALIDATION_FAILED, `Unknown roles: ${unknown.join(', ')}`, { field: 'roles', unknown });
    return this.tx.run(async (manager) => {
      const before: { policy: SessionPolicy }[] = await manager.query('SELECT policy FROM session_policies WHERE account_id = $1 FOR UPDATE', [id]);
      const rows: { updated_at: Date }[] = await manager.query(
        `INSERT INTO session_policies (account_id, policy, updated_by) VALUES ($1, $2, $3)
         ON CONFLICT (account_id) DO UPDATE SET policy = EXCLUDED.policy, updated_by = EXCLUDED.updated_by, updated_at = now()
         RETURNING updated_at`,
        [id, JSON.stringify(policy), actor.userId],
      );
      await this.audit.record(manager, {
        action: 'session_policy.updated',
        accountId: id,
        actor,
        context: actor.context,
        details: { before: before[0]?.policy ?? {}, after: policy },
      });
      return { accountId: id, policy, updatedAt: rows[0].updated_at };
    });
  }

  /** accounts.manage (any account) or policy.manage (one's own); another account answers like an unknown one. */
  private async authorize(actor: Actor, accountId: string, attempted: string): Promise<void> {
    if (!this.permissions.has(actor, PERMISSIONS.accountsManage)) await this.permissions.require(actor, PERMISSIONS.policyManage, attempted);
    if (!isUuid(accountId)) throw notFound('Account');
    await this.permissions.requireAccount(actor, accountId, 'Account', attempted);
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM accounts WHERE id = $1', [accountId]);
    if (rows.length === 0) throw notFound('Account');
  }
}
