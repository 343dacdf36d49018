// How far V8 lets the heap grow past what its last full collection kept. By default up to about
// 4x for a program that allocates fast: a load's projector batches keep ~150 MB alive (a batch's
// ~285,000 events and the tickets replayed from them), and the server's peak RSS in bench:ingest
// was 535-611 MB, mostly garbage not collected yet. At 2x (heap_growing_percent 100) it was
// 353-386 MB, for 6-17% fewer accepted events/s (still 80-91k against a 50k goal) and about 7%
// slower projection (docs/SCALING.md, sixteenth). Set at start, before the heap has grown.
import * as v8 from 'node:v8';

export const HEAP_GROWING_PERCENT = 100;

export function boundHeapGrowth(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
