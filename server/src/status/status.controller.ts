import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Controller, Get } from '@nestjs/common';
import { DataStatus } from '../contract/api-types';
import { RequireRole } from '../auth/roles.decorator';
import { StatusService } from './status.service';

@ApiTags('status')
@ApiBearerAuth()
@Controller('api/v1/status')
export class StatusController {
  constructor(private readonly status: StatusService) {}

  @Get()
  @RequireRole('viewer')
  get(): Promise<DataStatus> {
    return this.status.status();
  }
}
