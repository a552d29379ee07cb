import { randomUUID } from 'node:crypto';
import { type Server, type ServerResponse, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { DomainException, ErrorCode } from './error-codes.js';
import type { ErrorReply, ErrorRequest } from './error-dialect.js';

/** What Node's HTTP server hands its 'clientError' listeners (a parse error carries the bytes read, as a Buffer). */
export interface ClientError extends Error {
  code?: string;
  reason?: unknown;
  rawPacket?: unknown;
}

/** Whatever answers errors in the dialect of a path: the app's GlobalExceptionFilter. */
export interface ErrorAnswerer {
  answer(exception: unknown, request: ErrorRequest, reply: ErrorReply): void;
}

/** A request line, `METHOD SP target SP HTTP/x.y`: after a body it starts mid-line (`{}GET /x HTTP/1.1`). */
const REQUEST_LINE = /[A-Z]+ (\S+) HTTP\/\d\.\d\r?\n/g;

/** The target of the last request line in the bytes the parser failed on, when there is one. */
export function lastRequestTarget(raw: unknown): string | undefined {
  if (!Buffer.isBuffer(raw)) return undefined;
  let target: string | undefined;
  for (const match of raw.subarray(0, 64 * 1024).toString('latin1').matchAll(REQUEST_LINE)) target = match[1];
  return target;
}

/** The error Node's parser raised, as the domain names it. */
export function clientErrorException(error: ClientError): DomainException {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return new DomainException(ErrorCode.HEADERS_TOO_LARGE, 'The request headers are too large (16 KB at most)');
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new DomainException(ErrorCode.REQUEST_TIMEOUT, 'The request did not arrive in time');
    default:
      return new DomainException(ErrorCode.VALIDATION_FAILED, `The request is not valid HTTP${typeof error.reason === 'string' ? ` (${error.reason})` : ''}`);
  }
}

/** An ErrorReply written straight to a connection: one HTTP/1.1 response, then the connection closes. */
export class RawErrorReply implements ErrorReply {
  sent = false;
  private code = 500;
  private readonly headers = new Map<string, [string, string]>();
  private body = '';

  status(code: number): this {
    this.code = code;
    return this;
  }

  header(name: string, value: string): this {
    this.headers.set(name.toLowerCase(), [name, value]);
    return this;
  }

  send(payload: unknown): this {
    this.body = typeof payload === 'string' ? payload : JSON.stringify(payload);
    this.sent = true;
    return this;
  }

  /** The response's bytes: the dialect's status, headers and body, with the framing headers. */
  toHttp(): string {
    if (!this.headers.has('content-type')) this.header('content-type', 'application/json; charset=utf-8');
    this.header('content-length', String(Buffer.byteLength(this.body)));
    this.header('connection', 'close');
    const lines = [...this.headers.values()].map(([name, value]) => `${name}: ${value}`);
    return `HTTP/1.1 ${this.code} ${STATUS_CODES[this.code] ?? 'Error'}\r\n${lines.join('\r\n')}\r\n\r\n${this.body}`;
  }
}

/**
 * Answers what Node's HTTP parser refuses (headers over 16 KB, bytes that are not HTTP, a request
 * that never arrives in full) in the dialect of the surface the path names, as every other error,
 * instead of Fastify's default `{"message":"Client Error"}`.
 *
 * A connection carries requests one after another (keep-alive, pipelining), so bytes the parser
 * refuses may follow a request it has already read in full and handed to the app: `Content-Length: 2`
 * with `{}GARBAGE` is the request `{}`, then the start of a next request, `GARBAGE`. That request runs;
 * answering the connection with the 400 at once (Fastify's and Node's default) would report a logout
 * that happened as failed, and destroying the connection would drop its real answer. So the requests
 * already read are answered first, with their real outcome, then the refused bytes get their own
 * error, and the connection closes (it cannot be resynchronised).
 */
export class ClientErrorResponder {
  /** The last request read on each connection and its answer: later pipelined answers finish later. */
  private readonly lastRequest = new WeakMap<Socket, { url: string; response: ServerResponse }>();
  private readonly answered = new WeakSet<Socket>();
  private answerer: ErrorAnswerer | undefined;

  /** Starts following the server's requests, and answers errors with `answerer` (the app's filter). */
  attach(server: Server, answerer: ErrorAnswerer): void {
    this.answerer = answerer;
    server.on('request', (request: { url?: string; socket: Socket }, response: ServerResponse) => {
      this.lastRequest.set(request.socket, { url: request.url ?? '/', response });
    });
  }

  /** Fastify's `clientErrorHandler` (the server's 'clientError' listener). */
  readonly handle = (error: ClientError, socket: Socket): void => {
    // A reset connection is gone; a second parse error on one already being answered adds nothing.
    if (error.code === 'ECONNRESET' || socket.destroyed || this.answered.has(socket)) return;
    this.answered.add(socket);
    const last = this.lastRequest.get(socket);
    const url = lastRequestTarget(error.rawPacket) ?? last?.url ?? '/';
    const respond = () => this.respond(clientErrorException(error), url, socket);
    const pending = last?.response;
    if (!pending || pending.writableFinished || pending.destroyed) return respond();
    let once = false;
    const after = () => {
      if (once) return;
      once = true;
      respond();
    };
    pending.once('finish', after);
    pending.once('close', after);
  };

  private respond(exception: DomainException, url: string, socket: Socket): void {
    if (socket.destroyed || !socket.writable || !this.answerer) {
      socket.destroy();
      return;
    }
    const request: ErrorRequest = { id: randomUUID(), url };
    const reply = new RawErrorReply().header('x-request-id', request.id);
    this.answerer.answer(exception, request, reply);
    socket.end(reply.toHttp(), () => socket.destroy());
  }
}
