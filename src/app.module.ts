import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { AccountsModule } from './accounts/accounts.module.js';
import { ApiKeysModule } from './api-keys/api-keys.module.js';
import { AuditCoreModule } from './audit/audit-core.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CommonModule } from './common/common.module.js';
import { GlobalExceptionFilter } from './common/global-exception.filter.js';
import { createValidationPipe } from './common/validation.pipe.js';
import { AppConfigService } from './config/app-config.service.js';
import { AppConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { HealthModule } from './health/health.module.js';
import { OAuthModule } from './oauth/oauth.module.js';
import { PermissionsModule } from './permissions/permissions.module.js';
import { SessionsModule } from './sessions/sessions.module.js';
import { BootstrapModule } from './users/bootstrap.module.js';
import { UsersModule } from './users/users.module.js';
import { VendorCompatModule } from './vendor-compat/vendor-compat.module.js';

/** Never logged, wherever they appear: credentials of every surface. */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-auth-token"]',
  'req.headers["x-api-key"]',
  'req.headers.auth_token',
  'req.headers.accesstoken',
  'req.headers["x-amz-security-token"]',
  'res.headers["set-cookie"]',
];

@Module({
  imports: [
    AppConfigModule,
    LoggerModule.forRootAsync({
      inject: [AppConfigService],
      useFactory: (config: AppConfigService) => ({
        pinoHttp: {
          level: config.get('LOG_LEVEL'),
          redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
          // Request bodies are never logged (they carry passwords and tokens).
          serializers: { req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }) },
          autoLogging: config.get('LOG_LEVEL') === 'debug' || config.get('LOG_LEVEL') === 'trace',
        },
      }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [AppConfigService],
      useFactory: (config: AppConfigService) => ({
        throttlers: [{ name: 'login', ttl: config.get('LOGIN_THROTTLE_TTL') * 1000, limit: config.get('LOGIN_THROTTLE_LIMIT') }],
      }),
    }),
    DatabaseModule,
    CommonModule,
    AuditCoreModule,
    PermissionsModule,
    SessionsModule,
    UsersModule,
    AccountsModule,
    ApiKeysModule,
    AuthModule,
    OAuthModule,
    AuditModule,
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
