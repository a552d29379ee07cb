import { bearerToken } from './bearer.js';
import type { SessionServiceClient } from './client.js';
import type { ActiveValidation, Validation } from './types.js';

/** The few parts of Express's request and response this middleware uses (no dependency on Express). */
interface RequestLike {
  headers: { authorization?: string };
  auth?: ActiveValidation;
}
interface ResponseLike {
  status(code: number): ResponseLike;
  set(field: string, value: string): ResponseLike;
  json(body: unknown): unknown;
}

/** Express (or Connect-style) middleware: the bearer token's session on `req.auth`, or 401/503. */
export function sessionMiddleware(client: SessionServiceClient) {
  return (req: RequestLike, res: ResponseLike, next: (error?: unknown) => void): void => {
    const refuse = (answer: Validation) => {
      const unavailable = answer.active === false && answer.reason === 'unavailable';
      res.status(unavailable ? 503 : 401).set('WWW-Authenticate', 'Bearer').json({ error: unavailable ? 'session_service_unavailable' : 'invalid_token' });
    };
    const token = bearerToken(req.headers.authorization);
    if (!token) return refuse({ active: false, reason: 'inactive' });
    const settle = (answer: Validation) => {
      if (!answer.active) return refuse(answer);
      req.auth = answer;
      next();
    };
    const answer = client.validate(token);
    if ('then' in answer) answer.then(settle, next);
    else settle(answer);
  };
}
