import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module';
import { ClaimsController } from './claims.controller';
import { ClaimsRepository } from './claims.repository';
import { ClaimsService } from './claims.service';

@Module({ imports: [MetricsModule], controllers: [ClaimsController], providers: [ClaimsService, ClaimsRepository], exports: [ClaimsService] })
export class ClaimsModule {}
