// Metrics reads going on, or just ended. While people read, only one of a load's batches in three
// builds days beside it on a second connection (project-batch.ts, build-days.ts): on 2 cores a read
// then mostly shares the machine with one projector statement and the server, not two statements
// (docs/SCALING.md).
import { Injectable } from '@nestjs/common';
import { letReadsGoFirst } from '../common/slices';
import { Waiters } from '../common/waiters';

/** How long after the last read the projector still counts people as reading (a dashboard asks in bursts). */
export const READS_QUIET_MS = 2_000;

@Injectable()
export class ReadActivity {
  private inFlight = 0;
  private lastEnded = -Infinity;
  /** Waiting for the reads going on to end (the projector's loops, between slices). */
  private readonly waiting = new Waiters();

  constructor() {
    letReadsGoFirst((maxMs) => this.allEnded(maxMs));
  }

  /** Resolves when no read is going on, or after `maxMs`. */
  allEnded(maxMs: number): Promise<void> {
    return this.inFlight === 0 ? Promise.resolve() : this.waiting.wait(maxMs);
  }

  /** A read begins; call the answer once when it ends (however it ends). */
  begin(now: () => number = () => performance.now()): () => void {
    this.inFlight++;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.inFlight--;
      this.lastEnded = now();
      if (this.inFlight === 0) this.waiting.wakeAll();
    };
  }

  /** A read is going on, or one ended less than `quietMs` before `now` (performance.now() ms). */
  reading(now = performance.now(), quietMs = READS_QUIET_MS): boolean {
    return this.inFlight > 0 || now - this.lastEnded < quietMs;
  }
}
