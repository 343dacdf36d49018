import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Health, Liveness, Readiness } from '../contract/api-types';
import { databaseUp } from './database-health';
import { ShutdownState } from './shutdown-state';

/** Health answers; a 503 is thrown with its body, and the error filter adds Retry-After. */
@Injectable()
export class HealthService {
  private readonly startedAt = Date.now();

  constructor(
    private readonly ds: DataSource,
    private readonly shutdown: ShutdownState,
  ) {}

  async database(): Promise<Health> {
    if (await databaseUp(this.ds)) return { status: 'ok', database: 'up' };
    throw new ServiceUnavailableException({ status: 'degraded', database: 'down', message: 'the database is not answering' } satisfies Health & { message: string });
  }

  live(): Liveness {
    return { status: 'ok', uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000) };
  }

  async ready(): Promise<Readiness> {
    if (this.shutdown.shuttingDown) {
      throw new ServiceUnavailableException({ ready: false, database: 'unknown', shuttingDown: true, message: 'shutting down' } satisfies Readiness & { message: string });
    }
    if (await databaseUp(this.ds)) return { ready: true, database: 'up', shuttingDown: false };
    throw new ServiceUnavailableException({ ready: false, database: 'down', shuttingDown: false, message: 'the database is not answering' } satisfies Readiness & { message: string });
  }
}
