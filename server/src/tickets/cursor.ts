// The ticket list's cursor: the last row's sort value and id, opaque to the client. Pure.
import { BadRequestException } from '@nestjs/common';
import { textProblem } from '../common/text-hygiene';

export function encodeCursor(value: number, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

export function decodeCursor(cursor: string): { value: number; id: string } {
  try {
    const [value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    // A hand-made cursor is decoded input like any other: finite, and text PostgreSQL can compare.
    if (typeof value === 'number' && Number.isFinite(value) && typeof id === 'string' && textProblem(id) === null) return { value, id };
  } catch {
    // fall through
  }
  throw new BadRequestException('cursor: not a cursor this API returned');
}
