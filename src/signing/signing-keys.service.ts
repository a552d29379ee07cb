import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, JWK, JWTPayload, SignJWT } from 'jose';
import { DataSource, EntityManager } from 'typeorm';
import { SecretsKeyService } from '../api-keys/secrets-key.service.js';
import { AuditService } from '../audit/audit.service.js';
import { Actor } from '../common/actor.js';
import { PERMISSIONS } from '../permissions/permissions.js';
import { PermissionsService } from '../permissions/permissions.service.js';

const ALG = 'EdDSA';
/** How long an instance signs with the key it last read as active; another instance's rotation shows within this. */
const ACTIVE_KEY_TTL_MS = 10_000;

interface ActiveKey {
  kid: string;
  key: Awaited<ReturnType<typeof importJWK>>;
  readAt: number;
}

export interface RotationResult {
  kid: string;
  /** The keys published in the JWKS: the new one and the one it replaced (until retired). */
  published: string[];
}

/**
 * The keys that sign what leaves the service (SETs, logout tokens): Ed25519, generated on first start,
 * the private half encrypted at rest with the secrets key. One key is active; rotation makes a new one
 * active and keeps the old one `retiring` (still in the JWKS, so events signed just before verify).
 */
@Injectable()
export class SigningKeysService implements OnApplicationBootstrap {
  private active: ActiveKey | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly secrets: SecretsKeyService,
    private readonly permissions: PermissionsService,
    private readonly audit: AuditService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('signing_keys'))`);
      const rows: unknown[] = await manager.query(`SELECT 1 FROM signing_keys WHERE status = 'active'`);
      if (rows.length === 0) await this.insertKey(manager);
    });
  }

  /** The public keys receivers verify with (RFC 7517). */
  async jwks(): Promise<{ keys: JWK[] }> {
    const rows: { public_jwk: JWK }[] = await this.dataSource.query(
      `SELECT public_jwk FROM signing_keys WHERE status IN ('active', 'retiring') ORDER BY created_at DESC`,
    );
    return { keys: rows.map((r) => r.public_jwk) };
  }

  /** A signed JWT of these claims with this `typ` (secevent+jwt, logout+jwt). */
  async sign(claims: JWTPayload, typ: string): Promise<string> {
    const { kid, key } = await this.activeKey();
    return new SignJWT(claims).setProtectedHeader({ alg: ALG, typ, kid }).sign(key);
  }

  /** Makes a new key active; the previous one stays published as `retiring`, older retiring ones are retired. */
  async rotate(actor: Actor): Promise<RotationResult> {
    await this.permissions.require(actor, PERMISSIONS.accountsManage, 'signing-keys:rotate');
    const kid = await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('signing_keys'))`);
      await manager.query(`UPDATE signing_keys SET status = 'retired', retired_at = clock_timestamp() WHERE status = 'retiring'`);
      await manager.query(`UPDATE signing_keys SET status = 'retiring' WHERE status = 'active'`);
      const created = await this.insertKey(manager);
      await this.audit.record(manager, { action: 'signing_key.rotated', accountId: actor.accountId, actor, context: actor.context, details: { kid: created } });
      return created;
    });
    this.active = null;
    const published = ((await this.jwks()).keys.map((k) => k.kid).filter(Boolean) as string[]);
    return { kid, published };
  }

  private async insertKey(manager: EntityManager): Promise<string> {
    const { privateKey, publicKey } = await generateKeyPair(ALG, { crv: 'Ed25519', extractable: true });
    const publicJwk = await exportJWK(publicKey);
    const kid = await calculateJwkThumbprint(publicJwk);
    const privateJwk = await exportJWK(privateKey);
    await manager.query(`INSERT INTO signing_keys (kid, alg, private_jwk, public_jwk, status) VALUES ($1, $2, $3, $4, 'active')`, [
      kid,
      ALG,
      this.secrets.encrypt(JSON.stringify({ ...privateJwk, kid })),
      JSON.stringify({ ...publicJwk, kid, alg: ALG, use: 'sig' }),
    ]);
    return kid;
  }

  private async activeKey(): Promise<ActiveKey> {
    if (this.active && Date.now() - this.active.readAt < ACTIVE_KEY_TTL_MS) return this.active;
    const rows: { kid: string; private_jwk: Buffer }[] = await this.dataSource.query(`SELECT kid, private_jwk FROM signing_keys WHERE status = 'active'`);
    if (!rows[0]) throw new Error('no active signing key');
    if (this.active?.kid === rows[0].kid) {
      this.active.readAt = Date.now();
      return this.active;
    }
    const jwk = JSON.parse(this.secrets.decrypt(rows[0].private_jwk)) as JWK;
    this.active = { kid: rows[0].kid, key: await importJWK(jwk, ALG), readAt: Date.now() };
    return this.active;
  }
}
