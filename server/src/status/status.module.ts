import { Module } from '@nestjs/common';
import { ProjectionModule } from '../projection/projection.module';
import { StatusController } from './status.controller';
import { StatusService } from './status.service';

@Module({ imports: [ProjectionModule], controllers: [StatusController], providers: [StatusService] })
export class StatusModule {}
