import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createTestDatabase, startApp } from './support/test-app.js';

/** Invalid percent-encoding: Fastify's router refuses it before any route, hook or Nest filter runs. */
const BAD = '%E0%A4%A';

interface Surface {
  name: string;
  /** A path under the surface whose percent-encoding is broken. */
  badUrl: string;
  /** A route of the surface that takes a JSON body. */
  post: string;
  /** The surface's 400, whatever the cause. */
  expectBadRequest(res: request.Response): void;
}

const requestIdOf = (res: request.Response) => res.headers['x-request-id'] as string;

const SURFACES: Surface[] = [
  {
    name: 'native',
    badUrl: `/v1/users/${BAD}`,
    post: '/v1/auth/login',
    expectBadRequest: (res) => expect(res.body).toEqual({ statusCode: 400, error: 'VALIDATION_FAILED', message: expect.any(String), requestId: requestIdOf(res) }),
  },
  {
    name: 'rocketchat',
    badUrl: `/compat/rocketchat/api/v1/${BAD}`,
    post: '/compat/rocketchat/api/v1/login',
    expectBadRequest: (res) => expect(res.body).toEqual({ success: false, error: expect.any(String), errorType: 'invalid-params' }),
  },
  {
    name: 'uberall',
    badUrl: `/compat/uberall/users/${BAD}/all-sessions`,
    post: '/compat/uberall/users/login',
    expectBadRequest: (res) => expect(res.body).toEqual({ status: 'INVALID_PARAMETER', message: expect.any(String), errorCode: 'INVALID_INPUT' }),
  },
  {
    name: 'zap',
    badUrl: `/compat/zap/v1/users/logout/${BAD}`,
    post: '/compat/zap/v1/login',
    expectBadRequest: (res) => expect(res.body).toEqual({ success: false, message: expect.any(String) }),
  },
  {
    name: 'ras',
    badUrl: `/compat/ras/api/Session/${BAD}/logoff`,
    post: '/compat/ras/api/Session/logon',
    expectBadRequest: (res) => {
      expect(res.headers['content-type']).toMatch(/^application\/json; api-version=1\.0\b/);
      expect(res.body).toEqual({
        type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
        title: 'Bad Request',
        status: 400,
        detail: expect.any(String),
        instance: expect.stringMatching(/^\/compat\/ras\/api\/Session\//),
        traceId: requestIdOf(res),
      });
    },
  },
  {
    name: 'chime',
    badUrl: `/compat/chime/accounts/${BAD}/users/x`,
    post: '/compat/chime/accounts/a/users/b?operation=logout',
    expectBadRequest: (res) => {
      expect(res.headers['x-amzn-errortype']).toBe('BadRequestException');
      expect(res.headers['x-amzn-requestid']).toBe(requestIdOf(res));
      expect(res.body).toEqual({ Code: 'BadRequest', Message: expect.any(String) });
    },
  },
];

/**
 * Failures Fastify answers before a controller runs — a malformed URL, a body that is not JSON, a
 * content type nothing parses — come back in the error shape of the surface the client called.
 */
describe('framework-level errors in each surface\'s own shape', () => {
  let app: NestFastifyApplication;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await startApp(await createTestDatabase());
  });
  afterAll(() => app.close());

  describe.each(SURFACES)('$name', (surface) => {
    it('a malformed URL (invalid percent-encoding) is its 400, with the request id', async () => {
      const res = await http().get(surface.badUrl).expect(400);
      surface.expectBadRequest(res);
      expect(requestIdOf(res)).toEqual(expect.any(String));
      expect(JSON.stringify(res.body)).toContain('The URL is malformed');
      expect(JSON.stringify(res.body)).not.toContain('FST_');
    });

    it('a body that is not JSON is its 400', async () => {
      surface.expectBadRequest(await http().post(surface.post).set('Content-Type', 'application/json').send('{"username":').expect(400));
    });

    it('a content type nothing parses is its 400', async () => {
      surface.expectBadRequest(await http().post(surface.post).set('Content-Type', 'application/xml').send('<login/>').expect(400));
    });
  });

  it('keeps the caller\'s X-Request-Id on a malformed URL, as on any other answer', async () => {
    const res = await http().get(`/v1/users/${BAD}`).set('X-Request-Id', 'trace-abc.123').expect(400);
    expect(res.headers['x-request-id']).toBe('trace-abc.123');
    expect(res.body.requestId).toBe('trace-abc.123');
  });

  it('an over-long path segment is a native 400 too, not Fastify\'s 414 body', async () => {
    const res = await http().get(`/v1/users/${'a'.repeat(150)}`).expect(400);
    expect(res.body).toEqual({ statusCode: 400, error: 'VALIDATION_FAILED', message: 'A path segment is too long', requestId: requestIdOf(res) });
  });
});
