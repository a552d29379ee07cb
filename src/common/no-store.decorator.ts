import { applyDecorators, Header } from '@nestjs/common';

/**
 * On every answer that carries a credential (tokens, API keys, secret keys): no cache, shared or
 * private, may keep it (RFC 6749 §5.1; `Pragma` for HTTP/1.0 caches).
 */
export const NoStore = () => applyDecorators(Header('Cache-Control', 'no-store'), Header('Pragma', 'no-cache'));
