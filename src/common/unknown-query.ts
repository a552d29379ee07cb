import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { ModulesContainer } from '@nestjs/core';
import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants.js';
import { DomainException } from './error-codes.js';
import { validationFailed } from './validation.pipe.js';

/**
 * Controllers under `v1`: the native API's, and ZAP's (its paths are `/v1/…` behind its prefix), which
 * the caller tells apart with the dialect registry, as the error filter does.
 */
const NATIVE_PREFIX = /^\/?v1(\/|$)/;

/** Route config flag (Fastify's per-route `config`, as `@RouteConfig` sets it) of a native route that reads no query. */
export const TAKES_NO_QUERY = 'takesNoQuery';

/**
 * Marks every native route whose handler declares no `@Query()`: the global pipe rejects unknown
 * query parameters of a query DTO (forbidNonWhitelisted), but a handler without one never sees the
 * query, so `?userId=…` would be silently ignored there. Call before the app is initialised (routes
 * are registered then, with the config read from the handlers).
 */
export function markRoutesWithoutQuery(app: NestFastifyApplication): void {
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      if (!NATIVE_PREFIX.test(base)) continue;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, unknown>;
        if (Object.keys(args).some((key) => key.split(':')[0] === String(RouteParamtypes.QUERY))) continue;
        const config = (Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler) ?? {}) as Record<string, unknown>;
        Reflect.defineMetadata(FASTIFY_ROUTE_CONFIG_METADATA, { ...config, [TAKES_NO_QUERY]: true }, handler);
      }
    }
  }
}

/** Whether Fastify's route options (the handler's config) mark a route that reads no query. */
export const takesNoQuery = (config: unknown): boolean => (config as Record<string, unknown> | undefined)?.[TAKES_NO_QUERY] === true;

/** The native 400 for a query parameter on a route that takes none, in the global pipe's words and shape; null without one. */
export function unknownQueryError(query: unknown): DomainException | null {
  const fields: { field: string; problems: string[] }[] = [];
  for (const field in (query ?? {}) as Record<string, unknown>) fields.push({ field, problems: [`property ${field} should not exist`] });
  return fields.length === 0 ? null : validationFailed(fields);
}
