import pg from 'pg';

export interface PgListenerOptions {
  url: string;
  /** Shown in pg_stat_activity (operators and tests find the connection by it). */
  applicationName: string;
  channels: readonly string[];
  /** The first wait before connecting again after a loss, doubled at each failure up to maxRetryMs. */
  retryMs: number;
  maxRetryMs: number;
  onNotification(channel: string, payload: string): void;
  /** LISTENing (at start, and again after a loss): what was announced meanwhile went unheard. */
  onListening(): void;
  /** The connection was lost; a new one is on its way. */
  onLost(error: Error): void;
}

/**
 * A connection of its own (never the request pool) that LISTENs on some channels and, when it is lost
 * (Postgres restarted, the backend terminated), connects again with back-off. Notifications of a
 * connection that has been replaced are dropped. The invalidation channel keeps its own connection
 * (session-invalidation.service.ts): its heartbeat lease needs more than this.
 */
export class PgListener {
  private client: pg.Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private delay: number;

  constructor(private readonly options: PgListenerOptions) {
    this.delay = options.retryMs;
  }

  async start(): Promise<void> {
    if (this.stopped) return;
    const { options } = this;
    const client = new pg.Client({ connectionString: options.url, application_name: options.applicationName });
    let gone = false;
    const lost = (error: Error) => {
      if (gone) return;
      gone = true;
      if (this.client !== client) return;
      this.client = null;
      client.end().catch(() => undefined);
      if (this.stopped) return;
      options.onLost(error);
      this.timer = setTimeout(() => void this.start(), this.delay);
      this.timer.unref();
      this.delay = Math.min(this.delay * 2, options.maxRetryMs);
    };
    client.on('error', lost);
    client.on('end', () => lost(new Error('connection ended')));
    client.on('notification', (message) => {
      if (this.client === client) options.onNotification(message.channel, message.payload ?? '');
    });
    this.client = client;
    try {
      await client.connect();
      for (const channel of options.channels) await client.query(`LISTEN ${channel}`);
    } catch (error) {
      lost(error as Error);
      return;
    }
    if (this.stopped || this.client !== client) return;
    this.delay = options.retryMs;
    options.onListening();
  }

  /** Closes the connection (waiting at most a second for a clean end) and connects no more. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    if (client) await Promise.race([client.end().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
  }
}
