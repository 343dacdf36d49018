// A batch of body items validated as one: the valid events (an id twice in the batch: the first
// valid one wins), the rejections with their index and line, and how many repeats were dropped.
// Shared by the ingest endpoint and the importer's source versions.
import type { IngestRejection } from '../contract/api-types';
import type { BodyItem } from './event-body.parser';
import { eachInSlices } from '../common/slices';
import { ValidEvent, validateEvent } from './event-validation';

/**
 * A rejected event's id as the answer repeats it: an id is at most 128 code points, so a longer one
 * (itself the reason it was refused) is cut there, marked with "…": a 1 MB id came back whole.
 */
export const MAX_ECHOED_ID = 128;
export function echoedId(id: string | null): string | null {
  if (id === null || id.length <= MAX_ECHOED_ID) return id;
  let out = '';
  let n = 0;
  for (const ch of id) {
    if (n++ === MAX_ECHOED_ID) return `${out}…`;
    out += ch;
  }
  return id; // 128 code points or fewer, in more UTF-16 units (emoji)
}

/** Valid events with each id once (an id twice in a batch: the first wins), and how many repeats were dropped. */
export function firstOfEachId(events: readonly ValidEvent[]): { valid: ValidEvent[]; repeatedInBatch: number } {
  const seen = new Set<string>();
  const valid = events.filter((e) => !seen.has(e.id) && (seen.add(e.id), true));
  return { valid, repeatedInBatch: events.length - valid.length };
}

/** In slices (common/slices.ts): a request may carry 10,000 events, about 50 ms of validation. */
export async function validateBatch(items: readonly BodyItem[]): Promise<{ valid: ValidEvent[]; rejected: IngestRejection[]; repeatedInBatch: number }> {
  const rejected: IngestRejection[] = [];
  const passed: ValidEvent[] = [];
  await eachInSlices(items.entries(), ([index, item]) => {
    if ('parseError' in item) {
      rejected.push({ index, id: echoedId(item.rawId), line: item.line, errors: [item.parseError] });
      return;
    }
    const r = validateEvent(item.value);
    if (r.ok) passed.push(r.event);
    else rejected.push({ index, id: echoedId(r.id), ...(item.line ? { line: item.line } : {}), errors: r.errors });
  });
  return { ...firstOfEachId(passed), rejected };
}
