import { Module } from '@nestjs/common';
import { RouterModule } from '@nestjs/core';
import { COMPAT_PREFIXES } from './compat-prefixes.js';
import { ChimeModule } from './chime/chime.module.js';
import { RasModule } from './ras/ras.module.js';
import { RocketChatModule } from './rocketchat/rocketchat.module.js';
import { UberallModule } from './uberall/uberall.module.js';
import { ZapModule } from './zap/zap.module.js';

/**
 * The five vendor logout APIs. Each sub-module translates its dialect to the core (auth, revocation,
 * audit) and back; none holds session logic of its own.
 */
@Module({
  imports: [
    RocketChatModule,
    UberallModule,
    ZapModule,
    RasModule,
    ChimeModule,
    RouterModule.register([
      { path: COMPAT_PREFIXES.rocketchat, module: RocketChatModule },
      { path: COMPAT_PREFIXES.uberall, module: UberallModule },
      { path: COMPAT_PREFIXES.zap, module: ZapModule },
      { path: COMPAT_PREFIXES.ras, module: RasModule },
      { path: COMPAT_PREFIXES.chime, module: ChimeModule },
    ]),
  ],
})
export class VendorCompatModule {}
