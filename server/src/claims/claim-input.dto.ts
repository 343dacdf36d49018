import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsIn, IsObject, IsOptional, IsString, Length, Matches, Validate } from 'class-validator';
import type { ClaimFigure, ClaimInput, ClaimSourceKind, VendorClass } from '../contract';
import { VENDOR_CLASSES } from '../contract';
import { IsCalendarDate, IsTimeZone } from '../common/validators';
import { WaitParam } from '../common/wait-param';

/**
 * A claim as an admin enters it; the figures and the source are checked field by field in claim-input.ts.
 * @Length stands above @IsString: decorators register bottom-up, so the type is checked first.
 */
export class ClaimInputDto implements ClaimInput {
  @ApiProperty({ example: 'Fin monthly report, October' })
  @Length(1, 200, { message: 'title: 1 to 200 characters' })
  @IsString({ message: 'title: must be text' })
  title!: string;

  @ApiProperty({ example: { kind: 'vendor_report', ref: 'https://example.com/report.pdf' } })
  @IsObject({ message: 'source: must be an object {kind, ref}' })
  source!: { kind: ClaimSourceKind; ref?: string };

  @ApiProperty({ example: '2026-10-01' })
  @Validate(IsCalendarDate)
  from!: string;

  @ApiProperty({ example: '2026-11-01', description: 'exclusive' })
  @Validate(IsCalendarDate)
  to!: string;

  @ApiProperty({ example: 'UTC' })
  @Validate(IsTimeZone)
  tz!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Length(1, 256, { message: 'channel: 1 to 256 characters (as an event\'s)' })
  @IsString({ message: 'channel: must be text' })
  channel?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Length(1, 256, { message: 'category: 1 to 256 characters (as an event\'s)' })
  @IsString({ message: 'category: must be text' })
  category?: string;

  @ApiProperty({ example: [{ kind: 'aiResolutions', value: 12430, unit: 'resolutions' }, { kind: 'costPerAiResolution', value: 0.99, unit: 'money' }] })
  @IsArray({ message: 'figures: must be a list' })
  figures!: ClaimFigure[];
}

export class VendorUploadQueryDto {
  @ApiPropertyOptional({ enum: ['intercom-fin', 'zendesk-ar', 'generic'], description: 'which columns hold id, date, type and amount (default generic: id, date, type, amount)' })
  @IsOptional()
  @IsString()
  preset?: string;

  @ApiPropertyOptional({ description: 'instead of a preset, JSON: {"id": "...", "amount": "...", "date": "...", "type": "..."}' })
  @IsOptional()
  @IsString()
  mapping?: string;

  @ApiPropertyOptional({ description: 'put before each conversation id to find our ticket, e.g. "zendesk:" when the tickets were imported with source zendesk (their ids are "zendesk:<id>")', example: 'zendesk:' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_:.-]{1,40}$/, { message: 'ticketPrefix: 1-40 letters, digits, _ : . or -' })
  ticketPrefix?: string;
}

export class VendorItemsQueryDto {
  @ApiPropertyOptional({ enum: VENDOR_CLASSES })
  @IsOptional()
  @IsIn(VENDOR_CLASSES as VendorClass[], { message: `class: must be one of ${VENDOR_CLASSES.join(', ')}` })
  class?: VendorClass;

  @ApiPropertyOptional({ default: '50', description: '1-1000' })
  @IsOptional()
  @IsString()
  limit?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 200, { message: 'cursor: 1 to 200 characters' })
  cursor?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'] })
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format: must be json or csv' })
  format?: 'json' | 'csv';
}

/** GET /api/v1/claims and /api/v1/claims/:id: how long to wait for the projection (as the metrics reads). */
export class ClaimReadQueryDto {
  @WaitParam()
  wait?: string;
}
