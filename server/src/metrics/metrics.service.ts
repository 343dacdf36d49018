// Assembles GET /api/v1/metrics/summary (CONTRACT.md §3) from the metric queries and the pure
// statistics. Where each number comes from:
//   counts, byPath, maturity  -> queries/path-metrics.query.ts
//   like-for-like pricing     -> queries/category-verified.query.ts + stats/savings.ts
//   CSAT interval             -> stats/rates.ts (wilsonInterval)
import { BadRequestException, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CostModel, PathSummary, REPORTED_PATHS, Summary } from '../contract/api-types';
import { COST_FIELDS, CostModelService } from '../cost-model/cost-model.service';
import { rate, wilsonInterval } from '../stats/rates';
import { computeSavings } from '../stats/savings';
import { daysBetween, startOfLocalDate } from '../stats/time-range';
import { categoryVerifiedQuery } from './queries/category-verified.query';
import { PathMetricsRow, pathMetricsQuery } from './queries/path-metrics.query';
import { SummaryQueryDto } from './summary-query.dto';

export const MAX_RANGE_DAYS = 5 * 366;

function pathSummary(r: PathMetricsRow | undefined): PathSummary {
  const resolved = r?.resolved ?? 0;
  const responses = r?.csatResponses ?? 0;
  const wilson = wilsonInterval(r?.csatTop2 ?? 0, responses);
  return {
    tickets: r?.tickets ?? 0,
    resolved,
    handleSeconds: { mean: r?.handleMean ?? null, median: r?.handlePct?.[0] ?? null, p90: r?.handlePct?.[1] ?? null },
    resolutionSeconds: { median: r?.resolutionPct?.[0] ?? null, p90: r?.resolutionPct?.[1] ?? null },
    firstResponseSeconds: { median: r?.firstResponseMedian ?? null },
    csat: {
      responses,
      average: responses > 0 ? (r?.csatAverage ?? null) : null,
      top2Box: rate(r?.csatTop2 ?? 0, responses),
      top2BoxLow: wilson?.low ?? null,
      top2BoxHigh: wilson?.high ?? null,
      responseRate: rate(responses, resolved),
    },
    reopenRate: rate(r?.reopenedResolved ?? 0, resolved),
    repeatContactRate: rate(r?.repeatResolved ?? 0, resolved),
  };
}

@Injectable()
export class MetricsService {
  constructor(
    private readonly ds: DataSource,
    private readonly costModels: CostModelService,
  ) {}

  async summary(q: SummaryQueryDto): Promise<Summary> {
    const tz = q.tz ?? 'UTC';
    const days = daysBetween(q.from, q.to);
    if (days <= 0) throw new BadRequestException(`from: must be before to (got from=${q.from}, to=${q.to})`);
    if (days > MAX_RANGE_DAYS) throw new BadRequestException(`to: the range may span at most 5 years, got ${days} days`);
    const asOf = q.asOf ? new Date(q.asOf) : new Date();
    const filter = { from: startOfLocalDate(q.from, tz), to: startOfLocalDate(q.to, tz), channel: q.channel, category: q.category };

    const stored = await this.costModels.current();
    const costModel: CostModel = {
      humanHourlyCost: stored.humanHourlyCost,
      aiCostPerConversation: stored.aiCostPerConversation,
      aiCostPerResolution: stored.aiCostPerResolution,
      fteHoursPerMonth: stored.fteHoursPerMonth,
    };
    for (const f of COST_FIELDS) if (q[f] !== undefined) costModel[f] = Number(q[f]);

    const [rows, categories] = await Promise.all([
      pathMetricsQuery(this.ds.manager, filter, asOf),
      categoryVerifiedQuery(this.ds.manager, filter, asOf),
    ]);
    const byRow = new Map(rows.map((r) => [r.path, r]));
    const byPath = Object.fromEntries(REPORTED_PATHS.map((p) => [p, pathSummary(byRow.get(p))])) as Summary['byPath'];
    const sum = (f: (r: PathMetricsRow) => number) => rows.reduce((acc, r) => acc + f(r), 0);

    const tickets = sum((r) => r.tickets);
    const aiInvolved = byPath.ai.tickets + byPath.escalated.tickets;
    const aiResolved = byPath.ai.resolved;
    const pendingAiResolved = byRow.get('ai')?.pending ?? 0;
    const verifiedAiResolved = byRow.get('ai')?.verified ?? 0;

    return {
      from: q.from,
      to: q.to,
      tz,
      asOf: asOf.toISOString(),
      tickets,
      resolved: sum((r) => r.resolved),
      aiInvolved,
      aiResolved,
      escalated: byPath.escalated.tickets,
      humanOnly: byPath.human.tickets,
      involvementRate: rate(aiInvolved, tickets),
      automationRate: rate(aiResolved, tickets),
      aiResolutionRate: rate(aiResolved, aiInvolved),
      pendingAiResolved,
      verifiedAiResolved,
      verifiedAiResolutionRate: rate(verifiedAiResolved, aiInvolved - pendingAiResolved),
      escalationRate: rate(byPath.escalated.tickets, aiInvolved),
      byPath,
      costModel,
      savings: computeSavings({
        humanSecondsMean: byRow.get('human')?.humanSecondsMean ?? null,
        aiInvolved,
        aiResolved,
        categories,
        costModel,
        days,
      }),
    };
  }
}
