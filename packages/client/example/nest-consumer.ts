// A downstream NestJS service that accepts the session service's tokens, validated in-process.
import { Controller, Get, Module, UseGuards } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { CurrentSession, SessionGuard, SessionServiceModule } from '../src/nest.js';
import type { ActiveValidation, SessionClientOptions } from '../src/types.js';

@Controller()
class OrdersController {
  @Get('orders')
  @UseGuards(SessionGuard)
  list(@CurrentSession() session: ActiveValidation) {
    return { owner: session.username, orders: [] };
  }
}

export async function startConsumer(options: SessionClientOptions, port = 0): Promise<NestFastifyApplication> {
  @Module({ imports: [SessionServiceModule.forRoot(options)], controllers: [OrdersController] })
  class ConsumerModule {}
  const app = await NestFactory.create<NestFastifyApplication>(ConsumerModule, new FastifyAdapter(), { logger: false });
  await app.listen(port, '127.0.0.1');
  return app;
}
