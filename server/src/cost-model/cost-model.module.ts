import { Module } from '@nestjs/common';
import { CostModelController } from './cost-model.controller';
import { CostModelService } from './cost-model.service';

@Module({ controllers: [CostModelController], providers: [CostModelService], exports: [CostModelService] })
export class CostModelModule {}
