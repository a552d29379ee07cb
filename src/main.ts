import 'reflect-metadata';
import { createApp } from './app.factory.js';
import { AppConfigService } from './config/app-config.service.js';
import { configurationLoaded } from './config/config.module.js';
import { resolveDatabaseUrl } from './database/database-url.js';

async function main(): Promise<void> {
  // A bad setting stops here, before an embedded Postgres is started for nothing.
  await configurationLoaded();
  const embedded = await resolveDatabaseUrl();
  const app = await createApp();
  const config = app.get(AppConfigService);
  await app.listen({ port: config.get('PORT'), host: config.get('HOST') });
  const docs = config.get('SWAGGER_ENABLED') ? ' (Swagger UI at /docs)' : ' (Swagger UI off: SWAGGER_ENABLED=false)';
  process.stdout.write(`Session service listening on http://${config.get('HOST')}:${config.get('PORT')}${docs}\n`);
  const stop = async () => {
    await app.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
