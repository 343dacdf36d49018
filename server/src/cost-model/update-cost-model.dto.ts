import type { CostModelChange } from '../contract';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsString, Matches, Max, Min, ValidateIf } from 'class-validator';

// Each field may be left out (it keeps its value) but not sent as null, and money stays within a
// billion a unit: 1e308 an hour was stored, and every sum priced from it became Infinity (shown as
// no figure, without a word why).
const Present = () => ValidateIf((_o, v) => v !== undefined);
const MAX_MONEY = 1_000_000_000;
const money = { message: '$property: must be a number from 0 to 1,000,000,000' };
const hours = { message: '$property: must be a number of hours from 0 to 744 (the hours of a 31-day month)' };

export class UpdateCostModelDto implements CostModelChange {
  @ApiPropertyOptional({ minimum: 0 }) @Present() @IsNumber({}, money) @Min(0, money) @Max(MAX_MONEY, money) humanHourlyCost?: number;
  @ApiPropertyOptional({ minimum: 0 }) @Present() @IsNumber({}, money) @Min(0, money) @Max(MAX_MONEY, money) aiCostPerConversation?: number;
  @ApiPropertyOptional({ minimum: 0 }) @Present() @IsNumber({}, money) @Min(0, money) @Max(MAX_MONEY, money) aiCostPerResolution?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 744 }) @Present() @IsNumber({}, hours) @Min(0, hours) @Max(744, hours) fteHoursPerMonth?: number;
  @ApiPropertyOptional({ minimum: 0, description: 'Fixed costs of running the AI per month: licence, implementation amortised, QA and supervision' }) @Present() @IsNumber({}, money) @Min(0, money) @Max(MAX_MONEY, money) fixedCostPerMonth?: number;
  @ApiPropertyOptional({ example: 'USD' }) @Present() @IsString({ message: 'currency: must be a 3-letter ISO 4217 code such as EUR' }) @Matches(/^[A-Z]{3}$/, { message: 'currency: must be a 3-letter ISO 4217 code such as EUR' }) currency?: string;
}
