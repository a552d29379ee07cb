import { Module } from '@nestjs/common';

/** The Ras dialect (being built). */
@Module({})
export class RasModule {}
