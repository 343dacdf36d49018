import { Global, Module } from '@nestjs/common';
import { MetricsTokenGuard } from './metrics-token.guard';
import { TelemetryController } from './telemetry.controller';
import { TelemetryService } from './telemetry.service';

/** Prometheus metrics: every feature counts into TelemetryService (global); GET /metrics serves them. */
@Global()
@Module({ controllers: [TelemetryController], providers: [TelemetryService, MetricsTokenGuard], exports: [TelemetryService] })
export class TelemetryModule {}
