import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import http from 'node:http';
import v8 from 'node:v8';
import vm from 'node:vm';
import pg from 'pg';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { bearer, closeTestApp, createUser, openTestApp, type TestApp, urlOf, withoutTriggers } from './support/test-app.js';

const TRICKY = ['=HYPERLINK("http://evil.test","x")', '+1+2', '-3', '@SUM(A1)', 'comma, "quoted"\nand a new line', 'naïve ✓ 日本'];

/** Parses RFC 4180 CSV (quoted cells, doubled quotes, CRLF, line breaks inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

/** GET /v1/audit/events/export: streamed CSV / NDJSON of the filtered trail. */
describe('audit export', () => {
  let app: NestFastifyApplication;
  let db: pg.Client;
  let systemAdmin: string;
  let world: TestApp;

  beforeAll(async () => {
    ({ app, db, systemAdmin } = world = await openTestApp());
  });
  afterAll(() => closeTestApp(world));

  /**
   * Bulk events as the database owner with triggers off (the chain is not under test here, and one
   * transaction re-chaining 200,000 rows would be slow). Three events share each microsecond.
   */
  async function bulk(count: number): Promise<string> {
    const { rows } = await db.query(`INSERT INTO accounts (name) VALUES ($1) RETURNING id`, [`bulk-${count}-${Date.now()}`]);
    const accountId = rows[0].id;
    await withoutTriggers(
      db,
      `INSERT INTO audit_events (occurred_at, action, account_id, actor_user_id, actor_label, target_user_id, session_ids, session_count, surface, ip, user_agent, reason, ticket, details)
       SELECT now() - interval '1 hour' - (g / 3) * interval '1 millisecond', 'session.forced_logout', $1, gen_random_uuid(), 'admin-' || (g % 7),
              gen_random_uuid(), ARRAY[gen_random_uuid(), gen_random_uuid()], 2, (ARRAY['native','rocketchat','zap'])[1 + g % 3], '10.0.0.' || (g % 250),
              'Mozilla/5.0 (X11; Linux x86_64)', CASE WHEN g % 10 = 0 THEN ($2::text[])[1 + (g / 10) % 6] ELSE 'routine offboarding #' || g END,
              'TCK-' || g, jsonb_build_object('n', g)
         FROM generate_series(1, $3::int) AS g`,
      [accountId, TRICKY, count],
    );
    // as autovacuum would: without statistics the planner sorts the whole account for every batch
    await db.query('ANALYZE audit_events');
    return accountId;
  }

  async function expectedIds(accountId: string): Promise<string[]> {
    const { rows } = await db.query(`SELECT e.id::text AS id FROM audit_events e WHERE account_id = $1 ORDER BY e.occurred_at DESC, e.id DESC`, [accountId]);
    return rows.map((r) => r.id);
  }

  it('streams 20,000 events as CSV: all of them, newest first, correctly quoted and formula-safe', async () => {
    const accountId = await bulk(20_000);
    const res = await request(app.getHttpServer()).get('/v1/audit/events/export').query({ format: 'csv', accountId }).set(bearer(systemAdmin)).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="audit-events.csv"');
    const [header, ...rows] = parseCsv(res.text);
    expect(header.slice(0, 4)).toEqual(['id', 'occurredAt', 'action', 'outcome']);
    expect(rows).toHaveLength(20_000);
    expect(rows.every((r) => r.length === header.length)).toBe(true);
    expect(rows.map((r) => r[0])).toEqual(await expectedIds(accountId));

    const reasons = new Set(rows.map((r) => r[header.indexOf('reason')]));
    for (const expected of ["'=HYPERLINK(\"http://evil.test\",\"x\")", "'+1+2", "'-3", "'@SUM(A1)", 'comma, "quoted"\nand a new line', 'naïve ✓ 日本']) {
      expect(reasons.has(expected)).toBe(true);
    }
    const first = rows[0];
    expect(first[header.indexOf('occurredAt')]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(first[header.indexOf('sessionIds')].split(' ')).toHaveLength(2);
    expect(JSON.parse(first[header.indexOf('details')])).toEqual({ n: expect.any(Number) });
  });

  it('stays formula-safe for a semicolon-locale spreadsheet too: no cell, split on ; or on commas, starts with a trigger once trimmed', async () => {
    const hostile = [
      'Laptop stolen;=HYPERLINK("http://evil.test","x")',
      ' =1+1',
      '\t@SUM(A1)',
      '\uFF1Dcmd|"/c calc"!A0',
      'two lines\n-2+3',
      'quoted;"+1"',
      '\uFF20SUM(A1);\uFF0B1;\uFF0D1',
    ];
    const accountAdmin = await createUser(app, systemAdmin, { roles: ['admin'] });
    const me = await request(app.getHttpServer()).get('/v1/auth/me').set(bearer(accountAdmin.accessToken)).expect(200);
    for (const reason of hostile) {
      const target = await createUser(app, systemAdmin);
      await request(app.getHttpServer()).post(`/v1/users/${target.userId}/logout`).set(bearer(accountAdmin.accessToken)).send({ reason }).expect(200);
    }
    const res = await request(app.getHttpServer())
      .get('/v1/audit/events/export')
      .query({ format: 'csv', accountId: me.body.user.accountId, actorUserId: accountAdmin.userId })
      .set(bearer(systemAdmin))
      .expect(200);
    // the comma reader gets every reason back, behind apostrophes
    const rows: string[][] = parse(res.text, { delimiter: ',', record_delimiter: '\r\n' });
    const reasons = rows.slice(1).map((r) => r[rows[0].indexOf('reason')]);
    expect(reasons.map((r) => r.replace(/'/g, '')).sort()).toEqual(hostile.map((r) => r.replace(/'/g, '')).sort());
    // a reader of another locale splits on ; (or tabs, or line breaks) and relaxes the quoting that no longer starts its cells
    for (const delimiter of [',', ';', '\t']) {
      const cells: string[] = parse(res.text, { delimiter, relax_quotes: true, relax_column_count: true, record_delimiter: ['\r\n', '\n', '\r'] }).flat();
      expect(cells.filter((c) => /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/.test(c.trim()))).toEqual([]);
    }
  });

  it('streams NDJSON with the list’s event shape, and applies the list’s filters', async () => {
    const accountId = await bulk(2_500);
    const res = await request(app.getHttpServer())
      .get('/v1/audit/events/export')
      .query({ format: 'ndjson', accountId, surface: 'zap', reason: 'offboarding' })
      .set(bearer(systemAdmin))
      .buffer(true)
      .parse((r, done) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (c: string) => (text += c));
        r.on('end', () => done(null, text));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('application/x-ndjson');
    expect(res.headers['content-disposition']).toBe('attachment; filename="audit-events.ndjson"');
    const events = (res.body as string).trimEnd().split('\n').map((l) => JSON.parse(l));
    const { rows } = await db.query(
      `SELECT e.id::text AS id FROM audit_events e WHERE account_id = $1 AND surface = 'zap' AND reason ILIKE '%offboarding%' ORDER BY e.occurred_at DESC, e.id DESC`,
      [accountId],
    );
    expect(events.map((e) => e.id)).toEqual(rows.map((r) => r.id));
    expect(events[0]).toMatchObject({ action: 'session.forced_logout', surface: 'zap', accountId, actor: { label: expect.stringMatching(/^admin-/) }, sessionCount: 2 });
    const page = await request(app.getHttpServer()).get('/v1/audit/events').query({ accountId, surface: 'zap', reason: 'offboarding', limit: 1 }).set(bearer(systemAdmin)).expect(200);
    expect(events[0]).toEqual(page.body.items[0]);
  });

  it('refuses without audit.read (403), another account (404), a bad format (400)', async () => {
    const user = await createUser(app, systemAdmin, { roles: ['user'] });
    const accountAdmin = await createUser(app, systemAdmin, { roles: ['admin'] });
    const { rows } = await db.query(`INSERT INTO accounts (name) VALUES ($1) RETURNING id`, [`other-${Date.now()}`]);
    const api = () => request(app.getHttpServer());
    await api().get('/v1/audit/events/export?format=csv').set(bearer(user.accessToken)).expect(403);
    await api().get('/v1/audit/events/export').query({ format: 'csv', accountId: rows[0].id }).set(bearer(accountAdmin.accessToken)).expect(404);
    const bad = await api().get('/v1/audit/events/export?format=xlsx').set(bearer(accountAdmin.accessToken)).expect(400);
    expect(bad.body.error).toBe('VALIDATION_FAILED');
    await api().get('/v1/audit/events/export').set(bearer(accountAdmin.accessToken)).expect(400);
    // An instant Postgres cannot store: refused before the first byte (CSV used to send its header, then cut the connection).
    for (const format of ['csv', 'ndjson']) {
      for (const bound of ['from', 'to']) {
        const query = { format, [bound]: '-005000-01-01T00:00:00Z' };
        const res = await api().get('/v1/audit/events/export').query(query).set(bearer(accountAdmin.accessToken));
        expect({ query, status: res.status, type: res.type, error: res.body.error }).toEqual({ query, status: 400, type: 'application/json', error: 'VALIDATION_FAILED' });
      }
    }
    await api().get('/v1/audit/events/export?format=csv').expect(401);
  });

  it('exports the events of no account for the system admin (accountId=none), 403 for anyone else', async () => {
    const api = () => request(app.getHttpServer());
    await api().post('/v1/auth/login').send({ username: `ghost${Date.now().toString(36)}`, password: 'no-such-user-password' }).expect(401);
    const res = await api().get('/v1/audit/events/export').query({ format: 'csv', accountId: 'none' }).set(bearer(systemAdmin)).expect(200);
    const [header, ...lines] = parseCsv(res.text);
    const { rows } = await db.query(`SELECT e.id::text AS id FROM audit_events e WHERE account_id IS NULL ORDER BY e.occurred_at DESC, e.id DESC`);
    expect(rows.length).toBeGreaterThan(0);
    expect(lines.map((l) => l[header.indexOf('id')])).toEqual(rows.map((r) => r.id));
    expect(lines.every((l) => l[header.indexOf('accountId')] === '')).toBe(true);
    expect(lines[0][header.indexOf('action')]).toBe('auth.login_failed');

    const accountAdmin = await createUser(app, systemAdmin, { roles: ['admin'] });
    const refused = await api().get('/v1/audit/events/export').query({ format: 'csv', accountId: 'none' }).set(bearer(accountAdmin.accessToken)).expect(403);
    expect({ type: refused.type, error: refused.body.error }).toEqual({ type: 'application/json', error: 'PERMISSION_DENIED' });
  });

  it('keeps memory flat: streaming 200,000 events keeps far less than the data alive', async () => {
    let t = Date.now();
    const accountId = await bulk(200_000);
    const insertMs = Date.now() - t;
    // Live heap, not garbage: measured right after a full collection (gc exposed at runtime).
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const live = () => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    const baseline = live();
    const samples: number[] = [];
    t = Date.now();
    // A raw client that counts and discards; at every ~10 MiB it pauses (the server then stops
    // producing: backpressure), and the live heap is measured mid-stream. No timing involved.
    const { bytes, lines } = await new Promise<{ bytes: number; lines: number }>((resolve, reject) => {
      const url = `${urlOf(app)}/v1/audit/events/export?format=csv&accountId=${accountId}`;
      http.get(url, { headers: bearer(systemAdmin) }, (res) => {
        let b = 0;
        let n = 0;
        let nextSample = 10 * 1048576;
        res.on('data', (chunk: Buffer) => {
          b += chunk.length;
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n++;
          if (b >= nextSample) {
            nextSample += 10 * 1048576;
            res.pause();
            setImmediate(() => {
              samples.push(live());
              res.resume();
            });
          }
        });
        res.on('end', () => resolve({ bytes: b, lines: n }));
        res.on('error', reject);
      }).on('error', reject);
    });
    const exportMs = Date.now() - t;
    const growth = Math.max(...samples) - baseline;
    const mb = (x: number) => `${(x / 1048576).toFixed(1)} MiB`;
    console.log(
      `export of 200,000 events: ${mb(bytes)} streamed; live heap ${mb(baseline)} before, ${samples.map(mb).join(', ')} mid-stream; max growth ${mb(growth)} (insert ${insertMs} ms, export ${exportMs} ms)`,
    );
    expect(lines).toBeGreaterThanOrEqual(200_001); // header + rows (+ line breaks inside quoted reasons)
    expect(samples.length).toBeGreaterThanOrEqual(5);
    // Buffering would keep the text (2 bytes a character in V8) plus 200,000 row objects alive: several times `bytes`.
    expect(growth).toBeLessThan(Math.min(bytes / 8, 16 * 1048576));
  }, 180_000);
});
