import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/roles.decorator';
import { MetricsTokenGuard } from './metrics-token.guard';
import { TelemetryService } from './telemetry.service';

/** Prometheus scrape endpoint (docs/OPERATIONS.md#metrics). */
@ApiExcludeController()
@Controller('metrics')
export class TelemetryController {
  constructor(private readonly telemetry: TelemetryService) {}

  @Get()
  @Public()
  @UseGuards(MetricsTokenGuard)
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.telemetry.scrape();
  }
}
