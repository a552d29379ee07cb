import { Module, OnModuleInit } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { ApiKeysModule } from '../../api-keys/api-keys.module.js';
import { ErrorDialectRegistry } from '../../common/error-dialect.js';
import { PermissionsModule } from '../../permissions/permissions.module.js';
import { SessionsModule } from '../../sessions/sessions.module.js';
import { UsersModule } from '../../users/users.module.js';
import { COMPAT_PREFIXES } from '../compat-prefixes.js';
import { ChimeErrorDialect } from './chime-error.dialect.js';
import { AmznRequestIdInterceptor } from './chime-request-id.interceptor.js';
import { ChimeUsersController } from './chime-users.controller.js';
import { ChimeUsersService } from './chime-users.service.js';
import { ChimeAuthGuard, SigV4Strategy } from './sigv4.strategy.js';

/** The Amazon Chime dialect: SigV4 access keys, LogoutUser/GetUser, restJson1 errors. */
@Module({
  imports: [PassportModule, ApiKeysModule, PermissionsModule, SessionsModule, UsersModule],
  controllers: [ChimeUsersController],
  providers: [SigV4Strategy, ChimeAuthGuard, AmznRequestIdInterceptor, ChimeUsersService],
})
export class ChimeModule implements OnModuleInit {
  constructor(private readonly dialects: ErrorDialectRegistry) {}

  onModuleInit(): void {
    this.dialects.register(new ChimeErrorDialect(COMPAT_PREFIXES.chime));
  }
}
