import http from 'node:http';
import request from 'supertest';
import { InvalidationStreamService } from '../src/oauth/invalidation-stream.service.js';
import { bearer, closeTestApp, createUser, openTestApp, TestApp, urlOf } from './support/test-app.js';

/** The first `count` events of a stream opened with these headers, as {event, id, data}. */
function firstEvents(base: string, headers: Record<string, string>, count: number): Promise<{ status: number; events: { event: string; id: string; data: string }[] }> {
  return new Promise((resolve, reject) => {
    const req = http.get(new URL('/v1/invalidations', base), { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      const events: { event: string; id: string; data: string }[] = [];
      let buffer = '';
      if (res.statusCode !== 200) {
        res.resume();
        return resolve({ status: res.statusCode ?? 0, events });
      }
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const field = (name: string) => new RegExp(`^${name}: ?(.*)$`, 'm').exec(block)?.[1] ?? '';
          if (field('event')) events.push({ event: field('event'), id: field('id'), data: field('data') });
          if (events.length >= count) {
            req.destroy();
            return resolve({ status: 200, events });
          }
        }
      });
    });
    req.on('error', reject);
  });
}

describe('GET /v1/invalidations (the stream behind the client library)', () => {
  let world: TestApp;
  let apiKey: string;

  beforeAll(async () => {
    world = await openTestApp();
    apiKey = (await request(world.app.getHttpServer()).post('/v1/api-keys').set(bearer(world.systemAdmin)).send({ name: 'stream' }).expect(201)).body.apiKey;
  });
  afterAll(() => closeTestApp(world));

  it('needs an API key, in the native error shape', async () => {
    const res = await request(world.app.getHttpServer()).get('/v1/invalidations').expect(401);
    expect(res.body).toMatchObject({ statusCode: 401, error: 'INVALID_CLIENT' });
  });

  it('carries ids and kinds only, and resumes from an id with what was logged since', async () => {
    const first = await firstEvents(urlOf(world.app), { 'x-api-key': apiKey }, 1);
    expect(first.events[0]).toMatchObject({ event: 'heartbeat' });
    const resumeFrom = first.events[0].id;
    expect(resumeFrom).toMatch(/^\d+\.\d+$/);
    const user = await createUser(world.app, world.systemAdmin);
    await request(world.app.getHttpServer()).post('/v1/auth/logout').set(bearer(user.accessToken)).expect(200);
    const resumed = await firstEvents(urlOf(world.app), { 'x-api-key': apiKey, 'last-event-id': resumeFrom }, 2);
    expect(resumed.events[0]).toMatchObject({ event: 'invalidation', data: JSON.stringify({ kind: 'session', id: user.sessionId }) });
    expect(resumed.events[1].event).toBe('heartbeat');
    // Nothing of the token in the stream or its log.
    expect(JSON.stringify(resumed.events)).not.toContain(user.accessToken);
    const { rows } = await world.db.query('SELECT kind, target_id FROM invalidation_log WHERE target_id = $1', [user.sessionId]);
    expect(rows).toEqual([{ kind: 's', target_id: user.sessionId }]);
  });

  it('says reset for a resume point outside the replay window or not of its making', async () => {
    const old = `1.${Date.now() - 3_600_000}`;
    for (const id of [old, 'garbage', '']) {
      const res = await firstEvents(urlOf(world.app), { 'x-api-key': apiKey, 'last-event-id': id }, 1);
      expect(res.events[0].event).toBe(id === '' ? 'heartbeat' : 'reset');
    }
  });

  it('drops log rows older than the window', async () => {
    const user = await createUser(world.app, world.systemAdmin);
    await world.db.query(`INSERT INTO invalidation_log (account_id, kind, target_id, created_at) VALUES ((SELECT account_id FROM users WHERE id = $1), 's', 'old-one', now() - interval '1 day')`, [user.userId]);
    await world.app.get(InvalidationStreamService).purge();
    const { rows } = await world.db.query(`SELECT count(*)::int AS n FROM invalidation_log WHERE target_id = 'old-one'`);
    expect(rows[0].n).toBe(0);
  });
});
