import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlertsController } from './alerts/alerts.controller';
import { AlertsModule } from './alerts/alerts.module';
import { AuthModule } from './auth/auth.module';
import { ClaimsController } from './claims/claims.controller';
import { ClaimsModule } from './claims/claims.module';
import { AppValidationPipe } from './common/validation.pipe';
import { TokensController } from './auth/tokens.controller';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { CostModelController } from './cost-model/cost-model.controller';
import { CostModelModule } from './cost-model/cost-model.module';
import { dataSourceOptions } from './database/data-source-options';
import { EventsController } from './events/events.controller';
import { EventsModule } from './events/events.module';
import { HealthController } from './health/health.controller';
import { HealthModule } from './health/health.module';
import { ErrorsFilter } from './http/errors.filter';
import { ImportsController } from './import/imports.controller';
import { ImportsModule } from './import/imports.module';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsModule } from './metrics/metrics.module';
import { ProjectionModule } from './projection/projection.module';
import { StatusController } from './status/status.controller';
import { StatusModule } from './status/status.module';
import { TelemetryModule } from './telemetry/telemetry.module';
import { TicketsController } from './tickets/tickets.controller';
import { TicketsModule } from './tickets/tickets.module';
import { WorkspacesController } from './workspaces/workspaces.controller';
import { WorkspacesModule } from './workspaces/workspaces.module';

/** Every HTTP controller of the API; the OpenAPI test checks each route is documented. */
export const CONTROLLERS = [EventsController, MetricsController, TicketsController, TokensController, CostModelController, StatusController, HealthController, ImportsController, AlertsController, ClaimsController, WorkspacesController];

/** The features, one module each (docs/ARCHITECTURE.md has the map). */
const FEATURES = [TelemetryModule, WorkspacesModule, AuthModule, EventsModule, ProjectionModule, CostModelModule, MetricsModule, TicketsModule, AlertsModule, ImportsModule, ClaimsModule, HealthModule, StatusModule];

@Module({})
export class AppModule {
  /** The whole application for one database URL (the embedded one or DATABASE_URL). */
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config), TypeOrmModule.forRoot(dataSourceOptions(databaseUrl, config.databasePoolSize)), ...FEATURES],
      providers: [
        { provide: APP_FILTER, useClass: ErrorsFilter },
        {
          provide: APP_PIPE,
          useValue: new AppValidationPipe(),
        },
      ],
    };
  }
}
