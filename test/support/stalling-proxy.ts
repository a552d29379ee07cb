import { createServer, Server, Socket, connect } from 'node:net';

/** One client connection through the proxy, with what its Postgres startup message said. */
export interface ProxiedConnection {
  applicationName: string | null;
  stalled: boolean;
}

interface Pair extends ProxiedConnection {
  client: Socket;
  server: Socket;
  held: { to: Socket; chunk: Buffer }[];
}

/**
 * A TCP proxy in front of Postgres that can stall a connection without closing it: bytes in both
 * directions are held, not forwarded, and both sockets stay open, as a half-open connection after a
 * network fault looks to both ends. It reads the application_name from each connection's startup
 * message (plain text on loopback), so a test can stall one kind of connection only.
 */
export class StallingProxy {
  private readonly pairs = new Set<Pair>();
  private server: Server | null = null;
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async start(): Promise<void> {
    this.server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('proxy not listening');
    this.port = address.port;
  }

  /** `url` with its host and port replaced by the proxy's. */
  through(url: string): string {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  connections(): ProxiedConnection[] {
    return [...this.pairs];
  }

  /** Stalls every open connection that `which` picks; returns how many. */
  stall(which: (c: ProxiedConnection) => boolean): number {
    let n = 0;
    for (const pair of this.pairs) {
      if (which(pair)) {
        pair.stalled = true;
        n++;
      }
    }
    return n;
  }

  /** Forwards again what stalled connections held, in order. */
  release(): void {
    for (const pair of this.pairs) {
      pair.stalled = false;
      for (const { to, chunk } of pair.held.splice(0)) to.write(chunk);
    }
  }

  async close(): Promise<void> {
    for (const pair of this.pairs) {
      pair.client.destroy();
      pair.server.destroy();
    }
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private accept(client: Socket): void {
    const server = connect(this.targetPort, this.targetHost);
    const pair: Pair = { client, server, applicationName: null, stalled: false, held: [] };
    this.pairs.add(pair);
    let first = true;
    const forward = (to: Socket) => (chunk: Buffer) => {
      if (pair.stalled) pair.held.push({ to, chunk });
      else to.write(chunk);
    };
    client.on('data', (chunk: Buffer) => {
      if (first) {
        first = false;
        pair.applicationName = startupParameter(chunk, 'application_name');
      }
      forward(server)(chunk);
    });
    server.on('data', forward(client));
    const drop = () => {
      this.pairs.delete(pair);
      client.destroy();
      server.destroy();
    };
    client.on('close', drop);
    server.on('close', drop);
    client.on('error', drop);
    server.on('error', drop);
  }
}

/** A parameter of a Postgres StartupMessage (length, protocol 3.0, then name\0value\0 pairs). */
function startupParameter(message: Buffer, name: string): string | null {
  if (message.length < 8 || message.readInt32BE(4) !== 196608) return null;
  const fields = message.subarray(8).toString('utf8').split('\0');
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
  return null;
}
