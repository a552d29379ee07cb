import 'reflect-metadata';
import { createApp } from './app.factory.js';
import { bootLogLevel, createRootLogger } from './common/logger.js';
import { AppConfigService } from './config/app-config.service.js';
import { configurationLoaded } from './config/config.module.js';
import { resolveDatabaseUrl } from './database/database-url.js';

// Lines written before the app (and its validated config) exist are JSON too, through the same logger.
const root = createRootLogger(bootLogLevel(process.env.LOG_LEVEL));
const boot = root.child({ context: 'Bootstrap' });

async function main(): Promise<void> {
  // A bad setting stops here, before an embedded Postgres is started for nothing.
  await configurationLoaded();
  const embedded = await resolveDatabaseUrl();
  const app = await createApp({ logger: root });
  const config = app.get(AppConfigService);
  await app.listen({ port: config.get('PORT'), host: config.get('HOST') });
  // Say where the Swagger UI is only when it is served.
  const docs = config.get('SWAGGER_ENABLED') ? '/docs' : 'off (SWAGGER_ENABLED=false)';
  boot.info({ url: `http://${config.get('HOST')}:${config.get('PORT')}`, docs }, 'Session service listening');
  const stop = async () => {
    await app.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error: Error) => {
  // A configuration error lists the bad keys, never their values, and needs no stack trace.
  const invalidConfig = error.message.startsWith('Invalid configuration');
  boot.fatal({ err: invalidConfig ? { type: error.name, message: error.message } : error }, 'could not start');
  process.exit(1);
});
