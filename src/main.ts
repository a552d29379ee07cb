import 'reflect-metadata';
import { createApp } from './app.factory.js';
import { bootLogLevel, createRootLogger } from './common/logger.js';
import { AppConfigService } from './config/app-config.service.js';
import { resolveDatabaseUrl } from './database/database-url.js';

// Lines written before the app (and its validated config) exist are JSON too, through the same logger.
const root = createRootLogger(bootLogLevel(process.env.LOG_LEVEL));
const boot = root.child({ context: 'Bootstrap' });

async function main(): Promise<void> {
  const embedded = await resolveDatabaseUrl();
  const app = await createApp({ logger: root });
  const config = app.get(AppConfigService);
  await app.listen({ port: config.get('PORT'), host: config.get('HOST') });
  boot.info({ url: `http://${config.get('HOST')}:${config.get('PORT')}`, docs: '/docs' }, 'Session service listening');
  const stop = async () => {
    await app.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error: Error) => {
  // A configuration error lists the bad keys, never their values.
  boot.fatal({ err: error }, 'could not start');
  process.exit(1);
});
