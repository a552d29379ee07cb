import { Module, OnModuleInit } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { AuthModule } from '../../auth/auth.module.js';
import { ErrorDialectRegistry } from '../../common/error-dialect.js';
import { SessionsModule } from '../../sessions/sessions.module.js';
import { RasErrorDialect } from './ras-error.dialect.js';
import { RasSessionController } from './ras-session.controller.js';
import { RasAuthGuard, RasTokenStrategy } from './ras-token.strategy.js';

/** The Parallels RAS dialect: `auth_token` sessions, logoff, ProblemDetails errors. */
@Module({
  imports: [PassportModule, AuthModule, SessionsModule],
  controllers: [RasSessionController],
  providers: [RasTokenStrategy, RasAuthGuard, RasErrorDialect],
})
export class RasModule implements OnModuleInit {
  constructor(
    private readonly registry: ErrorDialectRegistry,
    private readonly dialect: RasErrorDialect,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.dialect);
  }
}
