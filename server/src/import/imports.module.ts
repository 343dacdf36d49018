import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { ProjectionModule } from '../projection/projection.module';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

@Module({ imports: [EventsModule, ProjectionModule], controllers: [ImportsController], providers: [ImportsService] })
export class ImportsModule {}
