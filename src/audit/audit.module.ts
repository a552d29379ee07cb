import { Module } from '@nestjs/common';
import { PermissionsModule } from '../permissions/permissions.module.js';
import { AuditQueryService } from './audit-query.service.js';
import { AuditController } from './audit.controller.js';

@Module({
  imports: [PermissionsModule],
  controllers: [AuditController],
  providers: [AuditQueryService],
  exports: [AuditQueryService],
})
export class AuditModule {}
