// Whether the server is on its way down: readiness answers 503 from the first moment, so a load
// balancer stops sending work while requests in flight finish (main.ts closes in that order).
import { Injectable, OnModuleDestroy } from '@nestjs/common';

@Injectable()
export class ShutdownState implements OnModuleDestroy {
  private draining = false;

  get shuttingDown(): boolean {
    return this.draining;
  }

  begin(): void {
    this.draining = true;
  }

  /** Nest's close runs this before it stops the HTTP server, so readiness flips first. */
  onModuleDestroy(): void {
    this.draining = true;
  }
}
