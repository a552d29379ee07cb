import 'reflect-metadata';
import { createApp } from './app.factory.js';
import { AppConfigService } from './config/app-config.service.js';
import { resolveDatabaseUrl } from './database/database-url.js';

async function main(): Promise<void> {
  const embedded = await resolveDatabaseUrl();
  const app = await createApp();
  const config = app.get(AppConfigService);
  await app.listen({ port: config.get('PORT'), host: config.get('HOST') });
  process.stdout.write(`Session service listening on http://${config.get('HOST')}:${config.get('PORT')} (Swagger UI at /docs)\n`);
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
