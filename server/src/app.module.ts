import { DynamicModule, Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlertsController } from './alerts/alerts.controller';
import { AlertsScheduler } from './alerts/alerts.scheduler';
import { AlertsService } from './alerts/alerts.service';
import { WebhookNotifier } from './alerts/webhook.notifier';
import { AuthGuard } from './auth/auth.guard';
import { TokensController } from './auth/tokens.controller';
import { TokensService } from './auth/tokens.service';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { CostModelController } from './cost-model/cost-model.controller';
import { CostModelService } from './cost-model/cost-model.service';
import { dataSourceOptions } from './database/data-source-options';
import { EventsController } from './events/events.controller';
import { EventsRepository } from './events/events.repository';
import { EventsService } from './events/events.service';
import { IngestNotifier } from './events/ingest-notifier';
import { HealthController } from './health/health.controller';
import { HealthService } from './health/health.service';
import { ShutdownState } from './health/shutdown-state';
import { ImportsController } from './import/imports.controller';
import { ImportsService } from './import/imports.service';
import { RollupsService } from './metrics/rollups/rollups.service';
import { ErrorsFilter } from './http/errors.filter';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsExportService } from './metrics/metrics-export.service';
import { MetricsService } from './metrics/metrics.service';
import { StatusController } from './status/status.controller';
import { TicketsController } from './tickets/tickets.controller';
import { TicketsRepository } from './tickets/tickets.repository';
import { TicketsService } from './tickets/tickets.service';
import { TelemetryController } from './telemetry/telemetry.controller';
import { TelemetryService } from './telemetry/telemetry.service';

/** Every HTTP controller of the API; the OpenAPI test checks each route is documented. */
export const CONTROLLERS = [EventsController, MetricsController, TicketsController, TokensController, CostModelController, StatusController, HealthController, ImportsController, AlertsController];

@Module({})
export class AppModule {
  /** The whole application for one database URL (the embedded one or DATABASE_URL). */
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config), TypeOrmModule.forRoot(dataSourceOptions(databaseUrl, config.databasePoolSize))],
      // GET /metrics (Prometheus) is for operators, not part of the API document.
      controllers: [...CONTROLLERS, TelemetryController],
      providers: [
        TelemetryService,
        HealthService,
        ShutdownState,
        EventsService,
        EventsRepository,
        TicketsRepository,
        TicketsService,
        ImportsService,
        IngestNotifier,
        AlertsService,
        AlertsScheduler,
        WebhookNotifier,
        MetricsService,
        RollupsService,
        MetricsExportService,
        CostModelService,
        TokensService,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ErrorsFilter },
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true }),
        },
      ],
    };
  }
}
