import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { AccountsService } from './accounts/accounts.service.js';
import { ErrorCode } from './common/error-codes.js';
import { toDomainException } from './common/to-domain-exception.js';
import { configurationLoaded } from './config/config.module.js';
import { resolveDatabaseUrl } from './database/database-url.js';
import { createDataSource } from './database/data-source.js';
import { BootstrapService } from './users/bootstrap.service.js';
import { CreateUserDto } from './users/dto/user.dto.js';
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

async function insertAdmin(app: INestApplicationContext, input: { username: string; email: string; password: string }): Promise<string> {
  const dataSource = app.get(DataSource);
  const accountId = await dataSource.transaction((m) => app.get(AccountsService).ensureDefault(m));
  const hash = await app.get(PasswordService).hash(input.password);
  try {
    return await dataSource.transaction((m) => app.get(UsersService).insert(m, accountId, { ...input, roles: ['admin', 'system-admin'] }, hash));
  } catch (error) {
    if (toDomainException(error).code === ErrorCode.CONFLICT) throw new Error(`A user named ${input.username} or with email ${input.email} already exists`);
    throw error;
  }
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  await configurationLoaded();
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
      const [username, email] = args;
      const password = await readPassword();
      // The same rules as POST /v1/users.
      const problems = await validate(plainToInstance(CreateUserDto, { username, email, password }));
      if (problems.length) throw new Error(problems.flatMap((p) => Object.values(p.constraints ?? {})).join('; '));
      // On an empty database the first start creates the first admin: make it this one, not another
      // admin with a generated password (settings of this process only; the database was started above).
      Object.assign(process.env, { BOOTSTRAP_ADMIN_USERNAME: username, BOOTSTRAP_ADMIN_EMAIL: email, BOOTSTRAP_ADMIN_PASSWORD: password });
      let app: INestApplicationContext;
      try {
        app = await NestFactory.createApplicationContext(AppModule, { logger: ['error'] });
      } finally {
        // Read by the first start above; not left where a later child process or a report could see it.
        delete process.env.BOOTSTRAP_ADMIN_PASSWORD;
      }
      try {
        const id = app.get(BootstrapService).createdAdminId ?? (await insertAdmin(app, { username, email, password }));
        process.stdout.write(`Created admin ${username} (${id})\n`);
      } finally {
        await app.close();
      }
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
