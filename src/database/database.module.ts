import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfigService } from '../config/app-config.service.js';
import { dataSourceOptions } from './data-source.js';
import { prepareDatabase } from './service-role.js';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfigService],
      useFactory: async (config: AppConfigService) => {
        const url = config.get('DATABASE_URL') as string;
        // Schema comes from migrations only; they run at start (as the owner) so a fresh data folder just works.
        await prepareDatabase({ url, ownerUrl: config.get('DATABASE_OWNER_URL'), retentionDays: config.get('AUDIT_RETENTION_DAYS') });
        return {
          ...dataSourceOptions(url, config.get('DATABASE_POOL_SIZE')),
          migrationsRun: false,
          retryAttempts: 3,
          retryDelay: 500,
        };
      },
    }),
  ],
})
export class DatabaseModule {}
