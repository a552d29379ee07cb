// A service behind the session service, as a company would write it with the client library:
// GET /constant (no check: the anchor), GET /cached (the library's Fastify preHandler: in-process
// validation, cache kept current by the invalidation stream), GET /introspect (the same check made
// over HTTP on every request, what services do without the library).
// Env: PORT, SERVICE_URL, API_KEY. Uses the root node_modules and packages/client/dist.
import Fastify from 'fastify';
import { SessionServiceClient } from '@session-service/client';
import { sessionPreHandler } from '@session-service/client/fastify';
import { call } from '../lib/util.js';

const client = new SessionServiceClient({ baseUrl: process.env.SERVICE_URL, apiKey: process.env.API_KEY }).start();
const answer = (user) => ({ ok: true, user });

const app = Fastify({ logger: false });
app.get('/constant', (_request, reply) => reply.send(answer(null)));
app.get('/cached', { preHandler: sessionPreHandler(client) }, (request, reply) => reply.send(answer(request.auth.userId)));
app.get('/introspect', async (request, reply) => {
  const token = (request.headers.authorization ?? '').slice(7);
  // Keep-alive connections (bench/lib/util.js's agent), as a service calling it per request would hold.
  const { body } = await call(process.env.SERVICE_URL, 'POST', '/v1/oauth/introspect', { headers: { 'x-api-key': process.env.API_KEY }, body: { token } });
  if (!body?.active) return reply.code(401).send({ error: 'invalid_token' });
  return reply.send(answer(body.sub));
});
app.get('/trusted', (_request, reply) => reply.send({ trusted: client.trusted, stats: client.stats }));

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.stdout.write(`ready ${process.env.PORT}\n`);
process.once('SIGTERM', () => client.close().then(() => app.close()).then(() => process.exit(0)));
