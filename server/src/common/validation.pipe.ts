// The one ValidationPipe of the app. A single-valued field given several values (a query parameter
// repeated, `?wait=1&wait=2`, or a JSON list where one value belongs) is said to be that, instead
// of its validator's own message ("must be json or csv" for `format=json&format=csv`).
import { ValidationError, ValidationPipe } from '@nestjs/common';

/** Validators that take a list themselves, want an object, or speak of the field, not its value: their message stays. */
const KEEP_MESSAGE = new Set(['isObject', 'filterList', 'summaryField', 'isArray', 'arrayMaxSize', 'arrayMinSize', 'arrayNotEmpty', 'arrayUnique', 'whitelistValidation', 'unknownValue', 'nestedValidation']);

const shown = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v) : typeof v);

/** "wait: one value only, got 2: \"1\", \"2\"" for a leaf error on a list; other errors unchanged. */
export function oneValueOnly(error: ValidationError): ValidationError {
  const children = error.children?.map(oneValueOnly);
  const keys = Object.keys(error.constraints ?? {});
  // Two or more: a repeat. A JSON list of one, or an empty one, is a wrong type, which the validator's own message says.
  if (!Array.isArray(error.value) || error.value.length < 2 || keys.length === 0 || keys.some((k) => KEEP_MESSAGE.has(k))) return { ...error, children };
  const values = error.value as unknown[];
  const listed = values.slice(0, 3).map(shown).join(', ') + (values.length > 3 ? ', …' : '');
  return { ...error, children, constraints: { oneValue: `${error.property}: one value only, got ${values.length}: ${listed}` } };
}

export class AppValidationPipe extends ValidationPipe {
  constructor() {
    super({ whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true, stopAtFirstError: true });
  }

  protected override flattenValidationErrors(errors: ValidationError[]): string[] {
    return super.flattenValidationErrors(errors.map(oneValueOnly));
  }
}
