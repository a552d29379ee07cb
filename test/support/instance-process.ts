import { ChildProcess, spawn } from 'node:child_process';
import { applyTestEnv } from '../test-env.js';
import { builtEntry, freePort } from './built-service.js';

/** An instance of the built service in a process of its own, so a test can freeze it (SIGSTOP). */
export interface InstanceProcess {
  url: string;
  pid: number;
  freeze(): void;
  thaw(): void;
  stop(): Promise<void>;
}

/**
 * Starts `node dist/main.js` (built by `npm test` before Jest runs) on `databaseUrl` with the test
 * environment, and waits until it answers.
 */
export async function spawnInstance(databaseUrl: string, env: Record<string, string> = {}): Promise<InstanceProcess> {
  const main = builtEntry('main.js');
  const saved = { ...process.env };
  applyTestEnv(databaseUrl);
  const port = await freePort();
  const childEnv = { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' };
  process.env = saved;
  const child: ChildProcess = spawn(process.execPath, ['--max-old-space-size=128', main], { env: childEnv, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`instance exited (${child.exitCode}) while starting: ${stderr}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`instance did not start in 30 s: ${stderr}`);
    }
    const up = await fetch(`${url}/health/live`).then((r) => r.ok, () => false);
    if (up) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    pid: child.pid as number,
    freeze: () => child.kill('SIGSTOP'),
    thaw: () => child.kill('SIGCONT'),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGCONT');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
