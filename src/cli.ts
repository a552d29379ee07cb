import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { AccountsService } from './accounts/accounts.service.js';
import { resolveDatabaseUrl } from './database/database-url.js';
import { createDataSource } from './database/data-source.js';
import { PasswordService } from './users/password.service.js';
import { UsersService } from './users/users.service.js';

const USAGE = `Usage:
  node dist/cli.js migrate                                   run pending migrations
  node dist/cli.js create-admin <username> <email>           create an admin; password read from ADMIN_PASSWORD or stdin
`;

async function readPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim();
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  const embedded = await resolveDatabaseUrl();
  try {
    if (command === 'migrate') {
      const ds: DataSource = await createDataSource(process.env.DATABASE_URL as string).initialize();
      const ran = await ds.runMigrations({ transaction: 'each' });
      process.stdout.write(`Applied ${ran.length} migration(s)\n`);
      await ds.destroy();
      return;
    }
    if (command === 'create-admin' && args.length === 2) {
      const password = await readPassword();
      if (password.length < 12) throw new Error('The password must be at least 12 characters');
      const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error'] });
      const accountId = await app.get(DataSource).transaction((m) => app.get(AccountsService).ensureDefault(m));
      const hash = await app.get(PasswordService).hash(password);
      const id = await app.get(DataSource).transaction((m) =>
        app.get(UsersService).insert(m, accountId, { username: args[0], email: args[1], password, roles: ['admin', 'system-admin'] }, hash),
      );
      process.stdout.write(`Created admin ${args[0]} (${id})\n`);
      await app.close();
      return;
    }
    process.stderr.write(USAGE);
    process.exitCode = 2;
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
