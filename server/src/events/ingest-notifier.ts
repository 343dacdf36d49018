import { Injectable } from '@nestjs/common';

/** Lets work that follows ingest (alert evaluation) hear about it without sitting on the write path. */
@Injectable()
export class IngestNotifier {
  private readonly listeners: (() => void)[] = [];

  subscribe(listener: () => void): void {
    this.listeners.push(listener);
  }

  notify(): void {
    for (const l of this.listeners) l();
  }
}
