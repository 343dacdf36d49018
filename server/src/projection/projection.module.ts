import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { TicketsRepository } from '../tickets/tickets.repository';
import { FreshnessService } from './freshness.service';
import { ProjectionRepository } from './projection.repository';
import { ProjectorService } from './projector.service';
import { ReadActivity } from './read-activity';

/** The projector (the one writer of tickets and rollups) and read-your-writes for the readers. */
@Module({ imports: [EventsModule], providers: [ProjectorService, ProjectionRepository, FreshnessService, TicketsRepository, ReadActivity], exports: [ProjectorService, FreshnessService, ReadActivity] })
export class ProjectionModule {}
