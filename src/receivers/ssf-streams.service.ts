import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { SecretsKeyService } from '../api-keys/secrets-key.service.js';
import { AuditService } from '../audit/audit.service.js';
import { Actor } from '../common/actor.js';
import { isUuid } from '../common/uuid.js';
import { DomainException, ErrorCode, notFound } from '../common/error-codes.js';
import { TransactionService } from '../common/transaction.service.js';
import { validationFailed } from '../common/validation.pipe.js';
import { OutboxService } from '../delivery/outbox.service.js';
import { checkReceiverUrl } from '../delivery/safe-http.js';
import { PERMISSIONS } from '../permissions/permissions.js';
import { PermissionsService } from '../permissions/permissions.service.js';
import { SigningKeysService } from '../signing/signing-keys.service.js';
import { CreateStreamDto, MAX_ACKS, PollRequestDto, PollResponseDto, StreamConfigurationDto, StreamStatusDto, UpdateStreamDto } from './dto/ssf-stream.dto.js';
import { ReceiverConfig } from './receiver-config.service.js';
import { EVENTS_SUPPORTED, POLL_METHOD, PUSH_METHOD, RECEIVER_KINDS, SSF_VERIFICATION } from './ssf.constants.js';

interface StreamRow {
  id: string;
  kind: string;
  status: string;
  status_reason: string | null;
  endpoint_url: string | null;
  audience: string;
  events_requested: string[];
  subject_format: string | null;
  description: string | null;
}

const STREAM_COLUMNS = 'id, kind, status, status_reason, endpoint_url, audience, events_requested, subject_format, description';
const STREAM_KINDS = [RECEIVER_KINDS.ssfPush, RECEIVER_KINDS.ssfPoll];

/**
 * SSF 1.0 event streams (§8.1): create, read, update, replace, delete, status, subjects, verification,
 * and RFC 8936 polling. A stream belongs to the caller's account and only ever receives events about
 * that account's subjects; managing one takes receivers.manage.
 */
@Injectable()
export class SsfStreamsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly permissions: PermissionsService,
    private readonly audit: AuditService,
    private readonly secrets: SecretsKeyService,
    private readonly outbox: OutboxService,
    private readonly signing: SigningKeysService,
    private readonly config: ReceiverConfig,
  ) {}

  async create(actor: Actor, dto: CreateStreamDto): Promise<StreamConfigurationDto> {
    await this.permissions.require(actor, PERMISSIONS.receiversManage, 'ssf:stream-create');
    const delivery = await this.checkDelivery(dto.delivery);
    const row = await this.tx.run(async (manager) => {
      // The stream's id is its audience: stable for its whole life (SSF: aud cannot be updated).
      const id = randomUUID();
      const [stream]: StreamRow[] = await manager.query(
        `INSERT INTO receivers (id, account_id, kind, endpoint_url, authorization_header, audience, events_requested, subject_format, description, created_by)
         VALUES ($1::uuid, $2, $3, $4, $5, $1::text, $6, $7, $8, $9) RETURNING ${STREAM_COLUMNS}`,
        [id, actor.accountId, delivery.kind, delivery.url, delivery.authorization, this.requested(dto.events_requested), dto.format ?? 'complex', dto.description ?? null, actor.userId],
      );
      await this.record(manager, actor, 'receiver.created', stream);
      return stream;
    });
    return this.view(row);
  }

  async read(actor: Actor, streamId: string | undefined): Promise<StreamConfigurationDto | StreamConfigurationDto[]> {
    await this.permissions.require(actor, PERMISSIONS.receiversManage, 'ssf:stream-read');
    if (streamId) return this.view(await this.find(actor, streamId));
    const rows: StreamRow[] = await this.dataSource.query(`SELECT ${STREAM_COLUMNS} FROM receivers WHERE account_id = $1 AND kind = ANY($2) ORDER BY created_at`, [
      actor.accountId,
      STREAM_KINDS,
    ]);
    return rows.map((r) => this.view(r));
  }

  /** PATCH changes what is given; PUT (`replace`) needs the delivery and resets what is left out. */
  async update(actor: Actor, dto: UpdateStreamDto, replace: boolean): Promise<StreamConfigurationDto> {
    await this.permissions.require(actor, PERMISSIONS.receiversManage, 'ssf:stream-update');
    const current = await this.find(actor, dto.stream_id);
    if (replace && !dto.delivery) throw new DomainException(ErrorCode.VALIDATION_FAILED, 'delivery is required to replace a stream');
    const delivery = dto.delivery ? await this.checkDelivery(dto.delivery) : null;
    if (delivery && delivery.kind !== current.kind) throw new DomainException(ErrorCode.VALIDATION_FAILED, 'A stream cannot change between push and poll delivery');
    const row = await this.tx.run(async (manager) => {
      const [stream]: StreamRow[] = await manager.query(
        `WITH u AS (UPDATE receivers SET
           endpoint_url = CASE WHEN $2 THEN $3 ELSE endpoint_url END,
           authorization_header = CASE WHEN $2 THEN $4 ELSE authorization_header END,
           events_requested = coalesce($5, events_requested),
           subject_format = coalesce($6, subject_format),
           description = CASE WHEN $8 OR $7::text IS NOT NULL THEN $7 ELSE description END,
           updated_at = clock_timestamp()
         WHERE id = $1 RETURNING ${STREAM_COLUMNS}) SELECT * FROM u`,
        [
          current.id,
          delivery !== null,
          delivery?.url ?? null,
          delivery?.authorization ?? null,
          dto.events_requested || replace ? this.requested(dto.events_requested) : null,
          dto.format ?? (replace ? 'complex' : null),
          dto.description ?? null,
          replace,
        ],
      );
      await this.record(manager, actor, 'receiver.updated', stream);
      return stream;
    });
    return this.view(row);
  }

  async remove(actor: Actor, streamId: string): Promise<void> {
    await this.permissions.require(actor, PERMISSIONS.receiversManage, 'ssf:stream-delete');
    const stream = await this.find(actor, streamId);
    await this.tx.run(async (manager) => {
      const dropped = await this.outbox.dropPending(manager, stream.id, 'the stream was deleted');
      await manager.query(`DELETE FROM receivers WHERE id = $1`, [stream.id]);
      await this.record(manager, actor, 'receiver.deleted', stream, { droppedEvents: dropped });
    });
  }

  async status(actor: Actor, streamId: string): Promise<StreamStatusDto> {
    await this.permissions.require(actor, PERMISSIONS.receiversManage, 'ssf:status-read');
    const stream = await this.find(actor, streamId);
    return { stream_id: stream.id, status: stream.status, ...(stream.status_reason ? { reason: stream.status_reason } : {}) };
  }

  /** Paused: events are held until enabled again. Disabled: pending events are dropped and none are written. */
  async setStatus(actor: Actor, streamId: string, status: 'enabled' | 'paused' | 'disabled', reason: string | undefined): Promise<StreamStatusDto> {
    await this.permissions.require(actor, PERMISSIONS.receiversManage, 'ssf:status-update');
    const stream = await this.find(actor, streamId);
    await this.tx.run(async (manager) => {
      const [updated]: StreamRow[] = await manager.query(
        `WITH u AS (UPDATE receivers SET status = $2, status_reason = $3, updated_at = clock_timestamp() WHERE id = $1 RETURNING ${STREAM_COLUMNS}) SELECT * FROM u`,
        [stream.id, status, reason ?? null],
      );
      const dropped = status === 'disabled' ? await this.outbox.dropPending(manager, stream.id, 'the stream was disabled') : 0;
      await this.record(manager, actor, 'receiver.updated', updated, { status, droppedEvents: dropped });
    });
    if (status === 'enabled') this.outbox.wake();
    return { stream_id: stream.id, status, ...(reason ? { reason } : {}) };
  }

  /** Adds (or, with `included` false, removes) a subject of the account to the stream. */
  async subject(actor: Actor, streamId: string, subject: Record<string, unknown>, included: boolean): Promise<void> {
    await this.permissions.require(actor, PERMISSIONS.receiversManage, included ? 'ssf:subject-add' : 'ssf:subject-remove');
    const stream = await this.find(actor, streamId);
    const userId = await this.userOf(actor.accountId, subject);
    await this.dataSource.query(
      `INSERT INTO receiver_subjects (receiver_id, user_id, included) VALUES ($1, $2, $3)
       ON CONFLICT ON CONSTRAINT pk_receiver_subjects DO UPDATE SET included = EXCLUDED.included`,
      [stream.id, userId, included],
    );
  }

  /** Queues a verification event (SSF §8.1.4) behind the stream's other events. */
  async verify(actor: Actor, streamId: string, state: string | undefined): Promise<void> {
    await this.permissions.require(actor, PERMISSIONS.receiversManage, 'ssf:verify');
    const stream = await this.find(actor, streamId);
    if (stream.status === 'disabled') throw new DomainException(ErrorCode.CONFLICT, 'The stream is disabled');
    await this.tx.run((manager) =>
      this.outbox.enqueue(manager, [
        {
          destinationKind: stream.kind,
          destinationId: stream.id,
          accountId: actor.accountId,
          payload: {
            iss: this.config.issuer,
            aud: stream.audience,
            iat: Math.floor(Date.now() / 1000),
            sub_id: { format: 'opaque', id: stream.id },
            events: { [SSF_VERIFICATION]: state === undefined ? {} : { state } },
          },
        },
      ]),
    );
    this.outbox.wake();
  }

  /**
   * RFC 8936: acknowledges what the receiver processed (delivered) or refused (dead, with its error),
   * then answers the next pending SETs, oldest first. Called with an API key of the stream's account.
   * Without returnImmediately, nothing pending holds the request (long polling) until an event for
   * the stream commits on any instance (OutboxService's NOTIFY), at most SSF_POLL_MAX_WAIT_MS.
   */
  async poll(actor: Actor, streamId: string, dto: PollRequestDto): Promise<PollResponseDto> {
    let stream = await this.find(actor, streamId);
    if (stream.kind !== RECEIVER_KINDS.ssfPoll) throw new DomainException(ErrorCode.VALIDATION_FAILED, 'This stream is delivered by push, not poll');
    const max = dto.maxEvents ?? 100;
    const deadline = Date.now() + (dto.returnImmediately === true || max === 0 ? 0 : this.config.pollMaxWaitMs);
    let acknowledging: PollRequestDto = dto;
    for (;;) {
      const remaining = this.outbox.stopping ? 0 : deadline - Date.now();
      // Waiting from before the read: an event committed between the read and the wait still wakes it.
      const waiter = remaining > 0 ? this.outbox.waitForPull(stream.id, remaining) : null;
      const answer = await this.pollOnce(stream, acknowledging, max).catch((error: unknown) => {
        waiter?.stop();
        throw error;
      });
      if (!waiter || Object.keys(answer.sets).length > 0) {
        waiter?.stop();
        return answer;
      }
      acknowledging = {};
      await waiter.done;
      // Read again: paused, enabled or deleted meanwhile.
      stream = await this.find(actor, streamId);
    }
  }

  private async pollOnce(stream: StreamRow, dto: PollRequestDto, max: number): Promise<PollResponseDto> {
    const refused = Object.entries(dto.setErrs ?? {});
    // As many as `ack` may carry: one request never holds its transaction for an unbounded list.
    if (refused.length > MAX_ACKS) throw validationFailed([{ field: 'setErrs', problems: [`setErrs must contain no more than ${MAX_ACKS} elements`] }]);
    return this.tx.run(async (manager) => {
      if (dto.ack?.length) {
        await manager.query(
          `UPDATE outbox SET status = 'delivered', delivered_at = clock_timestamp() WHERE destination_id = $1 AND jti = ANY($2::uuid[]) AND status = 'pending'`,
          [stream.id, dto.ack],
        );
      }
      if (refused.length > 0) {
        await manager.query(
          `UPDATE outbox o SET status = 'dead', last_error = v.e FROM unnest($2::text[], $3::text[]) AS v(j, e)
            WHERE o.destination_id = $1 AND o.jti::text = v.j AND o.status = 'pending'`,
          [stream.id, refused.map(([jti]) => jti), refused.map(([, error]) => `${error?.err ?? 'refused'}: ${error?.description ?? ''}`.slice(0, 500))],
        );
      }
      if (max === 0 || stream.status !== 'enabled') return { sets: {}, moreAvailable: false };
      const rows: { id: string; jti: string; payload: Record<string, unknown> }[] = await manager.query(
        `WITH u AS (UPDATE outbox o SET attempts = attempts + 1, last_attempt_at = clock_timestamp()
          WHERE o.id IN (SELECT id FROM outbox WHERE destination_id = $1 AND status = 'pending' ORDER BY id LIMIT $2 + 1 FOR UPDATE SKIP LOCKED)
        RETURNING o.id, o.jti, o.payload) SELECT * FROM u`,
        [stream.id, max],
      );
      rows.sort((a, b) => Number(a.id) - Number(b.id));
      const sets: Record<string, string> = {};
      for (const row of rows.slice(0, max)) sets[row.jti] = await this.signing.sign({ ...row.payload, jti: row.jti }, 'secevent+jwt');
      return { sets, moreAvailable: rows.length > max };
    });
  }

  /** A stream of the caller's account; any other id (another account's included) is not found. */
  private async find(actor: Actor, streamId: string): Promise<StreamRow> {
    const rows: StreamRow[] = await this.dataSource.query(`SELECT ${STREAM_COLUMNS} FROM receivers WHERE id = $1 AND account_id = $2 AND kind = ANY($3)`, [
      streamId,
      actor.accountId,
      STREAM_KINDS,
    ]);
    if (!rows[0]) throw notFound('Stream');
    return rows[0];
  }

  private async checkDelivery(delivery: CreateStreamDto['delivery']): Promise<{ kind: string; url: string | null; authorization: Buffer | null }> {
    if (delivery.method === POLL_METHOD) return { kind: RECEIVER_KINDS.ssfPoll, url: null, authorization: null };
    if (delivery.method !== PUSH_METHOD || !delivery.endpoint_url) throw new DomainException(ErrorCode.VALIDATION_FAILED, 'Push delivery needs delivery.endpoint_url');
    const url = await checkReceiverUrl(delivery.endpoint_url, this.config.urlPolicy);
    return { kind: RECEIVER_KINDS.ssfPush, url: url.toString(), authorization: delivery.authorization_header ? this.secrets.encrypt(delivery.authorization_header) : null };
  }

  /** Requested event types, by default every supported one. */
  private requested(events: string[] | undefined): string[] {
    return events ? [...new Set(events)] : [...EVENTS_SUPPORTED];
  }

  private async userOf(accountId: string, subject: Record<string, unknown>): Promise<string> {
    const simple = (subject.format === 'complex' ? subject.user : subject) as Record<string, unknown> | undefined;
    const invalid = () => new DomainException(ErrorCode.VALIDATION_FAILED, 'subject must be an opaque (user id), iss_sub or email subject identifier, or complex with a user member');
    if (!simple || typeof simple !== 'object') throw invalid();
    let rows: { id: string }[];
    const id = simple.format === 'opaque' ? simple.id : simple.format === 'iss_sub' && simple.iss === this.config.issuer ? simple.sub : undefined;
    if (typeof id === 'string' && isUuid(id)) {
      rows = await this.dataSource.query(`SELECT id FROM users WHERE id = $1 AND account_id = $2`, [id, accountId]);
    } else if (simple.format === 'email' && typeof simple.email === 'string') {
      rows = await this.dataSource.query(`SELECT id FROM users WHERE lower(email) = lower($1) AND account_id = $2`, [simple.email, accountId]);
    } else throw invalid();
    if (!rows[0]) throw notFound('Subject');
    return rows[0].id;
  }

  private async record(manager: EntityManager, actor: Actor, action: 'receiver.created' | 'receiver.updated' | 'receiver.deleted', stream: StreamRow, extra: Record<string, unknown> = {}): Promise<void> {
    await this.audit.record(manager, {
      action,
      accountId: actor.accountId,
      actor,
      context: actor.context,
      // The host only: a URL's path or query may carry a secret of the receiver's.
      details: { receiverId: stream.id, kind: stream.kind, endpointHost: stream.endpoint_url ? new URL(stream.endpoint_url).host : null, ...extra },
    });
  }

  private view(row: StreamRow): StreamConfigurationDto {
    const requested = row.events_requested;
    return {
      stream_id: row.id,
      iss: this.config.issuer,
      aud: row.audience,
      events_supported: [...EVENTS_SUPPORTED],
      events_requested: requested,
      events_delivered: requested.filter((e) => (EVENTS_SUPPORTED as readonly string[]).includes(e)),
      delivery: {
        method: row.kind === RECEIVER_KINDS.ssfPoll ? POLL_METHOD : PUSH_METHOD,
        endpoint_url: row.kind === RECEIVER_KINDS.ssfPoll ? `${this.config.issuer}/ssf/poll/${row.id}` : row.endpoint_url,
      },
      format: row.subject_format ?? 'complex',
      description: row.description,
      min_verification_interval: 0,
    };
  }
}
