// The ticket list's cursor: the last row's sort value and id, opaque to the client. Pure.
import { BadRequestException } from '@nestjs/common';
import { textProblem } from '../common/text-hygiene';

/**
 * The sort value as PostgreSQL printed it: whole microseconds since 1970 (int8, exact however far
 * from 1970, where a JavaScript number is not past 2^53 µs: before 1685 or after 2255) or handle
 * seconds (a float printed to round-trip).
 */
export interface Cursor {
  value: string;
  id: string;
}

const NUMBER_TEXT = /^-?\d{1,19}(\.\d{1,20})?(e[+-]?\d{1,3})?$/;

export function encodeCursor(value: string, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

export function decodeCursor(cursor: string): Cursor {
  try {
    const [value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    // Cursors given out before 2026-11-29 held the value as a JSON number.
    const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
    // A hand-made cursor is decoded input like any other: a plain number, and text PostgreSQL can compare.
    if (typeof text === 'string' && NUMBER_TEXT.test(text) && typeof id === 'string' && textProblem(id) === null) return { value: text, id };
  } catch {
    // fall through
  }
  throw new BadRequestException('cursor: not a cursor this API returned');
}

/** A creation-order cursor's value is whole microseconds within int8. */
export const isMicroseconds = (value: string) => /^-?\d{1,18}$/.test(value);
