import { Module, OnModuleInit } from '@nestjs/common';
import { ApiKeysModule } from '../../api-keys/api-keys.module.js';
import { AuthModule } from '../../auth/auth.module.js';
import { ErrorDialectRegistry } from '../../common/error-dialect.js';
import { SessionsModule } from '../../sessions/sessions.module.js';
import { COMPAT_PREFIXES } from '../compat-prefixes.js';
import { UberallClientGuard, UberallUserGuard } from './uberall-auth.guard.js';
import { UberallErrorDialect } from './uberall-error.dialect.js';
import { UberallController } from './uberall.controller.js';
import { UberallService } from './uberall.service.js';

/** The Uberall dialect: /users/login, /users/logout, /users/{id}/all-sessions. */
@Module({
  imports: [AuthModule, ApiKeysModule, SessionsModule],
  controllers: [UberallController],
  providers: [UberallService, UberallClientGuard, UberallUserGuard],
})
export class UberallModule implements OnModuleInit {
  constructor(private readonly dialects: ErrorDialectRegistry) {}

  onModuleInit(): void {
    this.dialects.register(new UberallErrorDialect(COMPAT_PREFIXES.uberall));
  }
}
