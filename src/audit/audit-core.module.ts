import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service.js';

/** The audit writer every module records through (global: everything audits). */
@Global()
@Module({ providers: [AuditService], exports: [AuditService] })
export class AuditCoreModule {}
