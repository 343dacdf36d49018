import type { LeanBreakdownResponse } from '../../../server/src/contract';
import { filterOptions } from './filter-options';

const b = { segments: [{ key: 'web' }, { key: 'whatsapp' }] } as LeanBreakdownResponse;

describe('filterOptions', () => {
  it('the values the data has, in its order', () => expect(filterOptions(b, undefined)).toEqual(['web', 'whatsapp']));
  it('keeps a selected value the range lacks', () => expect(filterOptions(b, 'Billing')).toEqual(['web', 'whatsapp', 'Billing']));
  it('before the data arrives, only the selection', () => expect(filterOptions(undefined, 'chat')).toEqual(['chat']));
});
