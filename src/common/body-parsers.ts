import type { FastifyInstance } from 'fastify';
import { DomainException, ErrorCode } from './error-codes.js';

/** Largest request body any route takes (Fastify answers 413 past it, in the surface's dialect). */
export const BODY_LIMIT_BYTES = 64 * 1024;

/**
 * Deepest nesting of arrays and objects a JSON body may have. No route takes more than three levels;
 * the bound keeps recursive code after the parser (class-transformer, class-validator) far from the
 * stack's end, whatever a client sends.
 */
export const MAX_JSON_DEPTH = 32;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * True when `text`, read as JSON, opens more than `limit` arrays/objects inside one another. One pass,
 * no recursion, no allocation; brackets inside strings do not count. Malformed JSON is left to the
 * parser (this only decides whether parsing it is safe).
 */
export function nestsDeeperThan(text: string, limit: number): boolean {
  if (text.length <= limit) return false; // each level takes at least one character
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > limit) return true;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}

/**
 * The service's body parsers (Nest's own are off): JSON through Fastify's safe parser (prototype
 * poisoning refused) once its nesting is known to be bounded, and form-encoded bodies.
 */
export function registerBodyParsers(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    // Clients such as Rocket.Chat's send `Content-Type: application/json` with an empty body on
    // body-less POSTs; treat that as no body instead of a parse error.
    if (text === '') return done(null, undefined);
    if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
      return done(new DomainException(ErrorCode.VALIDATION_FAILED, `The JSON body is nested deeper than ${MAX_JSON_DEPTH} levels`), undefined);
    }
    parseJson(request, text, done);
  });
  // RFC 7662/7009 clients send form-encoded bodies (flat: nothing here nests).
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
}
