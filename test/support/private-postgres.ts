import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './built-service.js';

const BIN = '/usr/lib/postgresql/15/bin';

/** A Postgres cluster of the test's own (never the shared server), which the test may stop, restart or kill. */
export interface PrivatePostgres {
  url: string;
  /** `pg_ctl stop -m <mode>`: fast (clean), immediate (as a crash). */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

/** initdb refuses to run as root: the cluster then belongs to the system's postgres user. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

function run(command: string, args: string[], user: { uid: number; gid: number } | undefined): Promise<void> {
  return new Promise((resolve, reject) =>
    execFile(join(BIN, command), args, { ...(user ?? {}), timeout: 60_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${stdout}\n${stderr}`)) : resolve(),
    ),
  );
}

/** initdb in a temporary directory, started on a free loopback port (fsync off: a test cluster; commits stay synchronous, so a crash of Postgres loses no acknowledged commit). */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  if (!existsSync(join(BIN, 'initdb'))) throw new Error(`${BIN}/initdb is missing: PostgreSQL 15 server binaries are needed for this test`);
  const user = runAs();
  const dir = mkdtempSync(join(tmpdir(), 'sst-pg-'));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const port = await freePort();
  await run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8'], user);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60 -c shared_buffers=16MB`;
  const start = () => run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', '-t', '60', 'start'], user);
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: (mode = 'fast') => run('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop'], user),
    start,
    destroy: async () => {
      await run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'], user).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
