import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { offlineVerify } from './audit/offline-verify.js';
import { AccountsService } from './accounts/accounts.service.js';
import { Actor, systemActor } from './common/actor.js';
import { ErrorCode } from './common/error-codes.js';
import { toDomainException } from './common/to-domain-exception.js';
import { isUuid } from './common/uuid.js';
import { configurationLoaded } from './config/config.module.js';
import { resolveDatabaseUrl } from './database/database-url.js';
import { prepareDatabase } from './database/service-role.js';
import { validateEnvironment } from './config/env.validation.js';
import { PERMISSIONS } from './permissions/permissions.js';
import { BootstrapService } from './users/bootstrap.service.js';
import { CreateUserDto, UpdateUserDto } from './users/dto/user.dto.js';
import { PasswordService } from './users/password.service.js';
import { UsersService } from './users/users.service.js';

// Hand-written rather than on nest-commander: nest-commander 3.21 accepts NestJS 12, but it pins
// @golevelup/nestjs-discovery 7.0.3, whose peers are @nestjs/common and @nestjs/core ^11.1.21 only
// (npm overrides that peer with an ERESOLVE warning), and it brings inquirer for prompts this CLI
// does not have. Three commands fit node:util's parseArgs.
const USAGE = `Usage:
  node dist/cli.js migrate                            run pending migrations
  node dist/cli.js create-admin <username> <email>    create an admin; password from ADMIN_PASSWORD or stdin
  node dist/cli.js reset-password <username>          set a user's password from NEW_PASSWORD or stdin and end
                                                      every session of theirs (a lost admin password)
  node dist/cli.js audit verify --checkpoints <dir> [--jwks <file>] [--account <id|none>]
                                                      verify the audit chains in DATABASE_URL against the newest
                                                      signed checkpoint of each chain in <dir>, without the
                                                      service; prints a JSON report, exits 1 if anything is off
Passwords are never read from the command line, where ps and shell history would show them.
`;

class UsageError extends Error {}

/** What the database set-up warns about goes to stderr, beside the command's own output. */
const cliLogger = { warn: (message: string) => void process.stderr.write(`warning: ${message}\n`) };

/** A password from the environment variable (then removed from this process's environment) or stdin. */
async function readPassword(variable: 'ADMIN_PASSWORD' | 'NEW_PASSWORD'): Promise<string> {
  const given = process.env[variable];
  delete process.env[variable];
  if (given) return given;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const read = Buffer.concat(chunks).toString('utf8').trim();
  if (!read) throw new Error(`No password: set ${variable} or pipe it on stdin`);
  return read;
}

async function problemsOf<T extends object>(dto: new () => T, input: object): Promise<string | null> {
  const problems = await validate(plainToInstance(dto, input));
  return problems.length ? problems.flatMap((p) => Object.values(p.constraints ?? {})).join('; ') : null;
}

/**
 * Whoever runs the CLI holds the host and the database: they act as the system admin does, with every
 * permission. Recorded as the `cli` actor on the `system` surface, so the audit trail tells them apart.
 */
function operator(accountId: string, command: string): Actor {
  const context = { requestId: randomUUID(), ip: null, userAgent: `session-service cli ${command}`, surface: 'system' as const };
  return { ...systemActor(accountId, context, 'cli'), permissions: new Set<string>(Object.values(PERMISSIONS)) };
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

async function withApp<T>(work: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error'] });
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

/** As the owner (DATABASE_OWNER_URL) when given, then the service role's grants and the retention policy, as at start. */
async function migrate(): Promise<void> {
  const env = validateEnvironment(process.env);
  const ran = await prepareDatabase(
    { url: env.DATABASE_URL as string, ownerUrl: env.DATABASE_OWNER_URL, retentionDays: env.AUDIT_RETENTION_DAYS },
    cliLogger,
  );
  process.stdout.write(`Applied ${ran} migration(s)\n`);
}

async function createAdmin(username: string, email: string): Promise<void> {
  const password = await readPassword('ADMIN_PASSWORD');
  // The same rules as POST /v1/users.
  const problems = await problemsOf(CreateUserDto, { username, email, password });
  if (problems) throw new Error(problems);
  // On an empty database the first start creates the first admin: make it this one, not another
  // admin with a generated password (settings of this process only; the database was started above).
  Object.assign(process.env, { BOOTSTRAP_ADMIN_USERNAME: username, BOOTSTRAP_ADMIN_EMAIL: email, BOOTSTRAP_ADMIN_PASSWORD: password });
  const id = await withApp(async (app) => {
    // Read by the first start; not left where a later child process or a report could see it.
    delete process.env.BOOTSTRAP_ADMIN_PASSWORD;
    return app.get(BootstrapService).createdAdminId ?? (await insertAdmin(app, { username, email, password }));
  }).finally(() => delete process.env.BOOTSTRAP_ADMIN_PASSWORD);
  process.stdout.write(`Created admin ${username} (${id})\n`);
}

/**
 * The admin password reset of PATCH /v1/users/{id}, by the operator: the same rules, the same
 * transaction that ends every session of the user (through the revocation path, acknowledged by every
 * running instance before this returns), the same audit events.
 */
async function resetPassword(login: string): Promise<void> {
  const password = await readPassword('NEW_PASSWORD');
  const problems = await problemsOf(UpdateUserDto, { password });
  if (problems) throw new Error(problems);
  await withApp(async (app) => {
    const users = app.get(UsersService);
    const user = await users.findByLogin(login);
    if (!user) throw new Error(`No user named ${login}`);
    await users.update(operator(user.accountId, 'reset-password'), user.id, { password });
    process.stdout.write(`Reset the password of ${user.username} (${user.id}); every session of theirs has ended\n`);
  });
}

/**
 * The auditor's check: no app, no configuration but DATABASE_URL, no secret; exit 1 when a chain or a
 * checkpoint does not verify (the report says which).
 */
async function auditVerify(options: { checkpoints?: string; jwks?: string; account?: string }): Promise<void> {
  if (!options.checkpoints) throw new UsageError('audit verify needs --checkpoints <dir>');
  if (options.account !== undefined && options.account !== 'none' && !isUuid(options.account)) throw new UsageError('--account must be an account id or none');
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('audit verify reads the database at DATABASE_URL: set it');
  const report = await offlineVerify({ databaseUrl, dir: options.checkpoints, jwksFile: options.jwks, account: options.account?.toLowerCase() });
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  if (!report.ok) process.exitCode = 1;
}

async function main(): Promise<void> {
  let positionals: string[];
  let values: { checkpoints?: string; jwks?: string; account?: string };
  try {
    // strict: an option such as --password=… is refused rather than ignored.
    ({ positionals, values } = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      strict: true,
      options: { checkpoints: { type: 'string' }, jwks: { type: 'string' }, account: { type: 'string' } },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const [command, ...args] = positionals;
  if (command === 'audit' && args.length === 1 && args[0] === 'verify') return auditVerify(values);
  // The options belong to audit verify alone.
  if (Object.keys(values).length > 0) throw new UsageError(`--${Object.keys(values)[0]} is an option of audit verify only`);
  const run: (() => Promise<void>) | undefined =
    command === 'migrate' && args.length === 0
      ? migrate
      : command === 'create-admin' && args.length === 2
        ? () => createAdmin(args[0], args[1])
        : command === 'reset-password' && args.length === 1
          ? () => resetPassword(args[0])
          : undefined;
  if (!run) throw new UsageError(command ? `Unknown command or arguments: ${positionals.join(' ')}` : 'No command');
  await configurationLoaded();
  const embedded = await resolveDatabaseUrl();
  try {
    await run();
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  if (error instanceof UsageError) process.stderr.write(USAGE);
  process.exit(error instanceof UsageError ? 2 : 1);
});
