import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module.js';
import { InvalidationStreamController } from './invalidation-stream.controller.js';
import { InvalidationStreamService } from './invalidation-stream.service.js';
import { OAuthController } from './oauth.controller.js';
import { OAuthService } from './oauth.service.js';

@Module({ imports: [SessionsModule], controllers: [OAuthController, InvalidationStreamController], providers: [OAuthService, InvalidationStreamService] })
export class OAuthModule {}
