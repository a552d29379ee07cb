import Fastify, { FastifyInstance } from 'fastify';
import { createLocalJWKSet, decodeJwt, JWTPayload, jwtVerify } from 'jose';
import request from 'supertest';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** One request a receiver got. */
export interface Received {
  at: number;
  contentType: string | undefined;
  authorization: string | undefined;
  /** The SET (push) or the logout_token (back-channel). */
  token: string;
  claims: JWTPayload;
}

/**
 * A real HTTP receiver on loopback, as a downstream service runs one: it takes SETs (RFC 8935,
 * application/secevent+jwt) at /events and logout tokens (form-encoded) at /backchannel, and answers
 * what `answer` says (202 / 200 by default), optionally after `delayMs`.
 */
export class LocalReceiver {
  readonly received: Received[] = [];
  answer: () => number = () => 202;
  delayMs = 0;
  private server: FastifyInstance | null = null;
  private waiters: (() => void)[] = [];

  async start(port = 0): Promise<this> {
    const server = Fastify();
    server.addContentTypeParser('application/secevent+jwt', { parseAs: 'string' }, (_req, body, done) => done(null, body));
    server.post('/events', async (req, reply) => this.take(req.headers, String(req.body), reply, 202));
    server.post('/backchannel', async (req, reply) => this.take(req.headers, String((req.body as Record<string, string>).logout_token), reply, 200));
    server.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    await server.listen({ port, host: '127.0.0.1' });
    this.server = server;
    return this;
  }

  get port(): number {
    const address = this.server?.server.address();
    if (!address || typeof address === 'string') throw new Error('receiver not listening');
    return address.port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/events`;
  }

  get backchannelUrl(): string {
    return `http://127.0.0.1:${this.port}/backchannel`;
  }

  async stop(): Promise<void> {
    await this.server?.close();
    this.server = null;
  }

  /** Resolves once `count` tokens were accepted (2xx), or fails after `timeoutMs`. */
  async waitFor(count: number, timeoutMs = 10_000): Promise<Received[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.accepted().length < count) {
      if (Date.now() > deadline) throw new Error(`receiver got ${this.accepted().length} of ${count} tokens`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    return this.accepted();
  }

  private statuses = new Map<Received, number>();

  accepted(): Received[] {
    return this.received.filter((r) => (this.statuses.get(r) ?? 999) < 300);
  }

  private async take(headers: Record<string, string | string[] | undefined>, token: string, reply: { code(n: number): { send(b?: unknown): unknown } }, ok: number) {
    // Recorded on arrival (a delivery in flight is visible), counted as accepted once answered 2xx.
    const entry: Received = {
      at: Date.now(),
      contentType: headers['content-type'] as string | undefined,
      authorization: headers.authorization as string | undefined,
      token,
      claims: decodeJwt(token),
    };
    this.received.push(entry);
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    const answered = this.answer();
    const status = answered === 202 ? ok : answered;
    this.statuses.set(entry, status);
    for (const w of this.waiters.splice(0)) w();
    return reply.code(status).send(status === 400 ? { err: 'invalid_request', description: 'refused by the test' } : undefined);
  }
}

/** Verifies a token against the service's published JWKS, as a receiver does. */
export async function verifyWithJwks(app: NestFastifyApplication, token: string, options: { issuer: string; audience: string; typ: string }) {
  const jwks = await request(app.getHttpServer()).get('/.well-known/jwks.json').expect(200);
  const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(jwks.body), options);
  return { payload, protectedHeader };
}
