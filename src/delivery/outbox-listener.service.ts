import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfigService } from '../config/app-config.service.js';
import { PgListener } from '../database/pg-listener.js';
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
  private readonly listener: PgListener;

  constructor(config: AppConfigService, outbox: OutboxService) {
    this.listener = new PgListener({
      url: config.get('DATABASE_URL') as string,
      applicationName: 'session-service:outbox-listener',
      channels: [OUTBOX_CHANNEL],
      retryMs: RECONNECT_MS,
      maxRetryMs: RECONNECT_MS,
      onNotification: (_channel, payload) => outbox.notified(payload),
      onListening: () => outbox.resumed(),
      onLost: (error) => this.logger.warn({ err: error.message }, 'outbox listener lost its connection'),
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.listener.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.listener.stop();
  }
}
