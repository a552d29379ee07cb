import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../api-keys/api-keys.module.js';
import { PermissionsModule } from '../permissions/permissions.module.js';
import { SessionSignalsModule } from '../receivers/session-signals.module.js';
import { AuditStreamDeliveryKinds } from './audit-stream-delivery.kinds.js';
import { AuditStreamsController } from './audit-streams.controller.js';
import { AuditStreamsService } from './audit-streams.service.js';

/**
 * The account's audit trail streamed to its SIEM (HTTP NDJSON, Splunk HEC, syslog): streams managed
 * here, their events written to the outbox by the audit writer, delivered by the one dispatcher.
 */
@Module({
  imports: [PermissionsModule, ApiKeysModule, SessionSignalsModule],
  controllers: [AuditStreamsController],
  providers: [AuditStreamsService, AuditStreamDeliveryKinds],
})
export class AuditStreamsModule {}
