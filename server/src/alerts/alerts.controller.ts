import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { contractList, contractRef } from '../http/api-docs';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, Validate } from 'class-validator';
import type { AuthedRequest } from '../auth/auth.guard';
import { RequireRole } from '../auth/roles.decorator';
import { IsRfc3339 } from '../common/validators';
import type { AlertRow, EvaluationResult } from '../contract';
import { AlertsService } from './alerts.service';

export class AlertsQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'acknowledged', 'resolved'] })
  @IsOptional()
  @IsIn(['open', 'acknowledged', 'resolved'], { message: 'state: must be open, acknowledged or resolved' })
  state?: 'open' | 'acknowledged' | 'resolved';
}

export class EvaluateQueryDto {
  @ApiPropertyOptional({ description: 'Evaluate as of this moment (RFC 3339); default now' })
  @IsOptional()
  @Validate(IsRfc3339)
  asOf?: string;
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
    return this.alerts.list(q.state);
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

  @Post(':id/resolve')
  @ApiOkResponse({ description: 'The alert, resolved (by whom, when)', schema: contractRef('AlertRow') })
  @HttpCode(200)
  @RequireRole('viewer')
  resolve(@Param('id', new ParseUUIDPipe()) id: string, @Req() req: AuthedRequest): Promise<AlertRow> {
    return this.alerts.transition(id, 'resolved', req.principal!.name);
  }
}
