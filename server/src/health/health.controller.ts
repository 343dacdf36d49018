import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { contractRef } from '../http/api-docs';
import { Controller, Get } from '@nestjs/common';
import { Health, Liveness, Readiness } from '../contract/api-types';
import { Public } from '../auth/roles.decorator';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('api/health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** Open (CONTRACT.md §4): 200 when the database answers, 503 + Retry-After when it does not. */
  @Get()
  @Public()
  @ApiOkResponse({ description: 'The database answers', schema: contractRef('Health') })
  @ApiServiceUnavailableResponse({ description: '{status: degraded, database: down}, with Retry-After' })
  check(): Promise<Health> {
    return this.health.database();
  }

  /** Liveness: the process answers. Never looks at the database (restarting us would not fix it). */
  @Get('live')
  @Public()
  @ApiOkResponse({ description: 'The process answers', schema: contractRef('Liveness') })
  live(): Liveness {
    return this.health.live();
  }

  /** Readiness: send traffic here. 503 + Retry-After while the database is down or the server is shutting down. */
  @Get('ready')
  @Public()
  @ApiOkResponse({ description: 'Ready for traffic', schema: contractRef('Readiness') })
  @ApiServiceUnavailableResponse({ description: 'not ready: database down or shutting down, with Retry-After' })
  ready(): Promise<Readiness> {
    return this.health.ready();
  }
}
