// A claimed figure as people type it from a deck ("$2.1M", "70%", "12,430", "1.5 million"), read
// to a number or refused with why. Pure; tested in claim-value.spec.ts. Guessing is what misled:
// "2,1M" (a decimal comma) was read as 21 million, "€2.1M" as dollars in a USD workspace.
import { CURRENCY_SIGNS, otherCurrency } from '../../../server/src/contract/currency-symbol';

const MONEY_UNITS = new Set(['money', 'money_per_period', 'money_per_month', 'money_per_year']);
const PERCENT_UNITS = new Set(['percent', 'top2_percent']);
const SCALES: [RegExp, number][] = [
  [/^(k|thousand)$/i, 1e3],
  [/^(m|mm|mn|million)$/i, 1e6],
  [/^(b|bn|billion)$/i, 1e9],
];
const SIGN = new RegExp(`^([${CURRENCY_SIGNS}])\\s*`);

/** The number a claim states, or the problem with what was typed (without the figure's name). */
export function parseClaimValue(typed: string, unit: string, currency: string): { value: number } | { error: string } {
  const raw = typed.trim();
  if (raw === '') return { error: 'no value' };
  let text = raw;
  const signed = SIGN.exec(text);
  const sign = signed?.[1];
  if (signed) text = text.slice(signed[0].length);
  let code: string | undefined;
  const codeAt = /^([A-Za-z]{3})\s+|\s*\b([A-Z]{3})$/.exec(text);
  if (codeAt && !SCALES.some(([re]) => re.test(codeAt[1] ?? codeAt[2]))) {
    code = codeAt[1] ?? codeAt[2];
    text = text.replace(codeAt[0], '').trim();
  }
  if ((sign || code) && !MONEY_UNITS.has(unit)) return { error: `"${raw}" has a currency, but this figure is not money` };
  const other = otherCurrency(sign, code, currency);
  if (other) return { error: `"${raw}" ${other}; this workspace counts money in ${currency} (its cost model's currency): convert it first` };
  if (text.endsWith('%')) {
    if (!PERCENT_UNITS.has(unit)) return { error: `"${raw}" is not a number` }; // 70% of "resolutions" is no count
    text = text.slice(0, -1).trim();
  }
  let scale = 1;
  const suffix = /^(.*?\d)\s*([A-Za-z]+)$/.exec(text);
  if (suffix) {
    const s = SCALES.find(([re]) => re.test(suffix[2]));
    if (!s) return { error: `"${raw}" is not a number` };
    scale = s[1];
    text = suffix[1];
  }
  // "12,430" and "12 430" group thousands in threes; "2,1" or "0,99" could be a decimal comma: asked, not guessed.
  if (/^\d+(,\d+)+(\.\d+)?$/.test(text) && !/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) return { error: `"${raw}": write decimals with a dot (0.99), thousands with a comma (12,430)` };
  if (/^\d{1,3}([, ]\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/[, ]/g, '');
  if (/^-\s*\d/.test(text)) return { error: `${raw} is negative; a claimed figure is 0 or more` };
  if (!/^(\d+(\.\d+)?|\.\d+)$/.test(text)) return { error: `"${raw}" is not a number` };
  // Scaled in decimal, not binary: 2.1 million is 2,100,000, not 2,100,000.0000000005.
  const value = scale === 1 ? Number(text) : Number((Number(text) * scale).toPrecision(15));
  if (PERCENT_UNITS.has(unit) && value > 100) return { error: `${raw.replace(/\s*%$/, '')}% is more than 100%` };
  return { value };
}
