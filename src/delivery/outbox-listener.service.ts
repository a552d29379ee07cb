import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { AppConfigService } from '../config/app-config.service.js';
import { OUTBOX_CHANNEL, OutboxService } from './outbox.service.js';

/** Wait before connecting again after the listening connection was lost, milliseconds. */
const RECONNECT_MS = 1000;

/**
 * LISTENs on the outbox channel on a connection of its own (never the request pool), so a row
 * committed by any instance wakes this one's dispatcher and poll receivers at once, instead of at the
 * next poll. While the connection is down (Postgres restarting) the dispatcher's poll still runs; on
 * reconnecting, everything is looked at once, for what was written meanwhile.
 */
@Injectable()
export class OutboxListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxListener.name);
  private client: pg.Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopping = false;

  constructor(
    private readonly config: AppConfigService,
    private readonly outbox: OutboxService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopping) return;
    const client = new pg.Client({ connectionString: this.config.get('DATABASE_URL') as string, application_name: 'session-service:outbox-listener' });
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = null;
      client.end().catch(() => undefined);
      if (this.stopping) return;
      this.logger.warn({ err: error?.message }, 'outbox listener lost its connection');
      this.timer = setTimeout(() => void this.connect(), RECONNECT_MS);
      this.timer.unref();
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', (message) => {
      if (message.channel === OUTBOX_CHANNEL) this.outbox.notified(message.payload ?? '');
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (error) {
      onLost(error as Error);
      return;
    }
    if (this.stopping) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.outbox.resumed();
  }
}
