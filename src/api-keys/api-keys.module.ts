import { Module } from '@nestjs/common';
import { PermissionsModule } from '../permissions/permissions.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { AccessKeysService } from './access-keys.service.js';
import { ApiKeysController } from './api-keys.controller.js';
import { ApiKeysService } from './api-keys.service.js';
import { SecretsKeyService } from './secrets-key.service.js';
import { SignatureReplayService } from './signature-replay.service.js';

@Module({
  imports: [PermissionsModule, SessionsModule],
  controllers: [ApiKeysController],
  providers: [ApiKeysService, AccessKeysService, SecretsKeyService, SignatureReplayService],
  exports: [ApiKeysService, AccessKeysService, SecretsKeyService, SignatureReplayService],
})
export class ApiKeysModule {}
