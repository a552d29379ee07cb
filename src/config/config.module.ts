import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfigService } from './app-config.service.js';
import { validateEnvironment } from './env.validation.js';

@Global()
@Module({
  imports: [ConfigModule.forRoot({ isGlobal: true, cache: true, validate: validateEnvironment, ignoreEnvFile: process.env.NODE_ENV === 'test' })],
  providers: [AppConfigService],
  exports: [AppConfigService],
})
export class AppConfigModule {}
