import { Global, Module } from '@nestjs/common';
import { PermissionsModule } from '../permissions/permissions.module.js';
import { SigningKeysService } from './signing-keys.service.js';

/** The signing keys (global: any feature that signs what leaves the service uses them). */
@Global()
@Module({ imports: [PermissionsModule], providers: [SigningKeysService], exports: [SigningKeysService] })
export class SigningModule {}
