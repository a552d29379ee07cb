// A TCP proxy in front of Postgres that can stall a connection without closing it. Plain JavaScript so
// that both the bench (Node, no build) and the fault tests (test/invalidation-faults.e2e-spec.ts) use it.
import { connect, createServer } from 'node:net';

/**
 * Bytes in both directions of a stalled connection are held, not forwarded, and both sockets stay
 * open, as a half-open connection after a network fault looks to both ends. It reads the
 * application_name from each connection's startup message (plain text on loopback), so a caller can
 * stall one kind of connection only.
 */
export class StallingProxy {
  constructor(targetHost, targetPort) {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.pairs = new Set();
    this.server = null;
    this.port = 0;
  }

  async start() {
    this.server = createServer((client) => this.accept(client));
    await new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = this.server.address().port;
  }

  /** `url` with its host and port replaced by the proxy's. */
  through(url) {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  /** The open connections: `{ applicationName, stalled }` each. */
  connections() {
    return [...this.pairs];
  }

  /** Stalls every open connection that `which` picks; returns how many. */
  stall(which) {
    let n = 0;
    for (const pair of this.pairs) {
      if (which(pair)) {
        pair.stalled = true;
        n++;
      }
    }
    return n;
  }

  /** Closes every open connection that `which` picks, dropping what they held; returns how many. */
  drop(which) {
    let n = 0;
    for (const pair of [...this.pairs]) {
      if (which(pair)) {
        pair.client.destroy();
        pair.server.destroy();
        this.pairs.delete(pair);
        n++;
      }
    }
    return n;
  }

  /** Forwards again what stalled connections held, in order. */
  release() {
    for (const pair of this.pairs) {
      pair.stalled = false;
      for (const { to, chunk } of pair.held.splice(0)) to.write(chunk);
    }
  }

  async close() {
    for (const pair of this.pairs) {
      pair.client.destroy();
      pair.server.destroy();
    }
    await new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  accept(client) {
    const server = connect(this.targetPort, this.targetHost);
    const pair = { client, server, applicationName: null, stalled: false, held: [] };
    this.pairs.add(pair);
    let first = true;
    const forward = (to) => (chunk) => {
      if (pair.stalled) pair.held.push({ to, chunk });
      else to.write(chunk);
    };
    const toServer = forward(server);
    client.on('data', (chunk) => {
      if (first) {
        first = false;
        pair.applicationName = startupParameter(chunk, 'application_name');
      }
      toServer(chunk);
    });
    server.on('data', forward(client));
    const drop = () => {
      this.pairs.delete(pair);
      client.destroy();
      server.destroy();
    };
    for (const socket of [client, server]) {
      socket.on('close', drop);
      socket.on('error', drop);
    }
  }
}

/** A parameter of a Postgres StartupMessage (length, protocol 3.0, then name\0value\0 pairs). */
function startupParameter(message, name) {
  if (message.length < 8 || message.readInt32BE(4) !== 196608) return null;
  const fields = message.subarray(8).toString('utf8').split('\0');
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
  return null;
}
