// class-validator constraints for the contract's formats, each with a message that names the
// parameter and says what is wrong.
import { ValidationArguments, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { timestampProblem } from '../events/event-validation';
import { FIRST_DATE, LAST_DATE, calendarDateProblem, isValidTimeZone } from '../stats/time-range';
import { filterParts, splitFilterValues } from '../contract/filter-list';

/** A request's instant (asOf): a timestamp whose UTC date is one a request may name (FIRST_DATE to LAST_DATE). */
function instantProblem(v: string): string | null {
  const problem = timestampProblem(v);
  if (problem) return problem;
  const day = new Date(Date.parse(v)).toISOString().slice(0, 10);
  return day < FIRST_DATE || day > LAST_DATE ? `is outside the years ${FIRST_DATE.slice(0, 4)}-${LAST_DATE.slice(0, 4)}` : null;
}

@ValidatorConstraint({ name: 'calendarDate' })
export class IsCalendarDate implements ValidatorConstraintInterface {
  validate(v: unknown) {
    return typeof v === 'string' && calendarDateProblem(v) === null;
  }
  defaultMessage(a: ValidationArguments) {
    if (a.value === undefined) return `${a.property}: is required (a date YYYY-MM-DD)`;
    return typeof a.value === 'string'
      ? `${a.property}: ${calendarDateProblem(a.value)}`
      : `${a.property}: must be a single date YYYY-MM-DD`;
  }
}

@ValidatorConstraint({ name: 'timeZone' })
export class IsTimeZone implements ValidatorConstraintInterface {
  validate(v: unknown) {
    return typeof v === 'string' && isValidTimeZone(v);
  }
  defaultMessage(a: ValidationArguments) {
    return `${a.property}: must be an IANA time zone such as UTC or Europe/Stockholm, got "${String(a.value)}"`;
  }
}

@ValidatorConstraint({ name: 'rfc3339' })
export class IsRfc3339 implements ValidatorConstraintInterface {
  validate(v: unknown) {
    return typeof v === 'string' && instantProblem(v) === null;
  }
  defaultMessage(a: ValidationArguments) {
    const problem = typeof a.value === 'string' ? instantProblem(a.value) : 'must be a single timestamp';
    return `${a.property}: ${problem}, got "${String(a.value)}"`;
  }
}

/** What-if costs stay within what the cost model may hold: 99999999999999999999999 an hour was priced. */
const MAX_DECIMAL = 1_000_000_000;

@ValidatorConstraint({ name: 'nonNegativeDecimal' })
export class IsNonNegativeDecimal implements ValidatorConstraintInterface {
  validate(v: unknown) {
    return typeof v === 'string' && /^\d+(\.\d+)?$/.test(v) && Number(v) <= MAX_DECIMAL;
  }
  defaultMessage(a: ValidationArguments) {
    const big = typeof a.value === 'string' && /^\d+(\.\d+)?$/.test(a.value);
    return big
      ? `${a.property}: at most 1,000,000,000 (as for the saved cost model), got "${String(a.value)}"`
      : `${a.property}: must be a non-negative decimal number such as 32 or 0.45, got "${String(a.value)}"`;
  }
}

/** A dotted field name of the summary (e.g. savings.verifiedSavings), given once. */
@ValidatorConstraint({ name: 'summaryField' })
export class IsSummaryField implements ValidatorConstraintInterface {
  validate(v: unknown) {
    return typeof v === 'string' && /^[A-Za-z][A-Za-z0-9]{0,63}(\.[A-Za-z][A-Za-z0-9]{0,63}){0,3}$/.test(v);
  }
  defaultMessage(a: ValidationArguments) {
    return Array.isArray(a.value)
      ? `${a.property}: given ${a.value.length} times; give one field`
      : `${a.property}: must be a summary field such as tickets or savings.verifiedSavings, got ${JSON.stringify(a.value)}`;
  }
}

/** A filter list: a comma-separated string (a comma inside a value written "\\,") or the parameter repeated, each value 1-256 characters. */
@ValidatorConstraint({ name: 'filterList' })
export class IsFilterList implements ValidatorConstraintInterface {
  validate(v: unknown) {
    const list = Array.isArray(v) ? v : [v];
    return list.every((x) => typeof x === 'string' && filterParts(x).every((s) => s.trim().length > 0 && s.length <= 256));
  }
  defaultMessage(a: ValidationArguments) {
    const long = (Array.isArray(a.value) ? a.value : [a.value]).some((x) => typeof x === 'string' && filterParts(x).some((s) => s.length > 256));
    return long
      ? `${a.property}: a value is longer than 256 characters (no ${a.property} is: values are stored up to 256)`
      : `${a.property}: must be a comma-separated list of non-empty values, got ${JSON.stringify(a.value).slice(0, 300)}`;
  }
}

/** Splits a validated filter list into its values. */
export function filterValues(v: string | string[] | undefined): string[] | undefined {
  if (v === undefined) return undefined;
  return [...new Set((Array.isArray(v) ? v : [v]).flatMap((x) => splitFilterValues(x)))];
}
