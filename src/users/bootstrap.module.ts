import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { PermissionsModule } from '../permissions/permissions.module.js';
import { BootstrapService } from './bootstrap.service.js';
import { UsersModule } from './users.module.js';

@Module({ imports: [UsersModule, AccountsModule, PermissionsModule], providers: [BootstrapService] })
export class BootstrapModule {}
