// How far V8 lets the heap grow past what its last full collection kept. By default up to about
// 4x for a program that allocates fast: a load's projector batches keep ~150 MB alive (a batch's
// ~285,000 events and the tickets replayed from them), and the server's peak RSS in bench:ingest
// was 535-611 MB, mostly garbage not collected yet. At 2x (HEAP_GROWING_PERCENT 100, the default)
// it was 337-412 MB, accepted events/s within the default's spread (docs/SCALING.md, sixteenth).
// Set at start, before the heap grows; node started with its own --heap-growing-percent keeps it.
import * as v8 from 'node:v8';

const FLAG = '--heap-growing-percent';

/** Whether node was started with the flag already (V8 takes _ for -; NODE_OPTIONS may not carry it). */
export function heapGrowthGiven(execArgv: readonly string[] = process.execArgv): boolean {
  return execArgv.some((a) => {
    const flag = a.replace(/_/g, '-');
    return flag === FLAG || flag.startsWith(`${FLAG}=`);
  });
}

/** @param percent the heap may grow to (1 + percent / 100) x what the last full collection kept; 0: V8's own rule */
export function boundHeapGrowth(percent: number): void {
  if (!heapGrowthGiven()) v8.setFlagsFromString(`${FLAG}=${percent}`);
}
