import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { contractRef } from '../http/api-docs';
import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { IngestResponse } from '../contract/api-types';
import { RequireRole } from '../auth/roles.decorator';
import { EventsService } from './events.service';

@ApiTags('events')
@ApiBearerAuth()
@Controller('api/v1/events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  /** CONTRACT.md §1. The body arrives as raw text (see http/body-parsers.ts); 207 when some were rejected. */
  @Post()
  @HttpCode(200)
  @ApiConsumes('application/json', 'application/x-ndjson')
  @ApiBody({
    description: 'A JSON array of events, {"events": [...]}, or NDJSON; up to 10,000 events or 10 MiB (docs/CONTRACT.md §1)',
    schema: { type: 'array', items: { type: 'object', required: ['id', 'type', 'ticketId', 'occurredAt'] } },
  })
  @ApiOkResponse({ description: 'Every event stored or already there', schema: contractRef('IngestResponse') })
  @ApiResponse({ status: 207, description: 'Some were rejected (each named by index, id, line and why); the others are stored', schema: contractRef('IngestResponse') })
  @ApiResponse({ status: 400, description: 'the body is not JSON or NDJSON, or is missing' })
  @ApiResponse({ status: 413, description: 'more than 10,000 events or 10 MiB' })
  @ApiResponse({ status: 415, description: 'a multipart body (uploads go to /api/v1/imports)' })
  @ApiResponse({ status: 503, description: 'the database is not answering: send again after Retry-After seconds' })
  @RequireRole('ingest')
  async ingest(
    @Body() body: string | undefined,
    @Headers('content-type') contentType: string | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<IngestResponse> {
    const result = await this.events.ingestBody(body, contentType);
    if (result.rejected.length > 0) res.status(207);
    return result;
  }
}
