import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Controller, Get } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DataStatus } from '../contract/api-types';
import { RequireRole } from '../auth/roles.decorator';
import { dataStatusQuery } from './data-status.query';

@ApiTags('status')
@ApiBearerAuth()
@Controller('api/v1/status')
export class StatusController {
  constructor(private readonly ds: DataSource) {}

  @Get()
  @RequireRole('viewer')
  status(): Promise<DataStatus> {
    return dataStatusQuery(this.ds.manager);
  }
}
