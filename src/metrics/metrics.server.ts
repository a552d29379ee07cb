import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sha256 } from '../common/crypto.js';
import { AppConfigService } from '../config/app-config.service.js';
import { MetricsService } from './metrics.service.js';

/**
 * `GET /metrics` on a listener of its own (METRICS_HOST:METRICS_PORT, loopback by default), apart from
 * the public API: a scrape never competes with the API's routes, hooks or throttles, and the series
 * are not reachable from wherever the API is. With METRICS_TOKEN set, a scrape must send it as a
 * bearer token. Started by createApp once the HTTP app is ready (not by the CLI).
 */
@Injectable()
export class MetricsServer implements OnApplicationShutdown {
  private readonly logger = new Logger(MetricsServer.name);
  private server: Server | null = null;
  private readonly tokenHash: Buffer | null;

  constructor(
    private readonly config: AppConfigService,
    private readonly metrics: MetricsService,
  ) {
    const token = config.get('METRICS_TOKEN');
    this.tokenHash = token ? sha256(token) : null;
  }

  async start(): Promise<void> {
    if (!this.config.get('METRICS_ENABLED') || this.server) return;
    const server = createServer((request, response) => void this.answer(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.config.get('METRICS_PORT'), this.config.get('METRICS_HOST'), () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    const { address, port } = server.address() as AddressInfo;
    this.logger.log({ address, port, protected: this.tokenHash !== null }, 'metrics listening');
  }

  /** Where the listener is (METRICS_PORT=0 picks a free port), or null when it is off. */
  address(): AddressInfo | null {
    return (this.server?.address() as AddressInfo | null) ?? null;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '/').split('?', 1)[0];
    if (path !== '/metrics') return this.end(response, 404, 'not found\n');
    if (request.method !== 'GET' && request.method !== 'HEAD') return this.end(response, 405, 'method not allowed\n', { allow: 'GET, HEAD' });
    if (!this.authorized(request.headers.authorization)) {
      return this.end(response, 401, 'a bearer token (METRICS_TOKEN) is required\n', { 'www-authenticate': 'Bearer realm="metrics"' });
    }
    try {
      const { contentType, body } = await this.metrics.scrape();
      this.end(response, 200, request.method === 'HEAD' ? '' : body, { 'content-type': contentType });
    } catch (error) {
      this.logger.error({ err: (error as Error).message }, 'could not collect metrics');
      this.end(response, 500, 'could not collect metrics\n');
    }
  }

  private authorized(header: string | undefined): boolean {
    if (!this.tokenHash) return true;
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    // Compared as digests: equal length, constant time, whatever the caller sent.
    return match !== null && timingSafeEqual(sha256(match[1]), this.tokenHash);
  }

  private end(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
    response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers });
    response.end(body);
  }
}
