import { Global, Module } from '@nestjs/common';
import { ApiKeysModule } from '../api-keys/api-keys.module.js';
import { PermissionsModule } from '../permissions/permissions.module.js';
import { PolicyModule } from '../policy/policy.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { UsersModule } from '../users/users.module.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { LoginThrottleService } from './login-throttle.service.js';

/** Global: the guards in front of every module's endpoints need AuthService and ApiKeysService. */
@Global()
@Module({
  imports: [UsersModule, SessionsModule, ApiKeysModule, PermissionsModule, PolicyModule],
  controllers: [AuthController],
  providers: [AuthService, LoginThrottleService],
  exports: [AuthService, LoginThrottleService, ApiKeysModule],
})
export class AuthModule {}
