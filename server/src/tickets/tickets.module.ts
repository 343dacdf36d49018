import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module';
import { ProjectionModule } from '../projection/projection.module';
import { TicketsController } from './tickets.controller';
import { TicketsService } from './tickets.service';

/** The tickets behind a number, and one ticket's story. */
@Module({ imports: [MetricsModule, ProjectionModule], controllers: [TicketsController], providers: [TicketsService] })
export class TicketsModule {}
