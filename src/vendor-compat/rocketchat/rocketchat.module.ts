import { Module } from '@nestjs/common';

/** The RocketChat dialect (being built). */
@Module({})
export class RocketChatModule {}
