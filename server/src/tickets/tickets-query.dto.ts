import type { TicketsQuery } from '../contract';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { MetricsQueryDto } from '../metrics/metrics-query.dto';

const bool = (name: string) => ({ message: `${name}: must be true or false` });

/**
 * GET /api/v1/tickets: the summary's scope (dates, tz, filters, asOf) and predicates that match
 * its numbers, e.g. verifiedAiResolved = path=ai&verified=true.
 */
export class TicketsQueryDto extends MetricsQueryDto implements TicketsQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false'], bool('resolved')) resolved?: 'true' | 'false';
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'durable AI resolution at asOf' }) @IsOptional() @IsIn(['true', 'false'], bool('verified')) verified?: 'true' | 'false';
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'AI resolution younger than 7 days at asOf' }) @IsOptional() @IsIn(['true', 'false'], bool('pending')) pending?: 'true' | 'false';
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false'], bool('repeatContact')) repeatContact?: 'true' | 'false';
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false'], bool('reopened')) reopened?: 'true' | 'false';
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false'], bool('aiInvolved')) aiInvolved?: 'true' | 'false';
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'has a CSAT score' }) @IsOptional() @IsIn(['true', 'false'], bool('hasCsat')) hasCsat?: 'true' | 'false';
  @ApiPropertyOptional({ minimum: 1, maximum: 5 }) @IsOptional() @IsIn(['1', '2', '3', '4', '5'], { message: 'csatMin: must be 1 to 5' }) csatMin?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 5 }) @IsOptional() @IsIn(['1', '2', '3', '4', '5'], { message: 'csatMax: must be 1 to 5' }) csatMax?: string;
  @ApiPropertyOptional({ enum: ['createdAt', 'handleSeconds'], default: 'createdAt' })
  @IsOptional()
  @IsIn(['createdAt', 'handleSeconds'], { message: 'sort: must be createdAt or handleSeconds' })
  sort?: 'createdAt' | 'handleSeconds';
  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' }) @IsOptional() @IsIn(['asc', 'desc'], { message: 'order: must be asc or desc' }) order?: 'asc' | 'desc';
  @ApiPropertyOptional({ default: 50, maximum: 500 }) @IsOptional() @Matches(/^([1-9]\d?|[1-4]\d\d|500)$/, { message: 'limit: must be a whole number from 1 to 500' }) limit?: string;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' }) @IsOptional() @Matches(/^[A-Za-z0-9_-]{1,600}$/, { message: 'cursor: not a cursor this API returned' }) cursor?: string;
}
