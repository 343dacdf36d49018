import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

@Module({ imports: [EventsModule], controllers: [ImportsController], providers: [ImportsService] })
export class ImportsModule {}
