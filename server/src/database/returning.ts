/**
 * The rows of an UPDATE or DELETE ... RETURNING run through TypeORM's query(): it answers those
 * as [rows, affected count], and SELECTs (or INSERT ... RETURNING) as the rows alone.
 */
export function returnedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
