import { Global, Module } from '@nestjs/common';
import { DeliveryDispatcher } from './delivery-dispatcher.service.js';
import { DeliveryRegistry } from './delivery-registry.service.js';
import { DeliveryStatusService } from './delivery-status.service.js';
import { OutboxListener } from './outbox-listener.service.js';
import { OutboxRetentionService } from './outbox-retention.service.js';
import { OutboxService } from './outbox.service.js';

/**
 * The one outbox and dispatcher behind every push that leaves the service. A feature registers a
 * destination kind (DeliveryRegistry) and writes rows (OutboxService) in its own transactions; it
 * never sends anything itself. Global: the core (revocation, audit) writes rows from below features.
 */
@Global()
@Module({
  providers: [OutboxService, OutboxListener, OutboxRetentionService, DeliveryRegistry, DeliveryDispatcher, DeliveryStatusService],
  exports: [OutboxService, DeliveryRegistry, DeliveryStatusService, DeliveryDispatcher],
})
export class DeliveryModule {}
