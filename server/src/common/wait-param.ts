// The `wait` query parameter of every read (docs/API.md, "Freshness"), declared once.
import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export function WaitParam(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      description:
        "Longest this read waits for the projection of what was acknowledged before it, in seconds (default and cap: READ_WAIT_SECONDS). 0: answer at once, and say in `freshness` how far behind that is (what the dashboard does: a viewer need not wait for other people's ingest)",
      example: '0',
    }),
    IsOptional(),
    Matches(/^\d{1,3}(\.\d{1,3})?$/, { message: 'wait: must be a number of seconds from 0 to 999, e.g. 0 or 2.5' }),
  );
}
