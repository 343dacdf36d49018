import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { contractList, contractRef } from '../http/api-docs';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches, Validate } from 'class-validator';
import type { AuthedRequest } from '../auth/auth.guard';
import { RequireRole } from '../auth/roles.decorator';
import { IsCalendarDate, IsFilterList, IsRfc3339, filterValues } from '../common/validators';
import type { AlertRow, AlertState, ChangesResult, EvaluationResult } from '../contract';
import { AlertsService } from './alerts.service';

export class AlertsQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'acknowledged', 'snoozed', 'resolved'] })
  @IsOptional()
  @IsIn(['open', 'acknowledged', 'snoozed', 'resolved'], { message: 'state: must be open, acknowledged, snoozed or resolved' })
  state?: AlertState;

  @ApiPropertyOptional({ description: 'Alerts whose days meet [from, to): first date (YYYY-MM-DD)' })
  @IsOptional()
  @Validate(IsCalendarDate)
  from?: string;

  @ApiPropertyOptional({ description: 'Last date, exclusive (YYYY-MM-DD)' })
  @IsOptional()
  @Validate(IsCalendarDate)
  to?: string;

  @ApiPropertyOptional({ description: 'Channels, comma-separated: alerts about all tickets or one of these channels' })
  @IsOptional()
  @Validate(IsFilterList)
  channel?: string | string[];

  @ApiPropertyOptional({ description: 'Categories, comma-separated: alerts about all tickets or one of these categories' })
  @IsOptional()
  @Validate(IsFilterList)
  category?: string | string[];
}

export class ChangesQueryDto {
  @ApiPropertyOptional({ description: "The page's first date (YYYY-MM-DD): the baseline is the 28 days before it; default the 28 days that end 3 days before the recent days" })
  @IsOptional()
  @Validate(IsCalendarDate)
  from?: string;

  @ApiPropertyOptional({ description: 'Judge the whole days before this date (YYYY-MM-DD, exclusive); default today' })
  @IsOptional()
  @Validate(IsCalendarDate)
  to?: string;

  @ApiPropertyOptional({ description: 'Recent days judged, 2-28', default: 7 })
  @IsOptional()
  @Matches(/^([2-9]|1\d|2[0-8])$/, { message: 'days: must be a whole number from 2 to 28' })
  days?: string;

  @ApiPropertyOptional({ description: 'Rows returned, 1-500 (worst first)', default: 30 })
  @IsOptional()
  @Matches(/^([1-9]\d?|[1-4]\d\d|500)$/, { message: 'limit: must be a whole number from 1 to 500' })
  limit?: string;

  @ApiPropertyOptional({ description: 'Only these channels, comma-separated' })
  @IsOptional()
  @Validate(IsFilterList)
  channel?: string | string[];

  @ApiPropertyOptional({ description: 'Only these categories, comma-separated' })
  @IsOptional()
  @Validate(IsFilterList)
  category?: string | string[];
}

export class EvaluateQueryDto {
  @ApiPropertyOptional({ description: 'Evaluate as of this moment (RFC 3339); default now' })
  @IsOptional()
  @Validate(IsRfc3339)
  asOf?: string;
}

export class SnoozeQueryDto {
  @ApiPropertyOptional({ description: 'Hours to snooze, 1-720', default: 24 })
  @IsOptional()
  @Matches(/^([1-9]\d?|[1-6]\d\d|7[01]\d|720)$/, { message: 'hours: must be a whole number from 1 to 720' })
  hours?: string;
}

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
    return this.alerts.changes({ from: q.from, to: q.to, days: Number(q.days ?? 7), limit: Number(q.limit ?? 30), channels: filterValues(q.channel), categories: filterValues(q.category) });
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
