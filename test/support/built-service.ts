import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const DIST = join(__dirname, '..', '..', 'dist');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * An entry point of the built service (`dist/`, which `npm test` builds with `nest build` before Jest
 * runs: the Swagger plugin and assets included), so a test runs what an operator runs, not the
 * CommonJS that Jest runs. Tests only read it: none rebuilds it under another test's feet.
 */
export function builtEntry(name: 'cli.js' | 'main.js'): string {
  const path = join(DIST, name);
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` (npm test does) before this test`);
  return path;
}

/** Runs `node <script> …args` with this environment (nothing inherited but PATH) and collects what it printed. */
export function runNode(script: string, args: string[], env: Record<string, string | undefined>, timeoutMs = 60_000): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [script, ...args], { env: { PATH: process.env.PATH, ...env }, timeout: timeoutMs }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}
