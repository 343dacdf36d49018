import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { ProjectionModule } from '../projection/projection.module';
import { AlertsController } from './alerts.controller';
import { AlertsScheduler } from './alerts.scheduler';
import { AlertsService } from './alerts.service';
import { WebhookNotifier } from './webhook.notifier';

@Module({ imports: [EventsModule, ProjectionModule], controllers: [AlertsController], providers: [AlertsService, AlertsScheduler, WebhookNotifier] })
export class AlertsModule {}
