import { IsNumber, IsOptional, IsString, Length, Min } from 'class-validator';

const money = { message: '$property: must be a number >= 0' };

export class UpdateCostModelDto {
  @IsOptional() @IsNumber({}, money) @Min(0, money) humanHourlyCost?: number;
  @IsOptional() @IsNumber({}, money) @Min(0, money) aiCostPerConversation?: number;
  @IsOptional() @IsNumber({}, money) @Min(0, money) aiCostPerResolution?: number;
  @IsOptional() @IsNumber({}, money) @Min(0, money) fteHoursPerMonth?: number;
  @IsOptional() @IsString() @Length(3, 3, { message: 'currency: must be a 3-letter ISO 4217 code' }) currency?: string;
}
