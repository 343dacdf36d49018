import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DataStatus } from '../contract/api-types';
import { FreshnessService } from '../projection/freshness.service';
import { dataStatusQuery } from './data-status.query';
import { currentWorkspace } from '../workspaces/workspace-context';

@Injectable()
export class StatusService {
  constructor(
    private readonly ds: DataSource,
    private readonly freshness: FreshnessService,
  ) {}

  async status(wait?: string): Promise<DataStatus> {
    const freshness = await this.freshness.catchUp(undefined, wait);
    return { ...(await dataStatusQuery(this.ds.manager)), reportingTimeZone: currentWorkspace().timeZone, freshness };
  }
}
