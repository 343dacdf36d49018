import { IsOptional, IsString, Length, Validate } from 'class-validator';
import { IsCalendarDate, IsNonNegativeDecimal, IsRfc3339, IsTimeZone } from '../common/validators';

/** GET /api/v1/metrics/summary (CONTRACT.md §3). Values stay strings; the service converts them. */
export class SummaryQueryDto {
  @Validate(IsCalendarDate) from!: string;
  @Validate(IsCalendarDate) to!: string;
  @IsOptional() @Validate(IsTimeZone) tz?: string;
  @IsOptional() @IsString({ message: 'channel: must be a single string' }) @Length(1, 256) channel?: string;
  @IsOptional() @IsString({ message: 'category: must be a single string' }) @Length(1, 256) category?: string;
  @IsOptional() @Validate(IsRfc3339) asOf?: string;
  @IsOptional() @Validate(IsNonNegativeDecimal) humanHourlyCost?: string;
  @IsOptional() @Validate(IsNonNegativeDecimal) aiCostPerConversation?: string;
  @IsOptional() @Validate(IsNonNegativeDecimal) aiCostPerResolution?: string;
  @IsOptional() @Validate(IsNonNegativeDecimal) fteHoursPerMonth?: string;
}
