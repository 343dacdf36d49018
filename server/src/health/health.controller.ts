import { ApiTags } from '@nestjs/swagger';
import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Health } from '../contract/api-types';
import { Public } from '../auth/roles.decorator';
import { databaseUp } from './database-health';

@ApiTags('health')
@Controller('api/health')
export class HealthController {
  constructor(private readonly ds: DataSource) {}

  /** Open (CONTRACT.md §4): 200 when the database answers, 503 when it does not. */
  @Get()
  @Public()
  async health(@Res({ passthrough: true }) res: FastifyReply): Promise<Health> {
    const up = await databaseUp(this.ds);
    if (!up) res.status(503);
    return { status: up ? 'ok' : 'degraded', database: up ? 'up' : 'down' };
  }
}
