import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { contractList, contractRef } from '../http/api-docs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthedRequest } from '../auth/auth.guard';
import { RequireRole } from '../auth/roles.decorator';
import { filterValues } from '../common/validators';
import type { AlertRow, ChangesResult, EvaluationResult } from '../contract';
import { AlertsQueryDto, ChangesQueryDto, EvaluateQueryDto, SnoozeQueryDto } from './alerts-query.dto';
import { AlertsService } from './alerts.service';

@ApiTags('alerts')
@ApiBearerAuth()
@Controller('api/v1/alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  @ApiOkResponse({ description: 'Alerts, newest first', schema: contractList('AlertRow') })
  @RequireRole('viewer')
  list(@Query() q: AlertsQueryDto): Promise<AlertRow[]> {
    return this.alerts.list({ state: q.state, from: q.from, to: q.to, channels: filterValues(q.channel), categories: filterValues(q.category) });
  }

  /** Every watched series' recent days against its baseline, worst first. */
  @Get('changes')
  @ApiOkResponse({ description: 'What changed: every watched series, worst first', schema: contractRef('ChangesResult') })
  @RequireRole('viewer')
  changes(@Query() q: ChangesQueryDto): Promise<ChangesResult> {
    return this.alerts.changes({ from: q.from, to: q.to, days: Number(q.days ?? 7), limit: Number(q.limit ?? 30), channels: filterValues(q.channel), categories: filterValues(q.category), wait: q.wait });
  }

  /** Runs an evaluation now (it also runs on a schedule and after ingest). */
  @Post('evaluate')
  @ApiOkResponse({ description: 'What one evaluation judged and found', schema: contractRef('EvaluationResult') })
  @HttpCode(200)
  @RequireRole('admin')
  evaluate(@Query() q: EvaluateQueryDto): Promise<EvaluationResult> {
    return this.alerts.evaluate(q.asOf ? new Date(q.asOf) : undefined);
  }

  @Post(':id/acknowledge')
  @ApiOkResponse({ description: 'The alert, acknowledged (by whom, when)', schema: contractRef('AlertRow') })
  @HttpCode(200)
  @RequireRole('viewer')
  acknowledge(@Param('id', new ParseUUIDPipe()) id: string, @Req() req: AuthedRequest): Promise<AlertRow> {
    return this.alerts.transition(id, 'acknowledged', req.principal!.name);
  }

  @Post(':id/snooze')
  @ApiOkResponse({ description: 'The alert, snoozed until a time (by whom); open again after it', schema: contractRef('AlertRow') })
  @HttpCode(200)
  @RequireRole('viewer')
  snooze(@Param('id', new ParseUUIDPipe()) id: string, @Query() q: SnoozeQueryDto, @Req() req: AuthedRequest): Promise<AlertRow> {
    return this.alerts.snooze(id, Number(q.hours ?? 24), req.principal!.name);
  }

  @Post(':id/resolve')
  @ApiOkResponse({ description: 'The alert, resolved (by whom, when)', schema: contractRef('AlertRow') })
  @HttpCode(200)
  @RequireRole('viewer')
  resolve(@Param('id', new ParseUUIDPipe()) id: string, @Req() req: AuthedRequest): Promise<AlertRow> {
    return this.alerts.transition(id, 'resolved', req.principal!.name);
  }
}
