import type { FastifyReply, FastifyRequest } from 'fastify';

/** A Fastify reply that records what an error dialect sends, for unit specs of the dialects. */
export function captureReply<B = unknown>() {
  const sent: { status?: number; body?: B; headers: Record<string, string> } = { headers: {} };
  const reply = {
    status(code: number) {
      sent.status = code;
      return reply;
    },
    header(name: string, value: string) {
      sent.headers[name] = value;
      return reply;
    },
    send(body: B) {
      sent.body = body;
      return reply;
    },
  };
  return { sent, reply: reply as unknown as FastifyReply };
}

export const fakeRequest = (url: string) => ({ url, id: 'r1' }) as unknown as FastifyRequest;
