import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { setAmznRequestId } from './chime-error.dialect.js';

/** Successful responses carry `x-amzn-RequestId` too (the dialect sets it on errors). */
@Injectable()
export class AmznRequestIdInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    setAmznRequestId(http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
    return next.handle();
  }
}
