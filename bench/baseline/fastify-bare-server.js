// Baseline: bare Fastify, no framework on top and no work: the same ~400-byte JSON answer to a GET and
// to a POST with a small JSON body, to show what a POST body costs on its own on this machine.
// Env: PORT. Uses the root node_modules (fastify).
import Fastify from 'fastify';
import { ANSWER } from './answer.js';

const app = Fastify({ logger: false });
const answer = (_request, reply) => reply.header('content-type', 'application/json; charset=utf-8').send(ANSWER);
app.get('/answer', answer);
app.post('/answer', answer);

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.stdout.write(`ready ${process.env.PORT}\n`);
process.once('SIGTERM', () => app.close().then(() => process.exit(0)));
