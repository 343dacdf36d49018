import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches, Validate } from 'class-validator';
import type { BreakdownQuery, MetricsQuery, SummaryQuery, TimeseriesQuery } from '../contract';
import { WaitParam } from '../common/wait-param';
import { IsCalendarDate, IsFilterList, IsNonNegativeDecimal, IsRfc3339, IsSummaryField, IsTimeZone } from '../common/validators';

/**
 * The scope every metrics endpoint shares: date range, time zone, filters (multi-select: a comma
 * list or the parameter repeated), maturity and what-if costs. One meaning across endpoints.
 */
export class MetricsQueryDto implements MetricsQuery {
  @ApiPropertyOptional({ description: 'First local date (YYYY-MM-DD), inclusive', example: '2026-01-05' })
  @Validate(IsCalendarDate)
  from!: string;

  @ApiPropertyOptional({ description: 'Last local date (YYYY-MM-DD), exclusive', example: '2026-01-26' })
  @Validate(IsCalendarDate)
  to!: string;

  @ApiPropertyOptional({ description: 'IANA time zone the dates are read in', default: 'UTC' })
  @IsOptional()
  @Validate(IsTimeZone)
  tz?: string;

  @ApiPropertyOptional({ description: 'Channels, comma-separated (exact match)', example: 'chat,email' })
  @IsOptional()
  @Validate(IsFilterList)
  channel?: string | string[];

  @ApiPropertyOptional({ description: 'Categories, comma-separated; uncategorized matches missing ones' })
  @IsOptional()
  @Validate(IsFilterList)
  category?: string | string[];

  @ApiPropertyOptional({ description: 'Languages, comma-separated' })
  @IsOptional()
  @Validate(IsFilterList)
  language?: string | string[];

  @ApiPropertyOptional({ description: 'Paths, comma-separated: ai, escalated, human, none' })
  @IsOptional()
  @Validate(IsFilterList)
  path?: string | string[];

  @ApiPropertyOptional({ description: 'Moment of judgment for maturity (RFC 3339); default now' })
  @IsOptional()
  @Validate(IsRfc3339)
  asOf?: string;

  @ApiPropertyOptional({ description: 'What-if override of the cost model' })
  @IsOptional()
  @Validate(IsNonNegativeDecimal)
  humanHourlyCost?: string;

  @ApiPropertyOptional({ description: 'What-if override of the cost model' })
  @IsOptional()
  @Validate(IsNonNegativeDecimal)
  aiCostPerConversation?: string;

  @ApiPropertyOptional({ description: 'What-if override of the cost model' })
  @IsOptional()
  @Validate(IsNonNegativeDecimal)
  aiCostPerResolution?: string;

  @ApiPropertyOptional({ description: 'What-if override of the cost model' })
  @IsOptional()
  @Validate(IsNonNegativeDecimal)
  fteHoursPerMonth?: string;

  @ApiPropertyOptional({ description: 'What-if override of the cost model: fixed costs per month' })
  @IsOptional()
  @Validate(IsNonNegativeDecimal)
  fixedCostPerMonth?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'false', description: 'true: leave verified AI resolutions the customer rated 1-2 out of verifiedSavings (and everything priced from it); savings.lowRated says how many and what they were worth either way' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'excludeLowRated: must be true or false' })
  excludeLowRated?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'The `projection` of an ingest answer: wait until that batch is projected (reads wait for everything acknowledged before them anyway)', example: '1234' })
  @IsOptional()
  @Matches(/^[1-9]\d{0,17}$/, { message: 'after: must be the projection position an ingest answer gave (a whole number)' })
  after?: string;

  @WaitParam()
  wait?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'csv: same rows as the JSON (or send Accept: text/csv)' })
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format: must be json or csv' })
  format?: 'json' | 'csv';
}

const PERCENTILES_DOC =
  'false: leave the distributions out (handleSeconds.median/p90, resolutionSeconds, firstResponseSeconds); every count, rate, CSAT figure and the savings stay. Several times cheaper for long, filtered or wide reads';

export class SummaryQueryDto extends MetricsQueryDto implements SummaryQuery {
  @ApiPropertyOptional({ enum: ['previous', 'year'], description: 'Also return the previous period (same length) or the same dates a year earlier, and the deltas' })
  @IsOptional()
  @IsIn(['previous', 'year'], { message: 'compare: must be previous or year' })
  compare?: 'previous' | 'year';
}

export class TimeseriesQueryDto extends MetricsQueryDto implements TimeseriesQuery {
  @ApiPropertyOptional({ enum: ['day', 'week', 'month'], default: 'day', description: 'Local days, ISO weeks (Monday) or months' })
  @IsOptional()
  @IsIn(['day', 'week', 'month'], { message: 'interval: must be day, week or month' })
  interval?: 'day' | 'week' | 'month';

  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'true', description: PERCENTILES_DOC })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'percentiles: must be true or false' })
  percentiles?: 'true' | 'false';
}

export const BREAKDOWN_DIMENSIONS = ['channel', 'category', 'language', 'path'] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

/** One column to segment by, or two (rows x columns: category,channel); path only alone. */
export const BREAKDOWN_BY = /^(path|(channel|category|language)(,(channel|category|language))?)$/;

export class BreakdownQueryDto extends SummaryQueryDto implements BreakdownQuery {
  @ApiPropertyOptional({ description: `One of ${BREAKDOWN_DIMENSIONS.join(', ')}, or two of channel, category, language (e.g. category,channel: a segment per pair)`, example: 'category' })
  @Matches(BREAKDOWN_BY, { message: `by: must be one of ${BREAKDOWN_DIMENSIONS.join(', ')}, or two different ones of channel, category, language separated by a comma (e.g. category,channel)` })
  by!: string;

  @ApiPropertyOptional({ enum: ['day', 'week', 'month'], description: 'Also each shown segment\'s numbers per local day, ISO week or month (sparklines), in one request' })
  @IsOptional()
  @IsIn(['day', 'week', 'month'], { message: 'series: must be day, week or month' })
  series?: 'day' | 'week' | 'month';

  @ApiPropertyOptional({ description: 'A numeric summary field to sort by, e.g. tickets, verifiedAiResolutionRate, savings.verifiedSavings', default: 'tickets' })
  @IsOptional()
  @Validate(IsSummaryField)
  sort?: string;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @IsOptional()
  @IsIn(['asc', 'desc'], { message: 'order: must be asc or desc' })
  order?: 'asc' | 'desc';

  @ApiPropertyOptional({ description: 'Segments to show; the rest are rolled into "other"', default: 10 })
  @IsOptional()
  @Validate(IsNonNegativeDecimal)
  limit?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'true', description: PERCENTILES_DOC })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'percentiles: must be true or false' })
  percentiles?: 'true' | 'false';
}
