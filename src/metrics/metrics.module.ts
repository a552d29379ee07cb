import { Global, Module } from '@nestjs/common';
import { MetricsServer } from './metrics.server.js';
import { MetricsService } from './metrics.service.js';

/** Prometheus metrics: the registry every module reports to, and the listener that serves it. */
@Global()
@Module({
  providers: [MetricsService, MetricsServer],
  exports: [MetricsService, MetricsServer],
})
export class MetricsModule {}
