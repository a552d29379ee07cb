import { Module } from '@nestjs/common';

/** The Chime dialect (being built). */
@Module({})
export class ChimeModule {}
