import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { bearerToken } from './bearer.js';
import type { SessionServiceClient } from './client.js';
import type { ActiveValidation, Validation } from './types.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The validated session of the request's bearer token (set by `sessionPreHandler`). */
    auth?: ActiveValidation;
  }
}

const refuse = (reply: FastifyReply, answer: Validation) =>
  reply
    .code(answer.active === false && answer.reason === 'unavailable' ? 503 : 401)
    .header('www-authenticate', 'Bearer')
    .send({ error: answer.active === false && answer.reason === 'unavailable' ? 'session_service_unavailable' : 'invalid_token' });

/**
 * A Fastify preHandler that validates the bearer token and puts the answer on `request.auth`;
 * anything but a live token is answered 401 (503 when nothing could answer). A cache hit completes
 * without a promise.
 */
export function sessionPreHandler(client: SessionServiceClient) {
  return (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    const token = bearerToken(request.headers.authorization);
    if (!token) {
      refuse(reply, { active: false, reason: 'inactive' });
      return;
    }
    const settle = (answer: Validation) => {
      if (!answer.active) return void refuse(reply, answer);
      request.auth = answer;
      done();
    };
    const answer = client.validate(token);
    if ('then' in answer) answer.then(settle, () => settle({ active: false, reason: 'unavailable' }));
    else settle(answer);
  };
}
