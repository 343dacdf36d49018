import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Body, Controller, Get, Put, Req } from '@nestjs/common';
import type { AuthedRequest } from '../auth/auth.guard';
import { RequireRole } from '../auth/roles.decorator';
import { CostModelService, CostModelVersion } from './cost-model.service';
import { UpdateCostModelDto } from './update-cost-model.dto';

@ApiTags('cost model')
@ApiBearerAuth()
@Controller('api/v1/cost-model')
export class CostModelController {
  constructor(private readonly costModels: CostModelService) {}

  @Get()
  @RequireRole('viewer')
  current(): Promise<CostModelVersion> {
    return this.costModels.current();
  }

  @Get('history')
  @RequireRole('viewer')
  history(): Promise<CostModelVersion[]> {
    return this.costModels.history();
  }

  @Put()
  @RequireRole('admin')
  update(@Body() dto: UpdateCostModelDto, @Req() req: AuthedRequest): Promise<CostModelVersion> {
    return this.costModels.update(dto, req.principal!.name);
  }
}
