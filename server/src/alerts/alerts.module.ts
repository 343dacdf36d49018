import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { ProjectionModule } from '../projection/projection.module';
import { AlertsController } from './alerts.controller';
import { AlertsScheduler } from './alerts.scheduler';
import { AlertsRepository } from './alerts.repository';
import { AlertsService } from './alerts.service';
import { WebhookNotifier } from './webhook.notifier';

@Module({ imports: [EventsModule, ProjectionModule], controllers: [AlertsController], providers: [AlertsService, AlertsRepository, AlertsScheduler, WebhookNotifier] })
export class AlertsModule {}
