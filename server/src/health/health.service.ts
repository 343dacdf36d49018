import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Health, Liveness, Readiness } from '../contract/api-types';
import { RETRY_AFTER_SECONDS } from '../database/database-errors';
import { databaseUp } from './database-health';
import { ShutdownState } from './shutdown-state';

@Injectable()
export class HealthService {
  private readonly startedAt = Date.now();

  constructor(
    private readonly ds: DataSource,
    private readonly shutdown: ShutdownState,
  ) {}

  async database(res: FastifyReply): Promise<Health> {
    const up = await databaseUp(this.ds);
    if (!up) unavailable(res);
    return { status: up ? 'ok' : 'degraded', database: up ? 'up' : 'down' };
  }

  live(): Liveness {
    return { status: 'ok', uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000) };
  }

  async ready(res: FastifyReply): Promise<Readiness> {
    const shuttingDown = this.shutdown.shuttingDown;
    const up = !shuttingDown && (await databaseUp(this.ds));
    if (shuttingDown || !up) unavailable(res);
    return { ready: up && !shuttingDown, database: shuttingDown ? 'unknown' : up ? 'up' : 'down', shuttingDown };
  }
}

function unavailable(res: FastifyReply): void {
  void res.status(503).header('retry-after', String(RETRY_AFTER_SECONDS));
}
