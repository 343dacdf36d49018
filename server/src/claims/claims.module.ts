import { Module } from '@nestjs/common';
import { CostModelModule } from '../cost-model/cost-model.module';
import { MetricsModule } from '../metrics/metrics.module';
import { ProjectionModule } from '../projection/projection.module';
import { ClaimsController } from './claims.controller';
import { ClaimsRepository } from './claims.repository';
import { ClaimsService } from './claims.service';

@Module({ imports: [MetricsModule, CostModelModule, ProjectionModule], controllers: [ClaimsController], providers: [ClaimsService, ClaimsRepository], exports: [ClaimsService] })
export class ClaimsModule {}
