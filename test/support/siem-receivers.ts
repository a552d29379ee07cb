import Fastify, { FastifyInstance } from 'fastify';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AddressInfo, createServer, Server, Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';

/** An event as a SIEM received it (parsed JSON). */
export type SiemEvent = Record<string, unknown> & { id: string };

/**
 * A SIEM's HTTP intake on loopback: NDJSON batches at /ndjson (the HMAC signature checked: a bad one
 * is answered 401 and counted), Splunk HEC batches at /services/collector/event (the token checked,
 * 401 otherwise). `down` answers 503 to everything; `stop()` closes the port altogether.
 */
export class SiemHttpReceiver {
  readonly ndjson: SiemEvent[] = [];
  readonly hec: Record<string, unknown>[] = [];
  badSignatures = 0;
  badTokens = 0;
  batches = 0;
  down = false;
  private server: FastifyInstance | null = null;
  private port = 0;

  constructor(
    private readonly hmacKey: string,
    private readonly hecToken: string,
  ) {}

  async start(port = this.port): Promise<this> {
    const server = Fastify({ bodyLimit: 50 * 1024 * 1024 });
    server.addContentTypeParser('application/x-ndjson', { parseAs: 'string' }, (_req, body, done) => done(null, body));
    server.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));
    server.post('/ndjson', async (req, reply) => {
      if (this.down) return reply.code(503).send('down');
      const body = String(req.body);
      const timestamp = String(req.headers['x-audit-timestamp']);
      const expected = Buffer.from(`v1=${createHmac('sha256', this.hmacKey).update(`${timestamp}.${body}`).digest('hex')}`);
      const given = Buffer.from(String(req.headers['x-audit-signature'] ?? ''));
      if (given.length !== expected.length || !timingSafeEqual(given, expected) || Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) {
        this.badSignatures++;
        return reply.code(401).send('bad signature');
      }
      if (!body.endsWith('\n')) return reply.code(400).send('not NDJSON');
      this.batches++;
      for (const line of body.split('\n').filter(Boolean)) this.ndjson.push(JSON.parse(line));
      return reply.code(200).send('ok');
    });
    server.post('/services/collector/event', async (req, reply) => {
      if (this.down) return reply.code(503).send({ text: 'Server is busy', code: 9 });
      if (req.headers.authorization !== `Splunk ${this.hecToken}`) {
        this.badTokens++;
        return reply.code(401).send({ text: 'Invalid authorization', code: 3 });
      }
      this.batches++;
      for (const part of String(req.body).split('\n').filter(Boolean)) this.hec.push(JSON.parse(part));
      return reply.code(200).send({ text: 'Success', code: 0 });
    });
    await server.listen({ port, host: '127.0.0.1' });
    this.server = server;
    this.port = (server.server.address() as AddressInfo).port;
    return this;
  }

  url(path: '/ndjson' | '/services/collector/event'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  async stop(): Promise<void> {
    await this.server?.close();
    this.server = null;
  }
}

/** One RFC 5424 message a collector received, split into its parts. */
export interface SyslogReceived {
  raw: string;
  pri: number;
  version: string;
  timestamp: string;
  hostname: string;
  appName: string;
  procId: string;
  msgId: string;
  structuredData: string;
  event: SiemEvent;
}

const HEADER = /^<(\d{1,3})>(\d) (\S+) (\S+) (\S+) (\S+) (\S+) (\[.*?[^\\]\]|-) \uFEFF([\s\S]*)$/;

/**
 * A syslog collector over TCP (or TLS with `tls`), reading RFC 6587 octet-counted frames: the length
 * in bytes, a space, that many bytes. A malformed frame fails the test (counted in `errors`).
 */
export class SyslogCollector {
  readonly messages: SyslogReceived[] = [];
  readonly errors: string[] = [];
  connections = 0;
  private server: Server | null = null;

  constructor(private readonly tls?: { key: string; cert: string }) {}

  async start(): Promise<this> {
    const onSocket = (socket: Socket) => {
      this.connections++;
      let buffer = Buffer.alloc(0);
      socket.on('data', (chunk: Buffer) => {
        buffer = Buffer.concat([buffer, chunk]);
        for (;;) {
          const space = buffer.indexOf(0x20);
          if (space === -1) break;
          const lengthText = buffer.subarray(0, space).toString('ascii');
          if (!/^[1-9]\d*$/.test(lengthText)) {
            this.errors.push(`bad frame length ${JSON.stringify(lengthText)}`);
            socket.destroy();
            return;
          }
          const length = Number(lengthText);
          if (buffer.length < space + 1 + length) break;
          this.take(buffer.subarray(space + 1, space + 1 + length).toString('utf8'));
          buffer = buffer.subarray(space + 1 + length);
        }
      });
      socket.on('end', () => {
        if (buffer.length > 0) this.errors.push(`${buffer.length} bytes left after the last frame`);
        socket.end();
      });
      socket.on('error', () => undefined);
    };
    const server = this.tls ? createTlsServer({ key: this.tls.key, cert: this.tls.cert }, onSocket) : createServer(onSocket);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    return this;
  }

  get port(): number {
    return (this.server?.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }

  private take(raw: string): void {
    const m = HEADER.exec(raw);
    if (!m) {
      this.errors.push(`not RFC 5424: ${raw.slice(0, 80)}`);
      return;
    }
    this.messages.push({
      raw,
      pri: Number(m[1]),
      version: m[2],
      timestamp: m[3],
      hostname: m[4],
      appName: m[5],
      procId: m[6],
      msgId: m[7],
      structuredData: m[8],
      event: JSON.parse(m[9]),
    });
  }
}
