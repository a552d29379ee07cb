import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const WORKER = new URL('../load-worker.js', import.meta.url).pathname;

/**
 * The load generator: wrk (C, one thread) when it is installed, else autocannon. wrk leaves most of
 * the second core to the measured server; autocannon, itself JavaScript, saturates before a constant
 * route does (about 14k req/s here against wrk's 31k), which understates every ratio to that route.
 */
export const loadGenerator = (() => {
  if (process.env.BENCH_LOADGEN === 'autocannon') return 'autocannon';
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
  } catch (error) {
    // `wrk --version` prints its banner and exits 1; only a missing binary is a failure.
    if (error.code === 'ENOENT') return 'autocannon';
  }
  return 'wrk';
})();

const lua = (s) => JSON.stringify(s); // JSON string literals are valid Lua string literals for our ASCII data

/** The wrk script for one job: rotates tokens like the autocannon worker, prints one JSON line. */
function wrkScript(job) {
  const headers = { ...(job.headers ?? {}) };
  const fixedBody = job.body ? JSON.stringify(job.body) : null;
  const lines = [
    `local tokens = {${(job.tokens ?? []).map(lua).join(',')}}`,
    `local headers = {${Object.entries(headers).map(([k, v]) => `[${lua(k)}] = ${lua(v)}`).join(', ')}}`,
    'local i = 0',
    'request = function()',
    '  i = i + 1',
    `  local body = ${fixedBody === null ? 'nil' : lua(fixedBody)}`,
    '  if #tokens > 0 then',
    '    local t = tokens[(i % #tokens) + 1]',
    job.rotate === 'body'
      ? `    body = ${lua(fixedBody === null || fixedBody === '{}' ? '{"token":"' : `${fixedBody.slice(0, -1)},"token":"`)} .. t .. '"}'`
      : job.rotate === 'cookie'
        ? '    headers["Cookie"] = t'
        : '    headers["Authorization"] = "Bearer " .. t',
    '  end',
    `  return wrk.format(${lua(job.method ?? 'GET')}, ${lua(job.path)}, headers, body)`,
    'end',
    'done = function(summary, latency, requests)',
    '  local e = summary.errors',
    '  io.write(string.format(\'{"rps":%.2f,"total":%d,"p50":%.3f,"p90":%.3f,"p99":%.3f,"max":%.3f,"non2xx":%d,"errors":%d,"timeouts":%d,"duration":%.3f}\\n\',',
    '    summary.requests / (summary.duration / 1e6), summary.requests, latency:percentile(50) / 1000, latency:percentile(90) / 1000,',
    '    latency:percentile(99) / 1000, latency.max / 1000, e.status, e.connect + e.read + e.write, e.timeout, summary.duration / 1e6))',
    'end',
  ];
  return `${lines.join('\n')}\n`;
}

/** CPU time (user + system, every thread) a process has used so far, in µs; null once it is gone. */
function cpuUsOf(pid) {
  try {
    // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks (USER_HZ, 100).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return null;
  }
}

/**
 * Runs one load job in a separate process (wrk or the autocannon worker) and returns its summary.
 * With `job.pid` (the measured server), the summary also carries `cpuUs`: the CPU time that server
 * spent per answered request during the run, in µs. When the server saturates one core, its
 * throughput ratios are the inverse ratios of these costs.
 */
export async function runLoad(job) {
  const before = job.pid ? cpuUsOf(job.pid) : null;
  const summary = await runLoadGenerator(job);
  const after = job.pid ? cpuUsOf(job.pid) : null;
  if (before !== null && after !== null && summary.total > 0) summary.cpuUs = (after - before) / summary.total;
  return summary;
}

function runLoadGenerator(job) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-load-'));
  const duration = job.duration ?? 5;
  const limitMs = (duration + 30) * 1000;
  let command;
  let args;
  if (loadGenerator === 'wrk') {
    const script = join(dir, 'job.lua');
    writeFileSync(script, wrkScript(job));
    command = 'wrk';
    args = ['-t1', `-c${job.connections ?? 10}`, `-d${duration}s`, '--timeout', '10s', '-s', script, job.url];
  } else {
    const file = join(dir, 'job.json');
    writeFileSync(file, JSON.stringify(job));
    command = process.execPath;
    args = [WORKER, file];
  }
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: limitMs, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      rmSync(dir, { recursive: true, force: true });
      if (error) return reject(new Error(`load generator (${command}) failed: ${error.message}\n${stderr}`));
      const line = stdout.trim().split('\n').filter((l) => l.startsWith('{')).pop();
      if (!line) return reject(new Error(`load generator (${command}) printed no summary:\n${stdout}\n${stderr}`));
      resolve(JSON.parse(line));
    });
  });
}
