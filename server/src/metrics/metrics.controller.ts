import { Controller, Get, Query, Res } from '@nestjs/common';
import { contractRef } from '../http/api-docs';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequireRole } from '../auth/roles.decorator';
import { BreakdownQueryDto, SummaryQueryDto, TimeseriesQueryDto } from './metrics-query.dto';
import { MetricsExportService } from './metrics-export.service';

@ApiTags('metrics')
@ApiBearerAuth()
@ApiProduces('application/json', 'text/csv')
@Controller('api/v1/metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsExportService) {}

  @Get('summary')
  @RequireRole('viewer')
  @ApiOkResponse({ description: 'CONTRACT.md §3, plus costModelVersion, freshness, and comparison/deltas with compare', schema: contractRef('SummaryResponse') })
  summary(@Query() q: SummaryQueryDto, @Res({ passthrough: true }) res: FastifyReply) {
    return this.metrics.summary(q, res);
  }

  @Get('timeseries')
  @RequireRole('viewer')
  @ApiOkResponse({ description: 'The summary numbers per local day, ISO week or month; empty buckets included. With percentiles=false, without the distributions (LeanTimeseriesResponse)', schema: { oneOf: [contractRef('TimeseriesResponse'), contractRef('LeanTimeseriesResponse')] } })
  timeseries(@Query() q: TimeseriesQueryDto, @Res({ passthrough: true }) res: FastifyReply) {
    return this.metrics.timeseries(q, res);
  }

  @Get('breakdown')
  @RequireRole('viewer')
  @ApiOkResponse({ description: 'The summary numbers per segment (one or two columns), top N and "other"; with series, each segment per bucket. With percentiles=false, without the distributions (LeanBreakdownResponse)', schema: { oneOf: [contractRef('BreakdownResponse'), contractRef('LeanBreakdownResponse')] } })
  breakdown(@Query() q: BreakdownQueryDto, @Res({ passthrough: true }) res: FastifyReply) {
    return this.metrics.breakdown(q, res);
  }
}
