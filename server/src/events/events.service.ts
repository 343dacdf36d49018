// The write path of an event (docs/ARCHITECTURE.md): parse -> validate -> one transaction that stores
// the new events and queues their tickets; the projector replays them.
import { wsId } from '../workspaces/workspace-context';
import { BadRequestException, Injectable, PayloadTooLargeException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IngestResponse } from '../contract/api-types';
import { BodyFormatError, BodyItem, BodyTooLargeError, parseEventBody } from './event-body.parser';
import { ValidEvent } from './event-validation';
import { firstOfEachId, validateBatch } from './validate-batch';
import { EventsRepository } from './events.repository';
import { IngestNotifier } from './ingest-notifier';
import { TelemetryService } from '../telemetry/telemetry.service';


@Injectable()
export class EventsService {
  constructor(
    private readonly ds: DataSource,
    private readonly events: EventsRepository,
    private readonly notifier: IngestNotifier,
    private readonly telemetry: TelemetryService,
  ) {}

  /** `text` is undefined when the request had no body (or one Fastify did not hand over as text). */
  async ingestBody(text: string | undefined, contentType: string | undefined): Promise<IngestResponse> {
    let items: BodyItem[];
    try {
      items = parseEventBody(text, contentType);
    } catch (e) {
      if (e instanceof BodyTooLargeError) throw new PayloadTooLargeException(e.message);
      if (e instanceof BodyFormatError) throw new BadRequestException(e.message);
      throw e;
    }
    return this.ingest(items);
  }

  /** Validates every item; stores the valid ones even when others are rejected. */
  async ingest(items: readonly BodyItem[]): Promise<IngestResponse> {
    const { valid, rejected, repeatedInBatch } = await validateBatch(items);
    return this.storeBatch(valid, repeatedInBatch, rejected);
  }

  /** Events validated already (an import validates each row's events, to reject a row whole). */
  async ingestValidated(events: readonly ValidEvent[]): Promise<IngestResponse> {
    const { valid, repeatedInBatch } = firstOfEachId(events);
    return this.storeBatch(valid, repeatedInBatch, []);
  }

  private async storeBatch(valid: readonly ValidEvent[], repeatedInBatch: number, rejected: IngestResponse['rejected']): Promise<IngestResponse> {
    const end = this.telemetry.ingestBatchDuration.startTimer();
    const { inserted: accepted, seq } = valid.length > 0 ? await this.store(valid) : { inserted: 0, seq: null };
    end();
    if (accepted > 0) this.notifier.notify(wsId(), accepted);
    const duplicates = valid.length - accepted + repeatedInBatch;
    this.telemetry.ingestEvents.inc({ outcome: 'accepted' }, accepted);
    this.telemetry.ingestEvents.inc({ outcome: 'duplicate' }, duplicates);
    this.telemetry.ingestEvents.inc({ outcome: 'rejected' }, rejected.length);
    return { accepted, duplicates, rejected, ...(seq !== null ? { projection: seq } : {}) };
  }

  /**
   * One transaction, committed before the answer: the events whose ids are new, and their tickets
   * queued for the projector. Nothing here waits for another request but over the same ids;
   * replaying tickets and rebuilding their rollups is the projector's
   * (projection/projector.service.ts), one batch at a time, and reads wait for it (read-your-writes,
   * metrics/freshness.service.ts).
   */
  private async store(valid: readonly ValidEvent[]): Promise<{ inserted: number; seq: string | null }> {
    // In id order, so two batches that share ids take their row locks in one order (no deadlock).
    const ordered = [...valid].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return this.events.insertAndQueue(this.ds, ordered);
  }
}
