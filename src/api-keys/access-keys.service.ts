import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Actor } from '../common/actor.js';
import { DomainException, ErrorCode, notFound } from '../common/error-codes.js';
import { RequestContext } from '../common/request-context.js';
import { ACCESS_KEY_PERMISSIONS, credentialPermissionsSql, PERMISSIONS } from '../permissions/permissions.js';
import { PermissionsService } from '../permissions/permissions.service.js';
import { SecretsKeyService } from './secrets-key.service.js';

export interface AccessKeyView {
  accessKeyId: string;
  accountId: string;
  /** What it was granted: of sessions.read-any and sessions.revoke-any, those its creator held. */
  permissions: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const VIEW = `access_key_id AS "accessKeyId", account_id AS "accountId", permissions, created_at AS "createdAt", last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"`;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * SigV4 access key pairs for an account (the Chime surface); secrets encrypted at rest. A key is
 * granted what its creator holds of ACCESS_KEY_PERMISSIONS, and at each use holds only what of that
 * its creator still holds (credentialPermissionsSql).
 */
@Injectable()
export class AccessKeysService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly permissions: PermissionsService,
    private readonly audit: AuditService,
    private readonly secrets: SecretsKeyService,
  ) {}

  async create(actor: Actor, accountId: string): Promise<{ key: AccessKeyView; secretAccessKey: string }> {
    await this.permissions.require(actor, PERMISSIONS.clientsManage, 'access-keys:create');
    await this.requireAccount(actor, accountId);
    const accessKeyId = `AKIA${[...randomBytes(16)].map((b) => BASE32[b % 32]).join('')}`;
    const secretAccessKey = randomBytes(30).toString('base64');
    const permissions = this.permissions.lendable(actor, ACCESS_KEY_PERMISSIONS);
    return this.dataSource.transaction(async (manager) => {
      const rows: AccessKeyView[] = await manager.query(
        `INSERT INTO access_keys (access_key_id, account_id, secret_ciphertext, created_by, permissions) VALUES ($1, $2, $3, $4, $5) RETURNING ${VIEW}`,
        [accessKeyId, accountId, this.secrets.encrypt(secretAccessKey), actor.userId, permissions],
      );
      await this.audit.record(manager, { action: 'access_key.created', accountId, actor, context: actor.context, details: { accessKeyId, permissions } });
      return { key: rows[0], secretAccessKey };
    });
  }

  async list(actor: Actor, accountId: string): Promise<AccessKeyView[]> {
    await this.permissions.require(actor, PERMISSIONS.clientsManage, 'access-keys:list');
    await this.requireAccount(actor, accountId);
    return this.dataSource.query(`SELECT ${VIEW} FROM access_keys WHERE account_id = $1 ORDER BY created_at DESC`, [accountId]);
  }

  async revoke(actor: Actor, accountId: string, accessKeyId: string): Promise<AccessKeyView> {
    await this.permissions.require(actor, PERMISSIONS.clientsManage, 'access-keys:revoke');
    await this.requireAccount(actor, accountId);
    return this.dataSource.transaction(async (manager) => {
      const rows: AccessKeyView[] = await manager.query(
        `WITH k AS (UPDATE access_keys SET revoked_at = coalesce(revoked_at, now()) WHERE access_key_id = $1 AND account_id = $2 RETURNING *) SELECT ${VIEW} FROM k`,
        [accessKeyId, accountId],
      );
      if (!rows[0]) throw notFound('Access key');
      await this.audit.record(manager, { action: 'access_key.revoked', accountId, actor, context: actor.context, details: { accessKeyId } });
      return rows[0];
    });
  }

  /** The live key's secret and account, for verifying a signature; null when unknown or revoked. */
  async lookup(accessKeyId: string): Promise<{ secret: string; accountId: string } | null> {
    if (!/^[A-Z0-9]{16,128}$/.test(accessKeyId)) return null;
    const rows: { account_id: string; secret_ciphertext: Buffer; last_used_at: Date | null }[] = await this.dataSource.query(
      'SELECT account_id, secret_ciphertext, last_used_at FROM access_keys WHERE access_key_id = $1 AND revoked_at IS NULL',
      [accessKeyId],
    );
    if (!rows[0]) return null;
    if (!rows[0].last_used_at || Date.now() - new Date(rows[0].last_used_at).getTime() > 60_000) {
      void this.dataSource.query('UPDATE access_keys SET last_used_at = now() WHERE access_key_id = $1', [accessKeyId]).catch(() => undefined);
    }
    return { secret: this.secrets.decrypt(rows[0].secret_ciphertext), accountId: rows[0].account_id };
  }

  /**
   * The Actor of a verified access key, in its own account only, holding what it was granted that its
   * creator holds at this moment (read now, never cached: a creator who loses a permission, or is
   * disabled, takes it from the key at once).
   */
  async actorFor(accessKeyId: string, accountId: string, context: RequestContext): Promise<Actor> {
    const rows: { permissions: string[] }[] = await this.dataSource.query(
      `SELECT ${credentialPermissionsSql('k.permissions', 'k.created_by')} AS permissions FROM access_keys k WHERE k.access_key_id = $1 AND k.revoked_at IS NULL`,
      [accessKeyId],
    );
    // Revoked since its signature was verified.
    if (!rows[0]) throw new DomainException(ErrorCode.UNAUTHENTICATED, 'Unknown or revoked access key');
    return {
      kind: 'access-key',
      accountId,
      userId: null,
      sessionId: null,
      sessionNumber: null,
      label: `access-key:${accessKeyId}`,
      permissions: new Set(rows[0].permissions),
      context,
      credentialId: accessKeyId,
    };
  }

  private async requireAccount(actor: Actor, accountId: string): Promise<void> {
    const rows: { id: string }[] = await this.dataSource.query('SELECT id FROM accounts WHERE id = $1', [accountId]);
    if (!rows[0]) throw notFound('Account');
    await this.permissions.requireAccount(actor, accountId, 'Account', 'access-keys');
  }
}
