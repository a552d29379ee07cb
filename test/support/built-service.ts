import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '..', '..');

/** The service as `npm run build` makes it (without the Swagger plugin), in a folder of its own. */
export interface BuiltService {
  /** Absolute path of the built entry (`cli.js`, `main.js`). */
  entry(name: 'cli.js' | 'main.js'): string;
  remove(): void;
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Compiles src/ with the project's build settings into a temporary folder (ESM, its own package.json
 * and a link to node_modules), so a test runs the real entry points as an operator would, not a
 * stale dist/ nor the CommonJS that Jest runs.
 */
export async function buildService(): Promise<BuiltService> {
  const dir = mkdtempSync(join(tmpdir(), 'sst-build-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const out = join(dir, 'dist');
  await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', out], { cwd: ROOT });
  cpSync(join(ROOT, 'src', 'admin', 'public'), join(out, 'admin', 'public'), { recursive: true });
  return { entry: (name) => join(out, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
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
