import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Actor } from '../common/actor.js';
import { newOpaqueToken, sha256, sha256Base64 } from '../common/crypto.js';
import { whenReady } from '../common/maybe-async.js';
import { DomainException, ErrorCode, notFound } from '../common/error-codes.js';
import { RequestContext } from '../common/request-context.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { API_KEY_PERMISSIONS, credentialPermissionsSql, PERMISSIONS, userPermissionsSql } from '../permissions/permissions.js';
import { PermissionsService } from '../permissions/permissions.service.js';
import { InvalidatedCache } from '../sessions/invalidated-cache.js';
import { RevocationService } from '../sessions/revocation.service.js';
import { SessionInvalidationService } from '../sessions/session-invalidation.service.js';

export interface ApiKeyView {
  id: string;
  accountId: string;
  name: string;
  prefix: string;
  redirectUrl: string | null;
  /** Whether it has a private key, with which it signs in users of its account. */
  signsInUsers: boolean;
  /** What it was granted: of sessions.revoke-any, what its creator held. */
  permissions: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const VIEW = `id, account_id AS "accountId", name, prefix, redirect_url AS "redirectUrl", (private_key_hash IS NOT NULL) AS "signsInUsers", permissions,
  created_at AS "createdAt", last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"`;

interface KeyRow {
  id: string;
  account_id: string;
  name: string;
  redirect_url: string | null;
  last_used_at: Date | null;
  created_by: string | null;
  /** What it holds now: granted, and still held by its creator (one Set per cached key). */
  permissions: ReadonlySet<string>;
}

const MAX_CACHED_KEYS = 10_000;

export type ClientActor = Actor & { redirectUrl: string | null };

const unknownKey = () => new DomainException(ErrorCode.INVALID_CLIENT, 'Unknown or revoked API key');

/** What `create` hands out once: the key, and its private key when it may sign in users. */
export interface IssuedApiKey {
  key: ApiKeyView;
  apiKey: string;
  privateKey?: string;
}

/**
 * Client applications (other services): API keys issued by an admin, shown once, stored hashed.
 * Verified keys are cached per instance like session tokens: a revoke is pushed to every instance
 * (LISTEN/NOTIFY) and the cache is not trusted while that channel is down. A key holds what it was
 * granted (at most API_KEY_PERMISSIONS, and of them what its creator held) that its creator still
 * holds: a change to the creator's roles or status is pushed as the creator's invalidation ('u'),
 * which drops the keys they made from every instance's cache.
 */
@Injectable()
export class ApiKeysService {
  private readonly cache: InvalidatedCache<KeyRow>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly permissions: PermissionsService,
    private readonly audit: AuditService,
    private readonly invalidation: SessionInvalidationService,
    private readonly revocation: RevocationService,
    metrics: MetricsService,
  ) {
    this.cache = new InvalidatedCache<KeyRow>(invalidation, MAX_CACHED_KEYS, (key) => key.id);
    metrics.watchCache('api_keys', this.cache);
    invalidation.subscribe((event) => {
      if (event.kind === '*') this.cache.clear();
      else if (event.kind === 'c') this.cache.deleteId(event.id);
      else if (event.kind === 'u') this.cache.deleteWhere((key) => key.created_by === event.id);
    });
  }

  /**
   * A new key for the caller's account. With `signInUsers`, also a private key: whoever holds both may
   * sign in any user of the account without that user's password (Uberall's `private_key` login), so
   * it is off unless asked for, and the audit event says so.
   */
  async create(actor: Actor, name: string, redirectUrl: string | null, signInUsers = false): Promise<IssuedApiKey> {
    await this.permissions.require(actor, PERMISSIONS.clientsManage, 'api-keys:create');
    // Signing users in is managing them: only someone who may manage users hands that power out.
    if (signInUsers) await this.permissions.require(actor, PERMISSIONS.usersManage, 'api-keys:create-sign-in');
    const apiKey = newOpaqueToken('sk');
    const privateKey = signInUsers ? newOpaqueToken('spk') : undefined;
    const permissions = this.permissions.lendable(actor, API_KEY_PERMISSIONS);
    return this.dataSource.transaction(async (manager) => {
      const rows: ApiKeyView[] = await manager.query(
        `INSERT INTO api_keys (account_id, name, key_hash, prefix, redirect_url, created_by, private_key_hash, permissions) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         RETURNING ${VIEW}`,
        [actor.accountId, name, sha256(apiKey), apiKey.slice(0, 10), redirectUrl, actor.userId, privateKey === undefined ? null : sha256(privateKey), permissions],
      );
      await this.audit.record(manager, {
        action: 'client.created',
        accountId: actor.accountId,
        actor,
        context: actor.context,
        details: { apiKeyId: rows[0].id, name, signsInUsers: signInUsers, permissions },
      });
      return { key: rows[0], apiKey, ...(privateKey === undefined ? {} : { privateKey }) };
    });
  }

  /**
   * What the client's private key allows, in one read of its (live) key row: `proven` when
   * `privateKey` is that key's private key, and `mayActFor` when it may sign in `userId` — only while
   * the user who created the key is active and still holds users.manage (the power a sign-in lends),
   * and only a user holding no permission that creator lacks today (a key never lends more power than
   * its creator has). A creator holding accounts.manage, the system admin, holds every power, as in
   * `PermissionsService.requireAll`: such a key signs in any user of its account. Asked once per
   * sign-in, never cached.
   */
  async privateKeyGrant(client: Actor, privateKey: string, userId: string | null): Promise<{ proven: boolean; mayActFor: boolean }> {
    if (client.kind !== 'client' || !client.credentialId || typeof privateKey !== 'string' || privateKey.length === 0 || privateKey.length > 256) {
      return { proven: false, mayActFor: false };
    }
    const rows: { proven: boolean | null; mayActFor: boolean | null }[] = await this.dataSource.query(
      `SELECT k.private_key_hash = $2 AS proven,
              c.status = 'active'
                AND ('${PERMISSIONS.accountsManage}' IN (${userPermissionsSql('c.id')})
                     OR ('${PERMISSIONS.usersManage}' IN (${userPermissionsSql('c.id')})
                         AND NOT EXISTS (${userPermissionsSql('$3')} EXCEPT ${userPermissionsSql('c.id')}))) AS "mayActFor"
         FROM api_keys k LEFT JOIN users c ON c.id = k.created_by
        WHERE k.id = $1 AND k.revoked_at IS NULL`,
      [client.credentialId, sha256(privateKey), userId],
    );
    return { proven: rows[0]?.proven === true, mayActFor: rows[0]?.mayActFor === true };
  }

  async list(actor: Actor): Promise<ApiKeyView[]> {
    await this.permissions.require(actor, PERMISSIONS.clientsManage, 'api-keys:list');
    return this.dataSource.query(`SELECT ${VIEW} FROM api_keys WHERE account_id = $1 ORDER BY created_at DESC`, [actor.accountId]);
  }

  async revoke(actor: Actor, id: string): Promise<ApiKeyView> {
    await this.permissions.require(actor, PERMISSIONS.clientsManage, 'api-keys:revoke');
    const { view, nonce } = await this.dataSource.transaction(async (manager) => {
      const rows: ApiKeyView[] = await manager.query(
        `WITH k AS (UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 AND account_id = $2 RETURNING *) SELECT ${VIEW} FROM k`,
        [id, actor.accountId],
      );
      if (!rows[0]) throw notFound('API key');
      // The sessions its private key signed in end with it (their rows before any audit write).
      await this.revocation.endSignedInByKey(manager, actor, id, 'API key revoked');
      await this.audit.record(manager, { action: 'client.revoked', accountId: actor.accountId, actor, context: actor.context, details: { apiKeyId: id } });
      return { view: rows[0], nonce: await this.invalidation.publish(manager, { kind: 'c', id }, actor.accountId) };
    });
    // The key, and the sessions it signed in, refused by every instance before we answer.
    await this.invalidation.waitForEcho(nonce);
    return view;
  }

  /**
   * An API key → the client Actor; it may introspect and revoke tokens of its own account. Answered
   * at once when the key is cached (guards need no promise then); the key is hashed once.
   */
  resolve(apiKey: string, context: RequestContext): ClientActor | Promise<ClientActor> {
    if (apiKey.length === 0 || apiKey.length > 256) throw unknownKey();
    const cacheKey = sha256Base64(apiKey);
    return whenReady(this.cache.get(cacheKey) ?? this.load(cacheKey), (key) => this.clientActor(key, context));
  }

  private async load(cacheKey: string): Promise<KeyRow> {
    const epoch = this.cache.epoch;
    const rows: (Omit<KeyRow, 'permissions'> & { permissions: string[] })[] = await this.dataSource.query(
      `SELECT k.id, k.account_id, k.name, k.redirect_url, k.last_used_at, k.created_by, ${credentialPermissionsSql('k.permissions', 'k.created_by')} AS permissions
         FROM api_keys k WHERE k.key_hash = $1 AND k.revoked_at IS NULL`,
      [Buffer.from(cacheKey, 'base64')],
    );
    if (!rows[0]) throw unknownKey();
    const key: KeyRow = { ...rows[0], permissions: new Set(rows[0].permissions) };
    // Only if no invalidation arrived meanwhile (the row may already be stale otherwise).
    this.cache.set(cacheKey, key, epoch);
    return key;
  }

  private clientActor(key: KeyRow, context: RequestContext): ClientActor {
    if (!key.last_used_at || Date.now() - key.last_used_at.getTime() > 60_000) {
      key.last_used_at = new Date();
      void this.dataSource.query('UPDATE api_keys SET last_used_at = now() WHERE id = $1', [key.id]).catch(() => undefined);
    }
    return {
      kind: 'client',
      accountId: key.account_id,
      userId: null,
      sessionId: null,
      sessionNumber: null,
      label: `api-key:${key.name}`,
      permissions: key.permissions,
      context,
      credentialId: key.id,
      redirectUrl: key.redirect_url,
    };
  }
}
