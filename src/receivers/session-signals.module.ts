import { Module } from '@nestjs/common';
import { ReceiverConfig } from './receiver-config.service.js';
import { SessionSignalsService } from './session-signals.service.js';

/** What the revocation core calls to turn a revocation into receivers' events (no controllers: no cycle with auth). */
@Module({ providers: [SessionSignalsService, ReceiverConfig], exports: [SessionSignalsService, ReceiverConfig] })
export class SessionSignalsModule {}
