import { Injectable } from '@nestjs/common';

/** Lets work that follows ingest (alert evaluation) hear about it without sitting on the write path. */
@Injectable()
export class IngestNotifier {
  private readonly listeners: ((workspaceId: number) => void)[] = [];

  subscribe(listener: (workspaceId: number) => void): void {
    this.listeners.push(listener);
  }

  /** Events of this workspace were stored. */
  notify(workspaceId: number): void {
    for (const l of this.listeners) l(workspaceId);
  }
}
