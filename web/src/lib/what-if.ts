// The savings audit's what-if costs: each field shows the value in force (the URL's what-if, else
// the saved cost model) with its unit; a value that is not a non-negative number is explained and
// left out of the request; the view says when its numbers use values that are not saved. Pure.
import type { CostModel, CostModelVersion } from '../../../server/src/contract';

export const WHAT_IF_FIELDS: { key: keyof CostModel; label: string; unit: (currency: string) => string }[] = [
  { key: 'humanHourlyCost', label: 'Human cost per hour', unit: (c) => `${c} per hour` },
  { key: 'aiCostPerConversation', label: 'AI cost per conversation', unit: (c) => `${c} per AI-involved ticket` },
  { key: 'aiCostPerResolution', label: 'AI cost per resolution', unit: (c) => `${c} per AI resolution` },
  { key: 'fteHoursPerMonth', label: 'Productive hours per FTE per month', unit: () => 'hours a month' },
  { key: 'fixedCostPerMonth', label: 'Fixed costs per month (licence, implementation, QA)', unit: (c) => `${c} per month` },
];

export interface WhatIfField {
  key: keyof CostModel;
  label: string;
  unit: string;
  /** What the input shows: the what-if as typed, else the saved value. */
  value: string;
  /** The saved cost model's value. */
  saved: number | null;
  /** Why the typed value is not used, or null. */
  error: string | null;
  /** A valid what-if that differs from the saved value. */
  changed: boolean;
}

const NUMBER = /^\d+(\.\d+)?$/;

export function whatIfFields(params: Readonly<Record<string, string>>, saved: CostModel | undefined, currency: string): WhatIfField[] {
  return WHAT_IF_FIELDS.map((f) => {
    const typed = params[f.key];
    const savedValue = saved ? saved[f.key] : null;
    const given = typed !== undefined && typed !== '';
    const error = !given
      ? null
      : /^-\s*\d+(\.\d+)?$/.test(typed.trim())
        ? `${typed.trim()} is negative: a cost or an amount of time is 0 or more`
        : !NUMBER.test(typed.trim())
          ? `"${typed}" is not a number: write digits with a dot for decimals (e.g. 1.5)`
          : f.key === 'fteHoursPerMonth' && (Number(typed) <= 0 || Number(typed) > 744)
            ? `${typed} hours: an agent works more than 0 and at most 744 hours a month (every hour of a 31-day month)`
            : Number(typed) > 1_000_000_000
              ? `${typed} is more than 1,000,000,000, the most a cost may be`
              : null;
    return {
      key: f.key,
      label: f.label,
      unit: f.unit(currency),
      value: given ? typed : savedValue === null ? '' : String(savedValue),
      saved: savedValue,
      error,
      changed: given && error === null && Number(typed) !== savedValue,
    };
  });
}

/** The what-if values the API is asked with (valid ones that differ from the saved model). */
export function whatIfParams(fields: readonly WhatIfField[]): Partial<Record<keyof CostModel, string>> {
  return Object.fromEntries(fields.filter((f) => f.changed).map((f) => [f.key, f.value.trim()]));
}

/**
 * One change of the cost model in words, with its unit: "Human cost per hour 32 → 40.5 USD per
 * hour" (it read "humanHourlyCost 32 → 40.5"). Fields the form does not know (currency) by name.
 */
export function describeCostChange(field: string, change: { old: unknown; new: unknown }, currency: string): string {
  const f = WHAT_IF_FIELDS.find((x) => x.key === field);
  return f ? `${f.label} ${String(change.old)} → ${String(change.new)} ${f.unit(currency)}` : `${field} ${String(change.old)} → ${String(change.new)}`;
}

/**
 * Said while a workspace still runs on the cost model it was created with (version 1): Claimcheck's
 * starting values, the same numbers whatever the currency ("¥32 an hour" in a yen workspace), on
 * which every money figure rests until an admin saves real ones. Null once anyone has.
 */
export function startingCostsNote(stored: Pick<CostModelVersion, 'version' | 'currency'> | undefined): string | null {
  if (!stored || stored.version !== 1) return null;
  return `These are Claimcheck's starting costs (${stored.currency} 32 an hour, ${stored.currency} 0.45 a conversation: the same numbers whatever the currency), not yours: every money figure rests on them until an admin saves the real ones on the savings audit.`;
}
