import { Logger } from '@nestjs/common';
import { Writable } from 'node:stream';
import { createRootLogger, NestPinoLogger } from './logger.js';

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
    const req = { id: 'r-2', method: 'POST', url: '/v1/auth/login', headers: { authorization: 'Bearer sat_secret' }, body: { password: 'pw_secret' } };
    root.info({ req, res: { headers: { 'set-cookie': 'sid=cookie_secret' } } }, 'request');
    expect(lines[0]).toMatchObject({ level: 40, context: 'Revocation', err: 'lost', msg: 'invalidation channel lost' });
    expect(lines[1]).toMatchObject({ req: { id: 'r-2', method: 'POST', url: '/v1/auth/login' }, res: { headers: { 'set-cookie': '[redacted]' } } });
    expect(JSON.stringify(lines[1])).not.toMatch(/secret/);
  });

  it('logs a request line with its query values redacted, as it does credential headers', () => {
    const { lines, stream } = capture();
    const root = createRootLogger('debug', stream);
    root.debug({ req: { id: 'r-3', method: 'GET', url: '/v1/auth/session?access_token=sat_secret&scope=local' } }, 'incoming request');
    expect(lines[0]).toMatchObject({ req: { id: 'r-3', method: 'GET', url: '/v1/auth/session?access_token=[redacted]&scope=[redacted]' } });
    expect(JSON.stringify(lines[0])).not.toMatch(/secret/);
  });
});
