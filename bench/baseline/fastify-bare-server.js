// Baseline: bare Fastify, no framework on top and no work: the same ~400-byte JSON answer to a GET and
// to a POST with a small JSON body, to show what a POST body costs on its own on this machine.
// Env: PORT. Uses the root node_modules (fastify).
import Fastify from 'fastify';

const ANSWER = JSON.stringify({
  active: true,
  token_type: 'Bearer',
  sub: '6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a6b',
  username: 'bench-user',
  exp: 1795310292,
  sid: '0b3a68ba-3930-4436-b259-b08178a57b32',
  account_id: 'a8108f86-16f9-4747-87aa-f21f08c37dc6',
  scope: 'sessions.read sessions.revoke',
  client_id: '32d0620d-8dde-4964-a8c1-0dbf899119f8',
});

const app = Fastify({ logger: false });
const answer = (_request, reply) => reply.header('content-type', 'application/json; charset=utf-8').send(ANSWER);
app.get('/answer', answer);
app.post('/answer', answer);

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.stdout.write(`ready ${process.env.PORT}\n`);
process.once('SIGTERM', () => app.close().then(() => process.exit(0)));
