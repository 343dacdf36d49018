import { parseClaimValue } from './claim-value';

describe('parseClaimValue: a figure as typed from a deck', () => {
  it.each([
    // [typed, unit, currency, value]
    ['12,430', 'resolutions', 'USD', 12430],
    ['1,000,000', 'resolutions', 'USD', 1000000],
    ['12 430', 'resolutions', 'USD', 12430],
    ['0.99', 'money', 'USD', 0.99],
    ['.5', 'fraction', 'USD', 0.5],
    ['$40,000', 'money_per_year', 'USD', 40000],
    ['$2.1M', 'money_per_year', 'USD', 2100000],
    ['2.1 million', 'money_per_year', 'USD', 2100000],
    ['$ 1.5bn', 'money_per_year', 'USD', 1500000000],
    ['40k', 'money_per_month', 'USD', 40000],
    ['USD 2M', 'money_per_year', 'USD', 2000000],
    ['2M USD', 'money_per_year', 'USD', 2000000],
    ['€2.1M', 'money_per_year', 'EUR', 2100000],
    ['¥5,174', 'money', 'JPY', 5174],
    ['70%', 'percent', 'USD', 70],
    ['70 %', 'top2_percent', 'USD', 70],
    ['700', 'agents', 'USD', 700],
  ] as [string, string, string, number][])('%s (%s, %s) -> %d', (typed, unit, currency, value) => {
    expect(parseClaimValue(typed, unit, currency)).toEqual({ value });
  });

  it.each([
    // A decimal comma is asked about, never read as thousands: "2,1M" was 21 million.
    ['2,1M', 'money_per_year', 'USD', '"2,1M": write decimals with a dot (0.99), thousands with a comma (12,430)'],
    ['1,5', 'resolutions', 'USD', '"1,5": write decimals with a dot (0.99), thousands with a comma (12,430)'],
    ['0,99', 'money', 'USD', '"0,99": write decimals with a dot (0.99), thousands with a comma (12,430)'],
    ['12,4300', 'resolutions', 'USD', '"12,4300": write decimals with a dot (0.99), thousands with a comma (12,430)'],
    // Another currency than the workspace's: "€2.1M" was read as dollars.
    ['€2.1M', 'money_per_year', 'USD', '"€2.1M" is in €; this workspace counts money in USD (its cost model\'s currency): convert it first'],
    ['2M EUR', 'money_per_year', 'USD', '"2M EUR" is in EUR; this workspace counts money in USD (its cost model\'s currency): convert it first'],
    ['$500', 'money', 'EUR', '"$500" is in $; this workspace counts money in EUR (its cost model\'s currency): convert it first'],
    // A currency or a percent where the figure is no money or percentage.
    ['$700', 'agents', 'USD', '"$700" has a currency, but this figure is not money'],
    ['70%', 'resolutions', 'USD', '"70%" is not a number'],
    ['120%', 'percent', 'USD', '120% is more than 100%'],
    ['-5', 'resolutions', 'USD', '-5 is negative; a claimed figure is 0 or more'],
    ['lots', 'resolutions', 'USD', '"lots" is not a number'],
    ['2 dozen', 'resolutions', 'USD', '"2 dozen" is not a number'],
    ['1.2.3', 'resolutions', 'USD', '"1.2.3" is not a number'],
    ['', 'resolutions', 'USD', 'no value'],
  ])('%s (%s, %s) is refused: %s', (typed, unit, currency, error) => {
    expect(parseClaimValue(typed, unit, currency)).toEqual({ error });
  });
});
