import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { contractRef } from '../http/api-docs';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequireRole } from '../auth/roles.decorator';
import { wantsCsv } from '../common/csv';
import { TicketDetail, TicketPage } from '../contract/api-types';
import { TicketDetailQueryDto } from './ticket-detail-query.dto';
import { TicketsQueryDto } from './tickets-query.dto';
import { TicketsService } from './tickets.service';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('api/v1/tickets')
export class TicketsController {
  constructor(private readonly tickets: TicketsService) {}

  @Get()
  @RequireRole('viewer')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'The tickets behind a number: total, a page of items, nextCursor', schema: contractRef('TicketPage') })
  async list(@Query() q: TicketsQueryDto, @Res({ passthrough: true }) res: FastifyReply): Promise<TicketPage | unknown> {
    if (!wantsCsv(q.format, res.request.headers.accept)) return this.tickets.list(q);
    res.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="claimcheck-tickets-${q.from}-${q.to}.csv"`);
    return this.tickets.csv(q);
  }

  @Get(':id')
  @RequireRole('viewer')
  @ApiQuery({ name: 'asOf', required: false })
  @ApiOkResponse({ description: 'The replayed state, the event timeline in replay order, and the repeat contacts', schema: contractRef('TicketDetail') })
  detail(@Param('id') id: string, @Query() q: TicketDetailQueryDto): Promise<TicketDetail> {
    return this.tickets.detail(id, q.asOf, q.wait);
  }
}
