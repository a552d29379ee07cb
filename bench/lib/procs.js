import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { call, sleep } from './util.js';

const children = new Set();

/** Starts a server as a child process and waits until `probe` answers (bounded). */
export async function startServer(name, command, args, { env, cwd, probe, timeoutMs = 60_000, logFile }) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let log = '';
  const keep = (d) => {
    log = (log + d.toString()).slice(-4000);
    if (logFile) appendFileSync(logFile, d);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  child.on('exit', (code) => {
    exited = code;
    children.delete(child);
  });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited !== null) throw new Error(`${name} exited (${exited}) while starting:\n${log}`);
    if (Date.now() > deadline) throw new Error(`${name} did not start in ${timeoutMs} ms:\n${log}`);
    try {
      const res = await call(probe.base, 'GET', probe.path, { timeoutMs: 2000 });
      if (res.status < 500) break;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  return { name, child, pid: child.pid, log: () => log, stop: () => stopServer(child) };
}

export async function stopServer(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const done = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await done;
  clearTimeout(timer);
}

export async function stopAll() {
  await Promise.all([...children].map((c) => stopServer(c)));
}

/** Samples VmRSS (MiB) of the given pids every `intervalMs`, keeping the max overall and per phase. */
export class RssSampler {
  constructor(intervalMs = 100) {
    this.targets = new Map();
    this.phase = 'start';
    this.max = new Map();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }
  watch(label, pid) {
    this.targets.set(label, pid);
  }
  unwatch(label) {
    this.targets.delete(label);
  }
  setPhase(phase) {
    this.phase = phase;
  }
  sample() {
    for (const [label, pid] of this.targets) {
      let m;
      try {
        m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      } catch {
        continue;
      }
      // A process that has exited but is not yet reaped has no VmRSS.
      if (!m) continue;
      const mib = Number(m[1]) / 1024;
      for (const key of [`${label}`, `${label}@${this.phase}`]) this.max.set(key, Math.max(this.max.get(key) ?? 0, mib));
    }
  }
  maxOf(key) {
    return this.max.get(key) ?? NaN;
  }
  stop() {
    clearInterval(this.timer);
  }
}
