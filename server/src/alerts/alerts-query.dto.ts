// The alerts endpoints' query parameters, validated (docs/ALERTS.md).
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches, Validate } from 'class-validator';
import { IsCalendarDate, IsFilterList, IsRfc3339 } from '../common/validators';
import type { AlertState } from '../contract';
import { WaitParam } from '../common/wait-param';

/** The page's range and filters, as the alerts list and "what changed" both take them. */
class AlertScopeDto {
  @ApiPropertyOptional({ description: "The page's first date (YYYY-MM-DD). Alerts: those whose days meet [from, to); what changed: the baseline is the 28 days before it" })
  @IsOptional()
  @Validate(IsCalendarDate)
  from?: string;

  @ApiPropertyOptional({ description: "The page's last date, exclusive (YYYY-MM-DD); what changed judges the whole days before it (default today)" })
  @IsOptional()
  @Validate(IsCalendarDate)
  to?: string;

  @ApiPropertyOptional({ description: 'Channels, comma-separated. Alerts: about all tickets or one of these; what changed: only these tickets' })
  @IsOptional()
  @Validate(IsFilterList)
  channel?: string | string[];

  @ApiPropertyOptional({ description: 'Categories, comma-separated. Alerts: about all tickets or one of these; what changed: only these tickets' })
  @IsOptional()
  @Validate(IsFilterList)
  category?: string | string[];
}

export class AlertsQueryDto extends AlertScopeDto {
  @ApiPropertyOptional({ enum: ['open', 'acknowledged', 'snoozed', 'resolved'] })
  @IsOptional()
  @IsIn(['open', 'acknowledged', 'snoozed', 'resolved'], { message: 'state: must be open, acknowledged, snoozed or resolved' })
  state?: AlertState;
}

export class ChangesQueryDto extends AlertScopeDto {
  @ApiPropertyOptional({ description: 'Recent days judged, 2-28', default: 7 })
  @IsOptional()
  @Matches(/^([2-9]|1\d|2[0-8])$/, { message: 'days: must be a whole number from 2 to 28' })
  days?: string;

  @ApiPropertyOptional({ description: 'Rows returned, 1-500 (worst first)', default: 30 })
  @IsOptional()
  @Matches(/^([1-9]\d?|[1-4]\d\d|500)$/, { message: 'limit: must be a whole number from 1 to 500' })
  limit?: string;

  @WaitParam()
  wait?: string;
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
