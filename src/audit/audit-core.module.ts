import { Global, Module } from '@nestjs/common';
import { AuditStreamCache } from './audit-stream-cache.service.js';
import { AuditService } from './audit.service.js';

/** The audit writer every module records through (global: everything audits). */
@Global()
@Module({ providers: [AuditService, AuditStreamCache], exports: [AuditService, AuditStreamCache] })
export class AuditCoreModule {}
