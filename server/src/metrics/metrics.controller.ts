import { Controller, Get, Query } from '@nestjs/common';
import { Summary } from '../contract/api-types';
import { RequireRole } from '../auth/roles.decorator';
import { MetricsService } from './metrics.service';
import { SummaryQueryDto } from './summary-query.dto';

@Controller('api/v1/metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get('summary')
  @RequireRole('viewer')
  summary(@Query() query: SummaryQueryDto): Promise<Summary> {
    return this.metrics.summary(query);
  }
}
