import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const WORKER = new URL('../load-worker.js', import.meta.url).pathname;

/** Runs one autocannon job in a separate node process and returns its summary. */
export function runLoad(job) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-load-'));
  const file = join(dir, 'job.json');
  writeFileSync(file, JSON.stringify(job));
  const limitMs = ((job.duration ?? 5) + 30) * 1000;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [WORKER, file], { timeout: limitMs, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      rmSync(dir, { recursive: true, force: true });
      if (error) return reject(new Error(`load worker failed: ${error.message}\n${stderr}`));
      resolve(JSON.parse(stdout.trim().split('\n').pop()));
    });
  });
}
