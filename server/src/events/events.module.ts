import { Module } from '@nestjs/common';
import { EventsController } from './events.controller';
import { EventsRepository } from './events.repository';
import { EventsService } from './events.service';
import { IngestNotifier } from './ingest-notifier';

/** POST /api/v1/events: validate, store, queue for the projector. */
@Module({ controllers: [EventsController], providers: [EventsService, EventsRepository, IngestNotifier], exports: [EventsService, EventsRepository, IngestNotifier] })
export class EventsModule {}
