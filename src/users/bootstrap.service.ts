import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service.js';
import { RolesService } from '../permissions/roles.service.js';
import { AppConfigService } from '../config/app-config.service.js';
import { PasswordService } from './password.service.js';
import { UsersService } from './users.service.js';

/**
 * First start: built-in roles, the default account, and the first admin (from
 * BOOTSTRAP_ADMIN_USERNAME/PASSWORD, or a generated password printed once) when no user exists.
 */
@Injectable()
export class BootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Bootstrap');
  /** The first admin, when this process created it (the CLI's create-admin on an empty database). */
  createdAdminId: string | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfigService,
    private readonly roles: RolesService,
    private readonly accounts: AccountsService,
    private readonly users: UsersService,
    private readonly passwords: PasswordService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      // One starter at a time when several instances boot together.
      await manager.query('SELECT pg_advisory_xact_lock(727001)');
      await this.roles.ensureBuiltIns(manager);
      const accountId = await this.accounts.ensureDefault(manager);
      const [{ n }]: { n: number }[] = await manager.query('SELECT count(*)::int AS n FROM users');
      if (n > 0) return;
      const username = this.config.get('BOOTSTRAP_ADMIN_USERNAME') ?? 'admin';
      const given = this.config.get('BOOTSTRAP_ADMIN_PASSWORD');
      const password = given ?? randomBytes(18).toString('base64url');
      this.createdAdminId = await this.users.insert(
        manager,
        accountId,
        { username, email: this.config.get('BOOTSTRAP_ADMIN_EMAIL') ?? `${username}@localhost`, password, roles: ['admin', 'system-admin'] },
        await this.passwords.hash(password),
      );
      if (given) this.logger.log(`Created the first admin "${username}"`);
      // Printed once, on purpose: it exists nowhere else. Not through the structured logger, whose sinks may be shipped.
      else process.stdout.write(`\n  First admin created: username "${username}", password "${password}" (shown once; change it)\n\n`);
    });
  }
}
