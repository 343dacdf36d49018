import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { contractRef } from '../http/api-docs';
import { Controller, Get, Query } from '@nestjs/common';
import { DataStatus } from '../contract/api-types';
import { RequireRole } from '../auth/roles.decorator';
import { StatusQueryDto } from './status-query.dto';
import { StatusService } from './status.service';

@ApiTags('status')
@ApiBearerAuth()
@Controller('api/v1/status')
export class StatusController {
  constructor(private readonly status: StatusService) {}

  @Get()
  @ApiOkResponse({ description: 'What the database holds and how current reads are', schema: contractRef('DataStatus') })
  @RequireRole('viewer')
  get(@Query() q: StatusQueryDto): Promise<DataStatus> {
    return this.status.status(q.wait);
  }
}
