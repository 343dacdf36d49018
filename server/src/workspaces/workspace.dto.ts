import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNumber, IsObject, IsOptional, IsString, IsUrl, Length, Matches, Max, Min, Validate, ValidateIf, ValidateNested } from 'class-validator';
import type { CreateWorkspace, UpdateWorkspace, WorkspaceAlertFloors } from '../contract';
import { IsTimeZone } from '../common/validators';

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;

export class AlertFloorsDto implements WorkspaceAlertFloors {
  @ApiProperty({ example: 3 }) @IsNumber({}, { message: 'alertFloors.ratePoints: must be a number' }) @Min(0) @Max(100) ratePoints!: number;
  @ApiProperty({ example: 15 }) @IsNumber({}, { message: 'alertFloors.handlePercent: must be a number' }) @Min(0) @Max(1000) handlePercent!: number;
  @ApiProperty({ example: 30 }) @IsNumber({}, { message: 'alertFloors.handleSeconds: must be a number' }) @Min(0) @Max(86_400) handleSeconds!: number;
}

/** The alert settings both the create and the change body take. */
// An array passed ValidateNested with nothing to check: [] was stored as floors of null (no alert ever).
const AlertFloorsField = () =>
  applyDecorators(
    ApiPropertyOptional({ type: AlertFloorsDto, nullable: true }),
    IsOptional(),
    IsObject({ message: 'alertFloors: must be {"ratePoints", "handlePercent", "handleSeconds"}, or null for the defaults' }),
    ValidateNested(),
    Type(() => AlertFloorsDto),
  );
const AlertWebhookField = () =>
  applyDecorators(
    ApiPropertyOptional({ nullable: true, example: 'https://hooks.slack.com/services/…', description: 'http(s) URL its new alerts are posted to; never shown back' }),
    IsOptional(),
    IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'alertWebhookUrl: must be an http:// or https:// URL' }),
    Length(1, 2000, { message: 'alertWebhookUrl: at most 2,000 characters' }),
  );

export class CreateWorkspaceDto implements CreateWorkspace {
  @ApiProperty({ example: 'brand-eu' })
  @IsString()
  @Matches(SLUG_PATTERN, { message: 'slug: 1 to 40 lower-case letters, digits or dashes, starting with a letter or digit' })
  slug!: string;
  @ApiProperty({ example: 'Brand EU' }) @IsString() @Length(1, 100, { message: 'name: must be 1 to 100 characters long' }) name!: string;
  @ApiPropertyOptional({ example: 'Europe/Berlin' }) @IsOptional() @Validate(IsTimeZone) timeZone?: string;
  @ApiPropertyOptional({ example: 'EUR' }) @IsOptional() @IsString() @Matches(/^[A-Z]{3}$/, { message: 'currency: must be a 3-letter ISO 4217 code such as EUR' }) currency?: string;
  @AlertFloorsField() alertFloors?: AlertFloorsDto | null;
  @AlertWebhookField() alertWebhookUrl?: string | null;
}

export class UpdateWorkspaceDto implements UpdateWorkspace {
  // Left out keeps the name; null is not a name.
  @ApiPropertyOptional() @ValidateIf((_o, v) => v !== undefined) @IsString({ message: 'name: must be 1 to 100 characters long' }) @Length(1, 100, { message: 'name: must be 1 to 100 characters long' }) name?: string;
  @ApiPropertyOptional({ nullable: true, description: 'null: follow the instance REPORTING_TIME_ZONE' }) @IsOptional() @Validate(IsTimeZone) timeZone?: string | null;
  @AlertFloorsField() alertFloors?: AlertFloorsDto | null;
  @AlertWebhookField() alertWebhookUrl?: string | null;
}
