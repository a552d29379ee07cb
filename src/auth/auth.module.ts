import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { ApiKeysModule } from '../api-keys/api-keys.module.js';
import { PermissionsModule } from '../permissions/permissions.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { UsersModule } from '../users/users.module.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { ApiKeyStrategy } from './guards/api-key.strategy.js';
import { BearerStrategy } from './guards/bearer.strategy.js';
import { LoginThrottlerGuard } from './guards/login-throttler.guard.js';

@Module({
  imports: [PassportModule, UsersModule, SessionsModule, ApiKeysModule, PermissionsModule],
  controllers: [AuthController],
  providers: [AuthService, BearerStrategy, ApiKeyStrategy, LoginThrottlerGuard],
  exports: [AuthService, LoginThrottlerGuard],
})
export class AuthModule {}
