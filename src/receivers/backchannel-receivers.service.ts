import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Actor } from '../common/actor.js';
import { notFound } from '../common/error-codes.js';
import { TransactionService } from '../common/transaction.service.js';
import { OutboxService } from '../delivery/outbox.service.js';
import { checkReceiverUrl } from '../delivery/safe-http.js';
import { PERMISSIONS } from '../permissions/permissions.js';
import { PermissionsService } from '../permissions/permissions.service.js';
import { BackchannelReceiverDto, CreateBackchannelReceiverDto } from './dto/backchannel-receiver.dto.js';
import { ReceiverConfig } from './receiver-config.service.js';
import { RECEIVER_KINDS } from './ssf.constants.js';

interface Row {
  id: string;
  audience: string;
  endpoint_url: string;
  status: string;
  description: string | null;
  created_at: Date;
}

const COLUMNS = 'id, audience, endpoint_url, status, description, created_at';

const view = (r: Row): BackchannelReceiverDto => ({
  id: r.id,
  clientId: r.audience,
  backchannelLogoutUri: r.endpoint_url,
  status: r.status,
  description: r.description,
  createdAt: r.created_at,
});

/** OIDC Back-Channel Logout clients of an account: each gets a logout token for every session of the account that ends. */
@Injectable()
export class BackchannelReceiversService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly permissions: PermissionsService,
    private readonly audit: AuditService,
    private readonly config: ReceiverConfig,
    private readonly outbox: OutboxService,
  ) {}

  async create(actor: Actor, dto: CreateBackchannelReceiverDto): Promise<BackchannelReceiverDto> {
    await this.permissions.require(actor, PERMISSIONS.receiversManage, 'backchannel:create');
    const url = await checkReceiverUrl(dto.backchannelLogoutUri, this.config.urlPolicy);
    return this.tx.run(async (manager) => {
      const [row]: Row[] = await manager.query(
        `INSERT INTO receivers (account_id, kind, endpoint_url, audience, events_requested, description, created_by)
         VALUES ($1, $2, $3, $4, '{}', $5, $6) RETURNING ${COLUMNS}`,
        [actor.accountId, RECEIVER_KINDS.backchannel, url.toString(), dto.clientId, dto.description ?? null, actor.userId],
      );
      await this.audit.record(manager, {
        action: 'receiver.created',
        accountId: actor.accountId,
        actor,
        context: actor.context,
        details: { receiverId: row.id, kind: RECEIVER_KINDS.backchannel, clientId: dto.clientId, endpointHost: url.host },
      });
      return view(row);
    });
  }

  async list(actor: Actor): Promise<BackchannelReceiverDto[]> {
    await this.permissions.require(actor, PERMISSIONS.receiversManage, 'backchannel:list');
    const rows: Row[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM receivers WHERE account_id = $1 AND kind = $2 ORDER BY created_at`, [
      actor.accountId,
      RECEIVER_KINDS.backchannel,
    ]);
    return rows.map(view);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.permissions.require(actor, PERMISSIONS.receiversManage, 'backchannel:delete');
    await this.tx.run(async (manager) => {
      const rows: { id: string }[] = await manager.query(`WITH d AS (DELETE FROM receivers WHERE id = $1 AND account_id = $2 AND kind = $3 RETURNING id) SELECT id FROM d`, [
        id,
        actor.accountId,
        RECEIVER_KINDS.backchannel,
      ]);
      if (!rows[0]) throw notFound('Receiver');
      const dropped = await this.outbox.dropPending(manager, id, 'the receiver was deleted');
      await this.audit.record(manager, {
        action: 'receiver.deleted',
        accountId: actor.accountId,
        actor,
        context: actor.context,
        details: { receiverId: id, kind: RECEIVER_KINDS.backchannel, droppedEvents: dropped },
      });
    });
  }
}
