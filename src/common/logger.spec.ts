import { Logger } from '@nestjs/common';
import Fastify from 'fastify';
import { Writable } from 'node:stream';
import { Registry } from 'prom-client';
import { RequestMetrics } from '../metrics/request-metrics.js';
import { createRootLogger, NestPinoLogger, RequestLogController } from './logger.js';

/** A pino destination that keeps each line, parsed. */
function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, stream };
}

describe('NestPinoLogger', () => {
  it("writes Nest's (fields, message, context) calls as one pino line with the context", () => {
    const { lines, stream } = capture();
    const nest = new NestPinoLogger(createRootLogger('info', stream));
    nest.error({ requestId: 'r-1', err: { message: 'boom' } }, 'request failed', 'Exceptions');
    nest.log('started', 'NestApplication');
    nest.error('plain failure', 'Error: plain failure\n    at x', 'Bootstrap');
    expect(lines).toEqual([
      expect.objectContaining({ level: 50, context: 'Exceptions', requestId: 'r-1', err: expect.objectContaining({ message: 'boom' }), msg: 'request failed' }),
      expect.objectContaining({ level: 30, context: 'NestApplication', msg: 'started' }),
      expect.objectContaining({ level: 50, context: 'Bootstrap', msg: 'plain failure', stack: 'Error: plain failure\n    at x' }),
    ]);
  });

  it('honours the level: debug and verbose lines are dropped at info', () => {
    const { lines, stream } = capture();
    const nest = new NestPinoLogger(createRootLogger('info', stream));
    nest.debug('hidden', 'X');
    nest.verbose('hidden', 'X');
    nest.warn('shown', 'X');
    expect(lines.map((l) => l.msg)).toEqual(['shown']);
  });

  it("serves Nest's Logger class; a logged request keeps its line only, and credential headers are redacted", () => {
    const { lines, stream } = capture();
    const root = createRootLogger('info', stream);
    Logger.overrideLogger(new NestPinoLogger(root));
    new Logger('Revocation').warn({ err: 'lost' }, 'invalidation channel lost');
    const req = { id: 'r-2', method: 'POST', url: '/v1/auth/login?access_token=sat_query_secret', headers: { authorization: 'Bearer sat_secret' }, body: { password: 'pw_secret' } };
    root.info({ req, res: { headers: { 'set-cookie': 'sid=cookie_secret' } } }, 'request');
    expect(lines[0]).toMatchObject({ level: 40, context: 'Revocation', err: 'lost', msg: 'invalidation channel lost' });
    expect(lines[1]).toMatchObject({ req: { id: 'r-2', method: 'POST', path: '/v1/auth/login' }, res: { headers: { 'set-cookie': '[redacted]' } } });
    expect(JSON.stringify(lines[1])).not.toMatch(/secret/);
  });

  it('logs a request line by its path: no query value (?access_token=) ever reaches the log', () => {
    const { lines, stream } = capture();
    const root = createRootLogger('debug', stream);
    root.debug({ req: { id: 'r-3', method: 'GET', url: '/v1/auth/session?access_token=sat_secret&scope=local' } }, 'incoming request');
    expect(lines[0]).toMatchObject({ req: { id: 'r-3', method: 'GET', path: '/v1/auth/session' } });
    expect(JSON.stringify(lines[0])).not.toMatch(/secret/);
  });
});

/** Every credential header of the six surfaces, and a token in the query string. */
const SECRET_HEADERS = {
  authorization: 'Bearer sat_header_secret',
  'x-auth-token': 'rc_secret',
  'x-user-id': 'rc_user_secret',
  auth_token: 'ras_secret',
  'x-api-key': 'uberall_secret',
  cookie: 'sid=cookie_secret',
  'x-amz-security-token': 'aws_secret',
  'x-amz-date': '20260101T000000Z_secret',
};

describe('RequestLogController', () => {
  /** A real Fastify server logging through the controller, with one parameterised route. */
  async function server(level: string) {
    const { lines, stream } = capture();
    const logController = new RequestLogController(level === 'info' || level === 'debug');
    const registry = new Registry();
    logController.observe(new RequestMetrics(registry, (path) => (path.startsWith('/compat/zap') ? 'zap' : 'native')));
    let id = 0;
    const app = Fastify({ loggerInstance: createRootLogger(level, stream), logController, genReqId: () => `req-${++id}` });
    app.get('/v1/sessions/:id', async () => ({ ok: true }));
    app.post('/compat/zap/v1/users/logout/:id', async (_request, reply) => reply.code(403).send({ success: false }));
    await app.ready();
    return { app, lines, registry };
  }

  it('writes ONE line per request at info: method, route pattern, status, duration, request id, surface; no credential, URL or query', async () => {
    const { app, lines } = await server('info');
    await app.inject({ method: 'GET', url: '/v1/sessions/8d0c5c9e?access_token=sat_query_secret', headers: SECRET_HEADERS });
    await app.inject({ method: 'POST', url: '/compat/zap/v1/users/logout/u-1?token=zap_query_secret', headers: SECRET_HEADERS, payload: { password: 'pw_secret' } });
    await app.inject({ method: 'GET', url: '/nowhere/sat_path_secret?x=1' });
    await app.close();
    const requests = lines.filter((l) => l.msg === 'request');
    expect(lines.length).toBe(3);
    expect(requests).toEqual([
      expect.objectContaining({ level: 30, reqId: 'req-1', method: 'GET', route: '/v1/sessions/:id', status: 200, surface: 'native', durationMs: expect.any(Number) }),
      expect.objectContaining({ level: 30, reqId: 'req-2', method: 'POST', route: '/compat/zap/v1/users/logout/:id', status: 403, surface: 'zap' }),
      expect.objectContaining({ level: 30, reqId: 'req-3', method: 'GET', route: null, status: 404, surface: 'native' }),
    ]);
    const text = JSON.stringify(lines);
    expect(text).not.toMatch(/secret|8d0c5c9e|u-1/);
  });

  it('logs no request line below info, and still counts every request', async () => {
    const { app, lines, registry } = await server('warn');
    await app.inject({ method: 'GET', url: '/v1/sessions/1', headers: SECRET_HEADERS });
    await app.inject({ method: 'GET', url: '/v1/sessions/2' });
    await app.close();
    expect(lines).toEqual([]);
    const text = await registry.metrics();
    expect(text).toContain('session_service_http_requests_total{method="GET",route="/v1/sessions/:id",surface="native",status="200"} 2');
    expect(text).toContain('session_service_http_request_duration_seconds_count{method="GET",route="/v1/sessions/:id",surface="native",status="200"} 2');
    expect(text).toContain('session_service_http_request_duration_seconds_bucket{method="GET",route="/v1/sessions/:id",surface="native",status="200",le="+Inf"} 2');
  });
});
