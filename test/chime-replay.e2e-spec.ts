import { ChimeClient, GetUserCommand, LogoutUserCommand } from '@aws-sdk/client-chime';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import net from 'node:net';
import pg from 'pg';
import request from 'supertest';
import { createDataSource } from '../src/database/data-source.js';
import { SigV4SeenSignatures1700000001500 } from '../src/database/migrations/1700000001500-sigv4-seen-signatures.js';
import { bearer, createTestDatabase, createUser, login, loginAdmin, startApp, urlOf } from './support/test-app.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const PREFIX = '/compat/chime';

interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const portOf = (app: NestFastifyApplication) => Number(new URL(urlOf(app)).port);

/**
 * A loopback TCP relay in front of an instance that keeps every byte the client sent, per connection:
 * what an eavesdropper on a plain-HTTP network sees.
 */
async function wiretap(targetPort: number): Promise<{ port: number; captured: Buffer[]; close: () => Promise<void> }> {
  const captured: Buffer[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const chunks: Buffer[] = [];
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    client.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    client.on('close', () => {
      captured.push(Buffer.concat(chunks));
      upstream.destroy();
    });
    upstream.on('close', () => client.destroy());
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    captured,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Sends bytes as they are to an instance and reads one HTTP answer. */
function rawExchange(port: number, bytes: Buffer): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes));
    let received = Buffer.alloc(0);
    const timer = setTimeout(() => socket.destroy(new Error('no answer within 10 s')), 10_000);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      const [statusLine, ...lines] = received.subarray(0, end).toString('latin1').split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      const length = Number(headers['content-length'] ?? 0);
      if (received.length < end + 4 + length) return;
      clearTimeout(timer);
      socket.destroy();
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: received.subarray(end + 4, end + 4 + length).toString('utf8') });
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/**
 * A SigV4 request captured on the wire can be sent again byte for byte while its x-amz-date is within
 * AWS's 15-minute skew. The service refuses a signature it has already accepted, on every instance
 * (CHIME_REPLAY_PROTECTION, on by default).
 */
describe('Chime replay protection across two instances (real AWS SDK, raw replays of captured bytes)', () => {
  let a: NestFastifyApplication;
  let b: NestFastifyApplication;
  let unprotected: NestFastifyApplication | undefined;
  let db: pg.Client;
  let dbUrl: string;
  let adminToken: string;
  let accountId: string;
  let key: Credentials;
  let tap: Awaited<ReturnType<typeof wiretap>>;

  const chimeVia = (port: number) =>
    new ChimeClient({ region: 'us-east-1', endpoint: `http://127.0.0.1:${port}${PREFIX}`, credentials: key, maxAttempts: 1 });

  /** One SDK call through the wiretap on its own connection; returns its answer and the bytes it sent. */
  async function capturedCall<T>(call: (client: ChimeClient) => Promise<T>): Promise<{ answer: T; bytes: Buffer }> {
    const client = chimeVia(tap.port);
    const before = tap.captured.length;
    const answer = await call(client);
    client.destroy(); // closes the connection: its bytes are now captured
    for (let i = 0; i < 100 && tap.captured.length === before; i++) await new Promise((r) => setTimeout(r, 20));
    expect(tap.captured.length).toBe(before + 1);
    const bytes = tap.captured[tap.captured.length - 1];
    expect(bytes.toString('latin1')).toMatch(/^(GET|POST) \/compat\/chime\/accounts\/[^ ]+ HTTP\/1\.1\r\n[\s\S]*authorization: AWS4-HMAC-SHA256 /i);
    return { answer, bytes };
  }

  function expectReplayRefused(answer: RawAnswer): void {
    expect(answer.status).toBe(403);
    expect(answer.headers['x-amzn-errortype']).toBe('ForbiddenException');
    expect(answer.headers['x-amzn-requestid']).toEqual(expect.any(String));
    expect(JSON.parse(answer.body)).toEqual({ Code: 'Forbidden', Message: expect.stringMatching(/already used.*replay refused/) });
  }

  beforeAll(async () => {
    const url = (dbUrl = await createTestDatabase());
    db = new pg.Client({ connectionString: url });
    await db.connect();
    // Left over from long ago: the purge must take it, and only it.
    await db.query(`INSERT INTO sigv4_seen_signatures (signature_hash, expires_at) VALUES (sha256('old'), now() - interval '1 hour'), (sha256('live'), now() + interval '1 hour')`);
    a = await startApp(url);
    b = await startApp(url);
    adminToken = (await loginAdmin(a)).accessToken;
    accountId = (await request(a.getHttpServer()).get('/v1/auth/me').set(bearer(adminToken)).expect(200)).body.user.accountId;
    const res = await request(a.getHttpServer()).post(`/v1/accounts/${accountId}/access-keys`).set(bearer(adminToken)).expect(201);
    key = { accessKeyId: res.body.accessKeyId, secretAccessKey: res.body.secretAccessKey };
    tap = await wiretap(portOf(a));
  });
  afterAll(async () => {
    await tap?.close();
    await db?.end();
    await unprotected?.close();
    await b?.close();
    await a?.close();
  });

  it('a GetUser captured on its way to instance A is refused when replayed to B, and to A; fresh calls still work on both', async () => {
    const user = await createUser(a, adminToken);
    const { answer, bytes } = await capturedCall((client) => client.send(new GetUserCommand({ AccountId: accountId, UserId: user.userId })));
    expect(answer.User?.UserId).toBe(user.userId);

    expectReplayRefused(await rawExchange(portOf(b), bytes));
    expectReplayRefused(await rawExchange(portOf(a), bytes));

    // the SDK signs every call anew (a per-invocation id is signed): nothing legitimate is refused
    for (const app of [a, b]) {
      const client = chimeVia(portOf(app));
      for (let i = 0; i < 3; i++) expect((await client.send(new GetUserCommand({ AccountId: accountId, UserId: user.userId }))).User?.UserId).toBe(user.userId);
      client.destroy();
    }
  });

  it('a LogoutUser replayed to the other instance after the user signed in again does not log them out', async () => {
    const user = await createUser(a, adminToken);
    const { answer, bytes } = await capturedCall((client) => client.send(new LogoutUserCommand({ AccountId: accountId, UserId: user.userId })));
    expect(answer.$metadata.httpStatusCode).toBe(204);
    expect((await request(a.getHttpServer()).get('/v1/auth/me').set(bearer(user.accessToken))).status).toBe(401);

    const again = await login(b, user.username, user.password);
    expectReplayRefused(await rawExchange(portOf(b), bytes));
    expect((await request(b.getHttpServer()).get('/v1/auth/me').set(bearer(again.accessToken))).status).toBe(200);
    expect((await request(a.getHttpServer()).get('/v1/auth/me').set(bearer(again.accessToken))).status).toBe(200);
  });

  it('keeps only the signature’s SHA-256, until its window (plus a clock margin) has closed; expired rows are purged', async () => {
    const user = await createUser(a, adminToken);
    const { bytes } = await capturedCall((client) => client.send(new GetUserCommand({ AccountId: accountId, UserId: user.userId })));
    const signature = /Signature=([0-9a-f]{64})/.exec(bytes.toString('latin1'))![1];
    const amzDate = /x-amz-date: (\d{8}T\d{6}Z)/i.exec(bytes.toString('latin1'))![1];
    const { rows } = await db.query(`SELECT expires_at FROM sigv4_seen_signatures WHERE signature_hash = sha256(convert_to($1, 'UTF8'))`, [signature]);
    const m = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/.exec(amzDate)!;
    const signedAt = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
    expect(rows).toHaveLength(1);
    expect((rows[0].expires_at.getTime() - signedAt) / 1000).toBe(15 * 60 + 5 * 60);
    const plain = await db.query(`SELECT count(*)::int AS n FROM sigv4_seen_signatures WHERE position(convert_to($1, 'UTF8') IN signature_hash) > 0`, [signature]);
    expect(plain.rows[0].n).toBe(0);
    // each instance purged on its first claim (off the request path): the expired row goes, the live one stays
    const left = await db.query(`SELECT signature_hash = sha256('live') AS live, expires_at < now() AS expired FROM sigv4_seen_signatures WHERE signature_hash IN (sha256('old'), sha256('live'))`);
    expect(left.rows).toEqual([{ live: true, expired: false }]);
  });

  it('with CHIME_REPLAY_PROTECTION=false the same replay is accepted, as AWS itself would', async () => {
    unprotected = await startApp(dbUrl, { CHIME_REPLAY_PROTECTION: 'false' });
    const user = await createUser(a, adminToken);
    const { bytes } = await capturedCall((client) => client.send(new GetUserCommand({ AccountId: accountId, UserId: user.userId })));
    expectReplayRefused(await rawExchange(portOf(b), bytes));
    const replayed = await rawExchange(portOf(unprotected), bytes);
    expect(replayed.status).toBe(200);
    expect(JSON.parse(replayed.body).User.UserId).toBe(user.userId);
  });

  it('the migration’s down() drops the table and up() makes it again', async () => {
    const ds = await createDataSource(await createTestDatabase(), 1).initialize();
    const runner = ds.createQueryRunner();
    const exists = async () => (await runner.query(`SELECT to_regclass('sigv4_seen_signatures') IS NOT NULL AS e`))[0].e;
    try {
      const migration = new SigV4SeenSignatures1700000001500();
      await migration.down(runner);
      expect(await exists()).toBe(false);
      await migration.up(runner);
      expect(await exists()).toBe(true);
      await runner.query(`INSERT INTO sigv4_seen_signatures VALUES (sha256('x'), now())`);
      await expect(runner.query(`INSERT INTO sigv4_seen_signatures VALUES (sha256('x'), now())`)).rejects.toThrow(/pk_sigv4_seen_signatures/);
    } finally {
      await runner.release();
      await ds.destroy();
    }
  });
});
