import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CostModel, CostModelHistoryEntry, CostModelVersion } from '../contract';
import { CostModelVersionEntity } from './cost-model-version.entity';
import { wsId } from '../workspaces/workspace-context';

export type { CostModelVersion } from '../contract';

export const COST_FIELDS = ['humanHourlyCost', 'aiCostPerConversation', 'aiCostPerResolution', 'fteHoursPerMonth', 'fixedCostPerMonth'] as const;

function toVersion(e: CostModelVersionEntity): CostModelVersion {
  return {
    version: e.version,
    humanHourlyCost: e.humanHourlyCost,
    aiCostPerConversation: e.aiCostPerConversation,
    aiCostPerResolution: e.aiCostPerResolution,
    fteHoursPerMonth: e.fteHoursPerMonth,
    fixedCostPerMonth: e.fixedCostPerMonth,
    currency: e.currency,
    changedBy: e.changedBy,
    changedAt: e.changedAt.toISOString(),
  };
}

/** The cost assumptions behind every money figure; each change is a new version, never an edit. */
@Injectable()
export class CostModelService {
  constructor(private readonly ds: DataSource) {}

  private get repo() {
    return this.ds.getRepository(CostModelVersionEntity);
  }

  async current(): Promise<CostModelVersion> {
    const [latest] = await this.repo.find({ where: { workspaceId: wsId() }, order: { version: 'DESC' }, take: 1 });
    return toVersion(latest);
  }

  /** Every version, newest first, each with what it changed from the one before (old and new values). */
  async history(): Promise<CostModelHistoryEntry[]> {
    const versions = (await this.repo.find({ where: { workspaceId: wsId() }, order: { version: 'ASC' } })).map(toVersion);
    return versions
      .map((v, i) => {
        const prev = versions[i - 1];
        const changes: Record<string, { old: number | string; new: number | string }> = {};
        if (prev) for (const f of [...COST_FIELDS, 'currency'] as const) if (prev[f] !== v[f]) changes[f] = { old: prev[f], new: v[f] };
        return { ...v, changes };
      })
      .reverse();
  }

  async update(changes: Partial<CostModel> & { currency?: string }, changedBy: string): Promise<CostModelVersion> {
    const cur = await this.current();
    const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    const next = { ...cur, ...given };
    for (const f of COST_FIELDS) {
      if (!Number.isFinite(next[f]) || next[f] < 0) throw new BadRequestException(`${f}: must be a number >= 0`);
    }
    // Nothing given: no new version (an empty PUT added one). Values given as they are still make one:
    // someone confirmed them, and the history says who and when.
    if (Object.keys(given).length === 0) throw new BadRequestException(`body: give at least one of ${[...COST_FIELDS, 'currency'].join(', ')}`);
    // The next number of this workspace's versions; two changes at once cannot both take it.
    await this.repo
      .insert(
        this.repo.create({
          workspaceId: wsId(),
          version: cur.version + 1,
          humanHourlyCost: next.humanHourlyCost,
          aiCostPerConversation: next.aiCostPerConversation,
          aiCostPerResolution: next.aiCostPerResolution,
          fteHoursPerMonth: next.fteHoursPerMonth,
          fixedCostPerMonth: next.fixedCostPerMonth,
          currency: next.currency,
          changedBy,
        }),
      )
      .catch((e: { driverError?: { code?: string } }) => {
        if (e.driverError?.code === '23505') throw new ConflictException(`the cost model changed meanwhile (version ${cur.version + 1} exists now): reload it and change it again`);
        throw e;
      });
    return toVersion(await this.repo.findOneByOrFail({ workspaceId: wsId(), version: cur.version + 1 }));
  }
}
