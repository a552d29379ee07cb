import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor } from '../common/actor.js';
import { preparedQuery, PreparedStatement } from '../database/prepared-query.js';
import { OutboxEntry } from '../delivery/delivery.types.js';
import { OutboxService } from '../delivery/outbox.service.js';
import { FanOut } from './backchannel-fan-out.js';
import { ReceiverConfig } from './receiver-config.service.js';
import { BACKCHANNEL_LOGOUT, RECEIVER_KINDS, SESSION_REVOKED, SubjectFormat } from './ssf.constants.js';

/** A committed-with-it revocation, as the signals to receivers need it. */
export interface RevokedSessions {
  accountId: string;
  auditEventId: string;
  action: string;
  /** What ended: one session (or a device's, or a key's: listed), every session of a user, or of the account. */
  scope: 'session' | 'device' | 'user' | 'account' | 'client';
  targetUserId: string | null;
  sessionIds: string[];
  reason: string | null;
  effectiveAt: Date;
}

/** A receiver a revocation's events go to (receiversOfSql's rows). */
export interface ReceiverRow {
  id: string;
  kind: string;
  audience: string;
  subject_format: SubjectFormat | null;
  email: string | null;
}

/**
 * The account's receivers that take an event of type `eventType` about user `user` (null: every
 * subject), with the user's email, as one SELECT; its arguments are SQL expressions (parameters).
 */
export function receiversOfSql(account: string, user: string, eventType: string): string {
  return `SELECT r.id, r.kind, r.audience, r.subject_format, (SELECT email FROM users WHERE id = ${user}) AS email
           FROM receivers r
          WHERE r.account_id = ${account} AND r.status <> 'disabled'
            AND (r.kind = 'backchannel' OR ${eventType} = ANY(r.events_requested))
            AND (${user} IS NULL
                 OR EXISTS (SELECT 1 FROM receiver_subjects s WHERE s.receiver_id = r.id AND s.user_id = ${user} AND s.included)
                 OR (r.all_subjects AND NOT EXISTS (SELECT 1 FROM receiver_subjects s WHERE s.receiver_id = r.id AND s.user_id = ${user} AND NOT s.included)))
          ORDER BY r.id`;
}

/** The account's receivers that take a session-revoked event about user $2 (null: every subject), and the user's email. */
const RECEIVERS_OF: PreparedStatement = { name: 'signals.receivers-of', text: receiversOfSql('$1::uuid', '$2::uuid', '$3::text') };

type InitiatingEntity = 'admin' | 'user' | 'policy' | 'system';

/** CAEP's initiating_entity: who caused the revocation. */
export function initiatingEntity(actor: Actor, action: string, targetUserId: string | null): InitiatingEntity {
  if (action === 'session.refresh_reuse' || action === 'session.policy_logout') return 'policy';
  if (actor.kind === 'system') return 'system';
  if (actor.userId !== null && actor.userId === targetUserId) return 'user';
  return 'admin';
}

/**
 * Turns a revocation into outbox rows, in the revocation's transaction: one session-revoked SET per
 * subscribed SSF stream of the account (per session when sessions were ended one by one), one
 * back-channel logout token per back-channel client (an account-wide logout: one row per client,
 * expanded per user when delivered, so the transaction writes O(receivers) rows). Only the account's own receivers, and of a
 * stream only the subjects it did not remove.
 */
@Injectable()
export class SessionSignalsService {
  constructor(
    private readonly outbox: OutboxService,
    private readonly config: ReceiverConfig,
  ) {}

  /**
   * How many outbox rows it wrote (none: nothing to wake a dispatcher for). `receivers`: the
   * receivers' rows when the caller's statement read them already (receiversOfSql), else looked up.
   */
  async revoked(manager: EntityManager, actor: Actor, revoked: RevokedSessions, receivers?: ReceiverRow[]): Promise<number> {
    receivers ??= await preparedQuery<ReceiverRow>(manager, RECEIVERS_OF, [revoked.accountId, revoked.targetUserId, SESSION_REVOKED]);
    if (receivers.length === 0) return 0;
    const entries: OutboxEntry[] = [];
    const entity = initiatingEntity(actor, revoked.action, revoked.targetUserId);
    const perSession = revoked.scope === 'session' || revoked.scope === 'device' || revoked.scope === 'client';
    for (const receiver of receivers) {
      const entry = (payload: Record<string, unknown>): OutboxEntry => ({
        destinationKind: receiver.kind,
        destinationId: receiver.id,
        accountId: revoked.accountId,
        auditEventId: revoked.auditEventId,
        payload,
      });
      if (receiver.kind === RECEIVER_KINDS.backchannel) {
        // One row, expanded into a token per user of the account when it is delivered (backchannel-fan-out.ts).
        if (revoked.scope === 'account') entries.push(entry({ ...this.logoutClaims(receiver, null, null), fanOut: this.accountFanOut(revoked) }));
        else if (perSession) for (const sid of revoked.sessionIds) entries.push(entry(this.logoutClaims(receiver, revoked.targetUserId, sid)));
        else entries.push(entry(this.logoutClaims(receiver, revoked.targetUserId, null)));
        continue;
      }
      const subjects = revoked.scope === 'account' ? [this.tenantSubject(revoked.accountId)] : perSession
        ? revoked.sessionIds.map((sid) => this.sessionSubject(receiver, revoked, sid))
        : [this.userSubject(receiver, revoked)];
      for (const subId of subjects) entries.push(entry(this.setClaims(receiver, revoked, entity, subId)));
    }
    return this.outbox.enqueue(manager, entries);
  }

  /** After the revocation's commit: this instance's dispatcher looks now rather than at its next poll. */
  committed(): void {
    this.outbox.wake();
  }

  /** The SET's claims but its jti (the outbox row's, added when it is signed). */
  private setClaims(receiver: ReceiverRow, revoked: RevokedSessions, entity: InitiatingEntity, subId: Record<string, unknown>): Record<string, unknown> {
    return {
      iss: this.config.issuer,
      aud: receiver.audience,
      iat: Math.floor(Date.now() / 1000),
      txn: revoked.auditEventId,
      sub_id: subId,
      events: {
        [SESSION_REVOKED]: {
          event_timestamp: Math.floor(revoked.effectiveAt.getTime() / 1000),
          initiating_entity: entity,
          reason_admin: { en: revoked.reason ?? revoked.action },
        },
      },
    };
  }

  /** A logout token's claims but iat, exp and jti, set when it is signed (a retried token must not arrive expired). */
  private logoutClaims(receiver: ReceiverRow, sub: string | null, sid: string | null): Record<string, unknown> {
    return { iss: this.config.issuer, aud: receiver.audience, ...(sub ? { sub } : {}), ...(sid ? { sid } : {}), events: { [BACKCHANNEL_LOGOUT]: {} } };
  }

  private userId(receiver: ReceiverRow, userId: string): Record<string, unknown> {
    switch (receiver.subject_format) {
      case 'opaque':
        return { format: 'opaque', id: userId };
      case 'email':
        if (receiver.email) return { format: 'email', email: receiver.email };
        return { format: 'iss_sub', iss: this.config.issuer, sub: userId };
      default:
        return { format: 'iss_sub', iss: this.config.issuer, sub: userId };
    }
  }

  private userSubject(receiver: ReceiverRow, revoked: RevokedSessions): Record<string, unknown> {
    const user = this.userId(receiver, revoked.targetUserId as string);
    if (receiver.subject_format && receiver.subject_format !== 'complex') return user;
    return { format: 'complex', user, tenant: { format: 'opaque', id: revoked.accountId } };
  }

  private sessionSubject(receiver: ReceiverRow, revoked: RevokedSessions, sessionId: string): Record<string, unknown> {
    return {
      format: 'complex',
      session: { format: 'opaque', id: sessionId },
      ...(revoked.targetUserId ? { user: this.userId(receiver, revoked.targetUserId) } : {}),
      tenant: { format: 'opaque', id: revoked.accountId },
    };
  }

  private tenantSubject(accountId: string): Record<string, unknown> {
    return { format: 'complex', tenant: { format: 'opaque', id: accountId } };
  }

  /**
   * Every user of the account up to the revocation. Rounded up to the next millisecond (the time is a
   * Date): a user created in that millisecond after it gets a token too, which ends nothing of theirs
   * that is not already ended.
   */
  private accountFanOut(revoked: RevokedSessions): FanOut {
    return { users: 'account', accountId: revoked.accountId, createdUpTo: new Date(revoked.effectiveAt.getTime() + 1).toISOString() };
  }
}
