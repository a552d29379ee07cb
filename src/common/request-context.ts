import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Surface } from './surface.js';

/** Where a request came from: recorded with every session and audit event it causes. */
export interface RequestContext {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
  surface: Surface;
}

/** A header's trimmed value, or null when absent, repeated or blank. */
export function headerValue(request: FastifyRequest, name: string): string | null {
  const value = request.headers[name];
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

export function requestContextOf(request: FastifyRequest, surface: Surface = 'native'): RequestContext {
  const ua = request.headers['user-agent'];
  return {
    requestId: String(request.id),
    ip: request.ip ?? null,
    userAgent: typeof ua === 'string' ? ua.slice(0, 512) : null,
    surface,
  };
}

/** Injects the RequestContext; the surface is taken from the route's module (see SurfaceOf). */
export const Ctx = createParamDecorator((surface: Surface | undefined, ctx: ExecutionContext): RequestContext => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  return requestContextOf(request, surface ?? 'native');
});
