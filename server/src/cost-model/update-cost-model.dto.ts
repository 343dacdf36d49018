import type { CostModelChange } from '../contract';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, IsString, Length, Min } from 'class-validator';

const money = { message: '$property: must be a number >= 0' };

export class UpdateCostModelDto implements CostModelChange {
  @ApiPropertyOptional({ minimum: 0 }) @IsOptional() @IsNumber({}, money) @Min(0, money) humanHourlyCost?: number;
  @ApiPropertyOptional({ minimum: 0 }) @IsOptional() @IsNumber({}, money) @Min(0, money) aiCostPerConversation?: number;
  @ApiPropertyOptional({ minimum: 0 }) @IsOptional() @IsNumber({}, money) @Min(0, money) aiCostPerResolution?: number;
  @ApiPropertyOptional({ minimum: 0 }) @IsOptional() @IsNumber({}, money) @Min(0, money) fteHoursPerMonth?: number;
  @ApiPropertyOptional({ minimum: 0, description: 'Fixed costs of running the AI per month: licence, implementation amortised, QA and supervision' }) @IsOptional() @IsNumber({}, money) @Min(0, money) fixedCostPerMonth?: number;
  @ApiPropertyOptional({ example: 'USD' }) @IsOptional() @IsString() @Length(3, 3, { message: 'currency: must be a 3-letter ISO 4217 code' }) currency?: string;
}
