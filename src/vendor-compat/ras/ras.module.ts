import { Module, OnModuleInit } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module.js';
import { ErrorDialectRegistry } from '../../common/error-dialect.js';
import { SessionsModule } from '../../sessions/sessions.module.js';
import { COMPAT_PREFIXES } from '../compat-prefixes.js';
import { RasErrorDialect } from './ras-error.dialect.js';
import { RasSessionController } from './ras-session.controller.js';
import { RasAuthGuard } from './ras-auth.guard.js';

/** The Parallels RAS dialect: `auth_token` sessions, logoff, ProblemDetails errors. */
@Module({
  imports: [AuthModule, SessionsModule],
  controllers: [RasSessionController],
  providers: [RasAuthGuard],
})
export class RasModule implements OnModuleInit {
  constructor(private readonly dialects: ErrorDialectRegistry) {}

  onModuleInit(): void {
    this.dialects.register(new RasErrorDialect(COMPAT_PREFIXES.ras));
  }
}
