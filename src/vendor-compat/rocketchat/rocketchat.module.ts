import { Module, OnModuleInit } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module.js';
import { ErrorDialectRegistry } from '../../common/error-dialect.js';
import { SessionsModule } from '../../sessions/sessions.module.js';
import { COMPAT_PREFIXES } from '../compat-prefixes.js';
import { RocketChatAuthGuard } from './rocketchat-auth.guard.js';
import { RocketChatErrorDialect } from './rocketchat-error.dialect.js';
import { RocketChatController } from './rocketchat.controller.js';
import { RocketChatService } from './rocketchat.service.js';

/** The Rocket.Chat dialect: /api/v1/login, /api/v1/logout, /api/v1/users.logout. */
@Module({
  imports: [AuthModule, SessionsModule],
  controllers: [RocketChatController],
  providers: [RocketChatService, RocketChatAuthGuard],
})
export class RocketChatModule implements OnModuleInit {
  constructor(private readonly dialects: ErrorDialectRegistry) {}

  onModuleInit(): void {
    this.dialects.register(new RocketChatErrorDialect(COMPAT_PREFIXES.rocketchat));
  }
}
