import { BadRequestException } from '@nestjs/common';
import { ClaimInputDto } from '../claims/claim-input.dto';
import { SummaryQueryDto } from '../metrics/metrics-query.dto';
import { AppValidationPipe } from './validation.pipe';

const pipe = new AppValidationPipe();
const range = { from: '2026-10-01', to: '2026-11-01' };

async function messages(value: unknown, metatype: new () => object, type: 'query' | 'body' = 'query'): Promise<string[]> {
  try {
    await pipe.transform(value, { type, metatype });
  } catch (e) {
    if (e instanceof BadRequestException) return (e.getResponse() as { message: string[] }).message;
    throw e;
  }
  return [];
}

describe('AppValidationPipe: a field given several values where one belongs', () => {
  it.each([
    // [query, message]: each a parameter repeated (Express makes a list of it)
    [{ wait: ['1', '2'] }, 'wait: one value only, got 2: "1", "2"'],
    [{ format: ['json', 'csv'] }, 'format: one value only, got 2: "json", "csv"'],
    [{ tz: ['UTC', 'Asia/Kolkata'] }, 'tz: one value only, got 2: "UTC", "Asia/Kolkata"'],
    [{ excludeLowRated: ['true', 'false', 'true', 'true'] }, 'excludeLowRated: one value only, got 4: "true", "false", "true", …'],
    [{ after: ['5', 'x'.repeat(100)] }, `after: one value only, got 2: "5", "${'x'.repeat(40)}…"`],
  ])('%j -> %s', async (extra, want) => {
    expect(await messages({ ...range, ...extra }, SummaryQueryDto)).toEqual([want]);
  });

  it('a repeated date is said with the other problems', async () => {
    expect(await messages({ from: ['2026-01-01', '2026-02-01'] }, SummaryQueryDto)).toEqual(['from: one value only, got 2: "2026-01-01", "2026-02-01"', 'to: is required (a date YYYY-MM-DD)']);
  });

  it('a list parameter takes the repeat: channel=chat&channel=email is two channels', async () => {
    expect(await messages({ ...range, channel: ['chat', 'email'], category: ['billing', 'shipping'] }, SummaryQueryDto)).toEqual([]);
  });

  it('a single bad value keeps its own message', async () => {
    expect(await messages({ ...range, format: 'xml' }, SummaryQueryDto)).toEqual(['format: must be json or csv']);
  });

  it('a JSON list where a body wants one value', async () => {
    const claim = { title: 'Fin report', source: { kind: 'vendor_report' }, from: '2026-10-01', to: '2026-11-01', tz: 'UTC', figures: [] };
    expect(await messages({ ...claim, title: ['a'] }, ClaimInputDto, 'body')).toContain('title: must be text'); // a list of one: a wrong type
    expect(await messages({ ...claim, tz: ['UTC', 'UTC'] }, ClaimInputDto, 'body')).toContain('tz: one value only, got 2: "UTC", "UTC"');
  });
});
