import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfigService } from './app-config.service.js';
import { validateEnvironment } from './env.validation.js';

// Reads `.env` (outside tests) and validates the environment as soon as this file is imported, before
// an entry point's own code runs. Without a handler here a bad setting would surface as Node's
// unhandled rejection, stack trace and all; entry points await configurationLoaded() instead.
const configRoot = ConfigModule.forRoot({ isGlobal: true, cache: true, validate: validateEnvironment, ignoreEnvFile: process.env.NODE_ENV === 'test' });
configRoot.catch(() => undefined);

/** Resolves once the environment is loaded and valid; rejects with the list of every bad key. */
export async function configurationLoaded(): Promise<void> {
  await configRoot;
}

@Global()
@Module({
  imports: [configRoot],
  providers: [AppConfigService],
  exports: [AppConfigService],
})
export class AppConfigModule {}
