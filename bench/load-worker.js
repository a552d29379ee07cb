// Load generator, run as a child process (never inside a measured server). Reads one JSON job from
// argv[2], runs autocannon, prints one JSON line. Rotates distinct tokens across requests when asked.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let i = 0;
const next = () => job.tokens[i++ % job.tokens.length];

const request = { method: job.method ?? 'GET', path: job.path, headers: { ...(job.headers ?? {}) } };
if (job.body) request.body = JSON.stringify(job.body);
if (job.tokens?.length) {
  request.setupRequest = (req) => {
    const token = next();
    if (job.rotate === 'body') return { ...req, body: JSON.stringify({ ...(job.body ?? {}), token }) };
    if (job.rotate === 'cookie') return { ...req, headers: { ...req.headers, cookie: token } };
    return { ...req, headers: { ...req.headers, authorization: `Bearer ${token}` } };
  };
}

const result = await autocannon({
  url: job.url,
  connections: job.connections ?? 10,
  pipelining: 1,
  duration: job.duration ?? 5,
  amount: job.amount,
  timeout: 10,
  requests: [request],
});
process.stdout.write(
  `${JSON.stringify({
    rps: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    duration: result.duration,
  })}\n`,
);
