import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { AccountsModule } from './accounts/accounts.module.js';
import { ApiKeysModule } from './api-keys/api-keys.module.js';
import { AuditCoreModule } from './audit/audit-core.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuditStreamsModule } from './audit-streams/audit-streams.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CommonModule } from './common/common.module.js';
import { GlobalExceptionFilter } from './common/global-exception.filter.js';
import { createValidationPipe } from './common/validation.pipe.js';
import { AppConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { DeliveryModule } from './delivery/delivery.module.js';
import { HealthModule } from './health/health.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { OAuthModule } from './oauth/oauth.module.js';
import { PermissionsModule } from './permissions/permissions.module.js';
import { ReceiversModule } from './receivers/receivers.module.js';
import { SessionsModule } from './sessions/sessions.module.js';
import { SigningModule } from './signing/signing.module.js';
import { BootstrapModule } from './users/bootstrap.module.js';
import { UsersModule } from './users/users.module.js';
import { VendorCompatModule } from './vendor-compat/vendor-compat.module.js';

@Module({
  imports: [
    AppConfigModule,
    ScheduleModule.forRoot(),
    DatabaseModule,
    CommonModule,
    MetricsModule,
    AuditCoreModule,
    DeliveryModule,
    PermissionsModule,
    SessionsModule,
    UsersModule,
    AccountsModule,
    ApiKeysModule,
    AuthModule,
    OAuthModule,
    AuditModule,
    AuditStreamsModule,
    SigningModule,
    ReceiversModule,
    HealthModule,
    BootstrapModule,
    VendorCompatModule,
  ],
  providers: [
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: GlobalExceptionFilter },
  ],
})
export class AppModule {}
