import { Module } from '@nestjs/common';

/** The Zap dialect (being built). */
@Module({})
export class ZapModule {}
