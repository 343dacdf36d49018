import { Module } from '@nestjs/common';
import { CostModelModule } from '../cost-model/cost-model.module';
import { ProjectionModule } from '../projection/projection.module';
import { MetricsExportService } from './metrics-export.service';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';
import { PopulationCache } from './rollups/population-cache';
import { PopulationReader } from './rollups/population-reader';

/** Summary, timeseries and breakdown, read through the rollups (docs/ARCHITECTURE.md, "Read path"). */
@Module({
  imports: [CostModelModule, ProjectionModule],
  controllers: [MetricsController],
  providers: [MetricsService, MetricsExportService, PopulationReader, PopulationCache],
  exports: [MetricsService],
})
export class MetricsModule {}
