import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SecretsKeyService } from '../api-keys/secrets-key.service.js';
import { DeliveryRegistry } from '../delivery/delivery-registry.service.js';
import { DeliveryContext, DeliveryKind, DeliveryResult, OutboxRow } from '../delivery/delivery.types.js';
import { postGuarded } from '../delivery/safe-http.js';
import { SigningKeysService } from '../signing/signing-keys.service.js';
import { deliverFanOut, fanOutOf } from './backchannel-fan-out.js';
import { ReceiverConfig } from './receiver-config.service.js';
import { LOGOUT_TOKEN_TTL_SECONDS, RECEIVER_KINDS } from './ssf.constants.js';

interface Target {
  status: 'enabled' | 'paused' | 'disabled';
  endpoint_url: string | null;
  authorization_header: Buffer | null;
}

/**
 * The receivers' destination kinds: an SSF push stream gets a SET (RFC 8417) POSTed as
 * application/secevent+jwt (RFC 8935, 202 expected), a back-channel client a logout token POSTed
 * form-encoded (OIDC Back-Channel Logout 1.0). A poll stream's rows wait for the receiver to fetch them.
 */
@Injectable()
export class ReceiverDeliveryKinds implements OnModuleInit {
  constructor(
    private readonly registry: DeliveryRegistry,
    private readonly dataSource: DataSource,
    private readonly secrets: SecretsKeyService,
    private readonly signing: SigningKeysService,
    private readonly config: ReceiverConfig,
  ) {}

  onModuleInit(): void {
    const push: DeliveryKind = { kind: RECEIVER_KINDS.ssfPush, deliver: (row, context) => this.deliverSet(row, context) };
    const backchannel: DeliveryKind = { kind: RECEIVER_KINDS.backchannel, deliver: (row, context) => this.deliverLogoutToken(row, context) };
    const poll: DeliveryKind = { kind: RECEIVER_KINDS.ssfPoll, pull: true, deliver: async () => ({ outcome: 'hold' }) };
    for (const kind of [push, backchannel, poll]) this.registry.register(kind);
  }

  /**
   * The receiver as it stands, read once per claim of the dispatcher (a head and the rows after it):
   * a pause, a disable or a new URL applies from the next claim.
   */
  private async target(row: OutboxRow, context: DeliveryContext): Promise<Target | { outcome: 'dead' | 'hold'; error: string }> {
    const sql = `SELECT status, endpoint_url, authorization_header FROM receivers WHERE id = $1`;
    const rows = await context.once(`receiver:${row.destinationId}`, () => context.query<Target>(sql, [row.destinationId]));
    const target = rows[0];
    if (!target) return { outcome: 'dead', error: 'the receiver was deleted' };
    if (target.status === 'disabled') return { outcome: 'dead', error: 'the receiver is disabled' };
    if (target.status === 'paused') return { outcome: 'hold', error: '' };
    if (!target.endpoint_url) return { outcome: 'dead', error: 'the receiver has no endpoint' };
    return target;
  }

  private async deliverSet(row: OutboxRow, context: DeliveryContext): Promise<DeliveryResult> {
    const target = await this.target(row, context);
    if ('outcome' in target) return target.outcome === 'hold' ? { outcome: 'hold' } : target;
    const set = await this.signing.sign({ ...row.payload, jti: row.jti }, 'secevent+jwt');
    const headers: Record<string, string> = { 'content-type': 'application/secevent+jwt', accept: 'application/json' };
    if (target.authorization_header) headers.authorization = this.secrets.decrypt(target.authorization_header);
    const res = await postGuarded(target.endpoint_url as string, headers, set, this.config.timeoutMs, this.config.urlPolicy);
    if (res.status >= 200 && res.status < 300) return { outcome: 'delivered' };
    // RFC 8935 §2.3: a 400 says this SET was refused (its `err` says why): sending it again cannot help.
    if (res.status === 400) return { outcome: 'dead', error: `HTTP 400 ${res.body}`.trim() };
    return { outcome: 'retry', error: `HTTP ${res.status} ${res.body}`.trim() };
  }

  /** One logout token, or one per user of the account for an account-wide logout's row (backchannel-fan-out.ts). */
  private async deliverLogoutToken(row: OutboxRow, context: DeliveryContext): Promise<DeliveryResult> {
    const target = await this.target(row, context);
    if ('outcome' in target) return target.outcome === 'hold' ? { outcome: 'hold' } : target;
    const fanOut = fanOutOf(row);
    if (!fanOut) return this.postLogoutToken(target, row.payload, row.jti);
    const { fanOut: _, ...claims } = row.payload;
    return deliverFanOut(this.dataSource, row, fanOut, (sub, jti) => this.postLogoutToken(target, { ...claims, sub }, jti));
  }

  private async postLogoutToken(target: Target, claims: Record<string, unknown>, jti: string): Promise<DeliveryResult> {
    const iat = Math.floor(Date.now() / 1000);
    const token = await this.signing.sign({ ...claims, jti, iat, exp: iat + LOGOUT_TOKEN_TTL_SECONDS }, 'logout+jwt');
    const headers = { 'content-type': 'application/x-www-form-urlencoded', 'cache-control': 'no-cache, no-store' };
    const res = await postGuarded(target.endpoint_url as string, headers, new URLSearchParams({ logout_token: token }).toString(), this.config.timeoutMs, this.config.urlPolicy);
    if (res.status >= 200 && res.status < 300) return { outcome: 'delivered' };
    return { outcome: 'retry', error: `HTTP ${res.status} ${res.body}`.trim() };
  }
}
