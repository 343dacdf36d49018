import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { contractList, contractRef } from '../http/api-docs';
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
  @ApiOkResponse({ description: 'The current assumptions', schema: contractRef('CostModelVersion') })
  @RequireRole('viewer')
  current(): Promise<CostModelVersion> {
    return this.costModels.current();
  }

  @Get('history')
  @ApiOkResponse({ description: 'Every version, newest first, with what it changed', schema: contractList('CostModelHistoryEntry') })
  @RequireRole('viewer')
  history(): Promise<CostModelVersion[]> {
    return this.costModels.history();
  }

  @Put()
  @ApiOkResponse({ description: 'The new current version', schema: contractRef('CostModelVersion') })
  @RequireRole('admin')
  update(@Body() dto: UpdateCostModelDto, @Req() req: AuthedRequest): Promise<CostModelVersion> {
    return this.costModels.update(dto, req.principal!.name);
  }
}
