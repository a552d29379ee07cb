import { Module } from '@nestjs/common';
import { PermissionsModule } from '../permissions/permissions.module.js';
import { AuditCheckpointService } from './audit-checkpoint.service.js';
import { AuditExportService } from './audit-export.service.js';
import { AuditQueryService } from './audit-query.service.js';
import { AuditRetentionService } from './audit-retention.service.js';
import { AuditSummaryService } from './audit-summary.service.js';
import { AuditVerifyService } from './audit-verify.service.js';
import { AuditController } from './audit.controller.js';

@Module({
  imports: [PermissionsModule],
  controllers: [AuditController],
  providers: [AuditQueryService, AuditExportService, AuditSummaryService, AuditVerifyService, AuditRetentionService, AuditCheckpointService],
})
export class AuditModule {}
