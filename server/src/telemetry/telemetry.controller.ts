import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/roles.decorator';
import { TelemetryService } from './telemetry.service';

/** Prometheus scrape endpoint (docs/OPERATIONS.md); METRICS_TOKEN, when set, is required as a bearer token. */
@ApiExcludeController()
@Controller('metrics')
export class TelemetryController {
  constructor(private readonly telemetry: TelemetryService) {}

  @Get()
  @Public()
  async scrape(@Headers('authorization') authorization: string | undefined, @Res({ passthrough: true }) res: FastifyReply): Promise<string> {
    const { contentType, body } = await this.telemetry.scrape(authorization);
    void res.type(contentType);
    return body;
  }
}
