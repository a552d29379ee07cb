import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import express from 'express';
import Fastify from 'fastify';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { bearer, createTestDatabase, createUser, loginAdmin, startApp, urlOf } from '../../../test/support/test-app.js';
import { until } from '../../../test/support/until.js';
import { sessionMiddleware } from '../src/express.js';
import { sessionPreHandler } from '../src/fastify.js';
import { SessionServiceClient } from '../src/index.js';

/** The Fastify and Express middleware put the session on the request, and refuse in the same way. */
describe('Fastify and Express middleware', () => {
  let service: NestFastifyApplication;
  let adminToken: string;
  let client: SessionServiceClient;

  beforeAll(async () => {
    service = await startApp(await createTestDatabase());
    adminToken = (await loginAdmin(service)).accessToken;
    const key = (await request(service.getHttpServer()).post('/v1/api-keys').set(bearer(adminToken)).send({ name: 'middleware' }).expect(201)).body;
    client = new SessionServiceClient({ baseUrl: urlOf(service), apiKey: key.apiKey }).start();
    await until('the client to trust its cache', () => client.trusted);
  });
  afterAll(async () => {
    await client?.close();
    await service?.close();
  });

  async function fastifyApp() {
    const app = Fastify({ logger: false });
    app.get('/me', { preHandler: sessionPreHandler(client) }, (req) => ({ user: req.auth?.username, session: req.auth?.sessionId }));
    await app.ready();
    return app;
  }

  function expressApp() {
    const app = express();
    app.get('/me', sessionMiddleware(client), (req, res) => {
      const auth = (req as unknown as { auth?: { username: string; sessionId: string } }).auth;
      res.json({ user: auth?.username, session: auth?.sessionId });
    });
    return app;
  }

  it.each([
    ['fastify', async () => (await fastifyApp()).server],
    ['express', async () => expressApp()],
  ])('%s: a live token reaches the handler with its session; a missing, garbage or revoked one is 401', async (_name, build) => {
    const server = await build();
    const user = await createUser(service, adminToken, { prefix: 'mw' });
    const me = () => request(server).get('/me');
    expect((await me().set(bearer(user.accessToken)).expect(200)).body).toEqual({ user: user.username, session: user.sessionId });
    const missing = await me().expect(401);
    expect(missing.headers['www-authenticate']).toBe('Bearer');
    expect(missing.body).toEqual({ error: 'invalid_token' });
    await me().set(bearer('sat_garbage')).expect(401);
    await me().set('Authorization', 'Basic abc').expect(401);
    await request(service.getHttpServer()).post('/v1/auth/logout').set(bearer(user.accessToken)).expect(200);
    await until('the revoked token to be refused', async () => (await me().set(bearer(user.accessToken))).status === 401, 2000);
  });

  it('fails closed: with the service gone, a token that was never cached is 503, never let through', async () => {
    const key = (await request(service.getHttpServer()).post('/v1/api-keys').set(bearer(adminToken)).send({ name: 'nowhere' }).expect(201)).body;
    const closed = Fastify();
    await closed.listen({ port: 0, host: '127.0.0.1' });
    const port = (closed.server.address() as AddressInfo).port;
    await closed.close();
    const orphan = new SessionServiceClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: key.apiKey, requestTimeoutMs: 300 }).start();
    try {
      const app = Fastify({ logger: false });
      app.get('/me', { preHandler: sessionPreHandler(orphan) }, () => ({ ok: true }));
      await app.ready();
      const user = await createUser(service, adminToken, { prefix: 'orphan' });
      const res = await request(app.server).get('/me').set(bearer(user.accessToken)).expect(503);
      expect(res.body).toEqual({ error: 'session_service_unavailable' });
      expect(orphan.trusted).toBe(false);
    } finally {
      await orphan.close();
    }
  });
});
