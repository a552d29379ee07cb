import { Module, OnModuleInit } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module.js';
import { ErrorDialectRegistry } from '../../common/error-dialect.js';
import { SessionsModule } from '../../sessions/sessions.module.js';
import { COMPAT_PREFIXES } from '../compat-prefixes.js';
import { ZapAuthGuard } from './zap-auth.guard.js';
import { ZapErrorDialect } from './zap-error.dialect.js';
import { ZapController } from './zap.controller.js';
import { ZapService } from './zap.service.js';

/** The ZAP dialect: /v1/login, PUT and GET /v1/users/logout/:id. */
@Module({
  imports: [AuthModule, SessionsModule],
  controllers: [ZapController],
  providers: [ZapService, ZapAuthGuard],
})
export class ZapModule implements OnModuleInit {
  constructor(private readonly dialects: ErrorDialectRegistry) {}

  onModuleInit(): void {
    this.dialects.register(new ZapErrorDialect(COMPAT_PREFIXES.zap));
  }
}
