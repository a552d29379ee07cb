import { Module } from '@nestjs/common';

/** The Uberall dialect (being built). */
@Module({})
export class UberallModule {}
