// Baseline: NestJS on Fastify with nothing of the service's (no guard, pipe, hook, logger or database):
// the same ~400-byte answer as fastify-bare-server.js to a GET and to a POST whose JSON body no handler
// parameter reads, to show what the framework alone charges for a POST body on this machine.
// Env: PORT. Uses the root node_modules (@nestjs/*), as the service does.
import 'reflect-metadata';
import { Controller, Get, Header, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { ANSWER } from './answer.js';

class AnswerController {
  get() {
    return ANSWER;
  }

  post() {
    return ANSWER;
  }
}
// Decorators applied as functions: this file is plain JavaScript.
const decorate = (method, ...decorators) => {
  const descriptor = Object.getOwnPropertyDescriptor(AnswerController.prototype, method);
  for (const d of decorators) d(AnswerController.prototype, method, descriptor);
};
decorate('get', Get('answer'), Header('Content-Type', 'application/json; charset=utf-8'));
decorate('post', Post('answer'), HttpCode(200), Header('Content-Type', 'application/json; charset=utf-8'));
Controller()(AnswerController);

class AnswerModule {}
Module({ controllers: [AnswerController] })(AnswerModule);

const app = await NestFactory.create(AnswerModule, new FastifyAdapter({ logger: false }), { logger: false });
await app.listen(Number(process.env.PORT), '127.0.0.1');
process.stdout.write(`ready ${process.env.PORT}\n`);
process.once('SIGTERM', () => app.close().then(() => process.exit(0)));
