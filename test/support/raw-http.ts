import { connect } from 'node:net';
import type { Answer } from './error-shapes.js';

/** One HTTP/1.1 response read off a socket. */
export interface RawAnswer extends Answer {
  headers: Record<string, string>;
  text: string;
}

/** Every complete response in `bytes` (each framed by Content-Length), in order. */
export function parseResponses(bytes: Buffer): RawAnswer[] {
  const answers: RawAnswer[] = [];
  let at = 0;
  while (at < bytes.length) {
    const end = bytes.indexOf('\r\n\r\n', at);
    if (end < 0) break;
    const [statusLine, ...lines] = bytes.subarray(at, end).toString('latin1').split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const length = Number(headers['content-length'] ?? 0);
    const text = bytes.subarray(end + 4, end + 4 + length).toString('utf8');
    let body: unknown = text;
    if ((headers['content-type'] ?? '').startsWith('application/json')) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    answers.push({ status: Number(statusLine.split(' ')[1]), headers, body, text });
    at = end + 4 + length;
  }
  return answers;
}

/**
 * Writes `chunks` to a fresh connection (waiting `gapMs` between them), then reads until the server
 * closes it or `timeoutMs` pass: the answers in order, and whether the server closed the connection.
 */
export async function exchange(port: number, chunks: (string | Buffer)[], options: { gapMs?: number; timeoutMs?: number } = {}): Promise<{ answers: RawAnswer[]; closed: boolean }> {
  const socket = connect(port, '127.0.0.1');
  const received: Buffer[] = [];
  socket.on('data', (d: Buffer) => received.push(d));
  socket.on('error', () => undefined); // a reset after the last answer is the server closing
  let timer: NodeJS.Timeout | undefined;
  const closed = new Promise<boolean>((resolve) => {
    socket.on('close', () => resolve(true));
    timer = setTimeout(() => resolve(false), options.timeoutMs ?? 5000);
  });
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  for (const [i, chunk] of chunks.entries()) {
    if (i > 0 && options.gapMs) await new Promise((r) => setTimeout(r, options.gapMs));
    if (!socket.writable) break;
    socket.write(chunk);
  }
  const wasClosed = await closed;
  clearTimeout(timer);
  socket.destroy();
  return { answers: parseResponses(Buffer.concat(received)), closed: wasClosed };
}

/** An HTTP/1.1 request's bytes: request line, Host, the given headers, a blank line, then `body` as is. */
export function rawRequest(method: string, path: string, headers: Record<string, string>, body = ''): string {
  const lines = [`${method} ${path} HTTP/1.1`, 'Host: localhost', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}
