import { Module } from '@nestjs/common';
import { PermissionsModule } from '../permissions/permissions.module.js';
import { BackchannelReceiversController } from './backchannel-receivers.controller.js';
import { BackchannelReceiversService } from './backchannel-receivers.service.js';
import { ReceiverDeliveryKinds } from './receiver-delivery.kinds.js';
import { SessionSignalsModule } from './session-signals.module.js';
import { SsfDiscoveryController, SsfStreamsController } from './ssf.controller.js';
import { SsfStreamsService } from './ssf-streams.service.js';

/**
 * Downstream receivers of revocations: an SSF/CAEP transmitter (streams, push and poll) and OIDC
 * back-channel logout. Registers their destination kinds with the delivery core.
 */
@Module({
  imports: [PermissionsModule, SessionSignalsModule],
  controllers: [SsfDiscoveryController, SsfStreamsController, BackchannelReceiversController],
  providers: [SsfStreamsService, BackchannelReceiversService, ReceiverDeliveryKinds],
})
export class ReceiversModule {}
