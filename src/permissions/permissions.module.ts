import { Module } from '@nestjs/common';
import { PermissionGuard } from '../auth/guards/auth.guards.js';
import { PermissionsService } from './permissions.service.js';
import { RolesController } from './roles.controller.js';
import { RolesService } from './roles.service.js';

@Module({
  controllers: [RolesController],
  providers: [PermissionsService, RolesService, PermissionGuard],
  exports: [PermissionsService, RolesService, PermissionGuard],
})
export class PermissionsModule {}
