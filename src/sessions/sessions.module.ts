import { Module } from '@nestjs/common';
import { PermissionsModule } from '../permissions/permissions.module.js';
import { PolicyModule } from '../policy/policy.module.js';
import { SessionSignalsModule } from '../receivers/session-signals.module.js';
import { RevocationService } from './revocation.service.js';
import { SessionInvalidationService } from './session-invalidation.service.js';
import { SessionsController } from './sessions.controller.js';
import { SessionsService } from './sessions.service.js';
import { TokenValidatorService } from './token-validator.service.js';

@Module({
  imports: [PermissionsModule, SessionSignalsModule, PolicyModule],
  controllers: [SessionsController],
  providers: [SessionInvalidationService, TokenValidatorService, RevocationService, SessionsService],
  exports: [SessionInvalidationService, TokenValidatorService, RevocationService, SessionsService],
})
export class SessionsModule {}
