import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { DataStatus } from '../contract/api-types';
import { FreshnessService } from '../projection/freshness.service';
import { dataStatusQuery } from './data-status.query';
import { currentWorkspace } from '../workspaces/workspace-context';

@Injectable()
export class StatusService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly ds: DataSource,
    private readonly freshness: FreshnessService,
  ) {}

  async status(wait?: string): Promise<DataStatus> {
    const freshness = await this.freshness.catchUp(undefined, wait);
    return { ...(await dataStatusQuery(this.ds.manager)), reportingTimeZone: currentWorkspace().timeZone, freshness };
  }
}
