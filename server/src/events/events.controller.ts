import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { IngestResponse } from '../contract/api-types';
import { RequireRole } from '../auth/roles.decorator';
import { EventsService } from './events.service';

@Controller('api/v1/events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  /** CONTRACT.md §1. The body arrives as raw text (see http/body-parsers.ts); 207 when some were rejected. */
  @Post()
  @HttpCode(200)
  @RequireRole('ingest')
  async ingest(
    @Body() body: string,
    @Headers('content-type') contentType: string | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<IngestResponse> {
    const result = await this.events.ingestBody(body, contentType);
    if (result.rejected.length > 0) res.status(207);
    return result;
  }
}
