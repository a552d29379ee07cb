import { Global, Module } from '@nestjs/common';
import { TypeOrmModule, TypeOrmModuleOptions } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { AppConfigService } from '../config/app-config.service.js';
import { dataSourceOptions } from './data-source.js';
import { DatabaseUrls, prepareDatabase } from './service-role.js';

/** What prepareDatabase needs, by the options object TypeORM hands back to the data source factory. */
const preparing = new WeakMap<object, DatabaseUrls>();

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfigService],
      useFactory: (config: AppConfigService): TypeOrmModuleOptions => {
        const url = config.get('DATABASE_URL') as string;
        const options = {
          ...dataSourceOptions(url, config.get('DATABASE_POOL_SIZE')),
          // prepareDatabase migrates (as the owner) before the service's pool opens
          migrationsRun: false,
          retryAttempts: 3,
          retryDelay: 500,
        };
        preparing.set(options, { url, ownerUrl: config.get('DATABASE_OWNER_URL'), retentionDays: config.get('AUDIT_RETENTION_DAYS') });
        return options;
      },
      // Schema comes from migrations only; they run at start so a fresh data folder just works. Inside
      // TypeORM's retries, so a database not up yet is waited for (and logged) as before.
      dataSourceFactory: async (options) => {
        const urls = options && preparing.get(options);
        if (urls) await prepareDatabase(urls);
        return new DataSource(options as DataSourceOptions).initialize();
      },
    }),
  ],
})
export class DatabaseModule {}
