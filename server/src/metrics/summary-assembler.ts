// Turns the rows of the two metric queries for one population into the summary's numbers
// (CONTRACT.md §3). Pure, so the summary, every time bucket and every segment are the same
// computation over a different population.
import { PathSummary, REPORTED_PATHS, Summary } from '../contract/api-types';
import type { Deltas, SummaryCore } from '../contract';
import { rate, wilsonInterval } from '../stats/rates';
import { CategoryVerified, computeSavings } from '../stats/savings';
import type { MetricsScope } from './metrics-scope';
import type { TicketPath } from '../contract/api-types';

/** One population's figures for one path, as rollups/population-reader.ts reads them. */
export interface PathMetricsRow {
  /** The group's key ('' for a single population). */
  grp: string;
  path: TicketPath;
  tickets: number;
  resolved: number;
  handleMean: number | null;
  /** [median, p90] */
  handlePct: [number, number] | null;
  resolutionPct: [number, number] | null;
  firstResponseMedian: number | null;
  csatResponses: number;
  csatAverage: number | null;
  csatTop2: number;
  reopenedResolved: number;
  repeatResolved: number;
  pending: number;
  verified: number;
  /** Judged (not pending) AI resolutions reopened, and not reopened but the customer came back: 0 off the ai path. */
  reopenedJudged: number;
  cameBackJudged: number;
  /** Mean humanSeconds over resolved tickets with recorded handle time: H when path = human. */
  humanSecondsMean: number | null;
  /** Resolved tickets whose source recorded no handle time. */
  handleUnrecorded: number;
}

/** Per category of a group: its human cost basis and its verified AI resolutions. */
export interface CategoryVerifiedRow extends CategoryVerified {
  grp: string;
}

export type { SummaryCore } from '../contract';

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

export function assembleSummary(
  rows: readonly PathMetricsRow[],
  categories: readonly CategoryVerified[],
  scope: Pick<MetricsScope, 'costModel' | 'days'> & { partOfProgram?: boolean; excludeLowRated?: boolean },
): SummaryCore {
  const byRow = new Map(rows.map((r) => [r.path, r]));
  const byPath = Object.fromEntries(REPORTED_PATHS.map((p) => [p, pathSummary(byRow.get(p))])) as Summary['byPath'];
  const tickets = rows.reduce((n, r) => n + r.tickets, 0);
  const aiInvolved = byPath.ai.tickets + byPath.escalated.tickets;
  const aiResolved = byPath.ai.resolved;
  const pendingAiResolved = byRow.get('ai')?.pending ?? 0;
  const verifiedAiResolved = byRow.get('ai')?.verified ?? 0;
  const verifiedInterval = wilsonInterval(verifiedAiResolved, aiInvolved - pendingAiResolved);
  return {
    tickets,
    resolved: rows.reduce((n, r) => n + r.resolved, 0),
    aiInvolved,
    aiResolved,
    escalated: byPath.escalated.tickets,
    humanOnly: byPath.human.tickets,
    involvementRate: rate(aiInvolved, tickets),
    automationRate: rate(aiResolved, tickets),
    aiResolutionRate: rate(aiResolved, aiInvolved),
    pendingAiResolved,
    verifiedAiResolved,
    reopenedAiResolved: byRow.get('ai')?.reopenedJudged ?? 0,
    cameBackAiResolved: byRow.get('ai')?.cameBackJudged ?? 0,
    verifiedAiResolutionRate: rate(verifiedAiResolved, aiInvolved - pendingAiResolved),
    verifiedAiResolutionRateLow: verifiedInterval?.low ?? null,
    verifiedAiResolutionRateHigh: verifiedInterval?.high ?? null,
    escalationRate: rate(byPath.escalated.tickets, aiInvolved),
    handleTimeUnrecorded: rows.reduce((n, r) => n + r.handleUnrecorded, 0),
    byPath,
    costModel: scope.costModel,
    savings: computeSavings({
      humanSecondsMean: byRow.get('human')?.humanSecondsMean ?? null,
      aiInvolved,
      aiResolved,
      escalated: byPath.escalated.tickets,
      categories,
      costModel: scope.costModel,
      days: scope.days,
      partOfProgram: scope.partOfProgram,
      excludeLowRated: scope.excludeLowRated,
    }),
  };
}

/** Groups query rows by their group key. */
export function byGroup<T extends { grp: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.grp);
    if (list) list.push(r);
    else out.set(r.grp, [r]);
  }
  return out;
}

/** The top-level numbers a delta is given for (current minus comparison; null when either is). */
export const DELTA_FIELDS = [
  'tickets', 'resolved', 'aiInvolved', 'aiResolved', 'escalated', 'humanOnly', 'involvementRate', 'automationRate',
  'aiResolutionRate', 'pendingAiResolved', 'verifiedAiResolved', 'reopenedAiResolved', 'cameBackAiResolved', 'verifiedAiResolutionRate', 'escalationRate',
] as const;
export const SAVINGS_FIELDS = ['humanCostPerTicket', 'aiCost', 'claimedSavings', 'verifiedSavings', 'humanHoursAvoided', 'fteEquivalent', 'roi', 'netSavings', 'netRoi'] as const;

export type { Deltas } from '../contract';

export function deltas(current: SummaryCore, previous: SummaryCore): Deltas {
  const d = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
  const out = Object.fromEntries(DELTA_FIELDS.map((f) => [f, d(current[f], previous[f])])) as Omit<Deltas, 'savings'>;
  return { ...out, savings: Object.fromEntries(SAVINGS_FIELDS.map((f) => [f, d(current.savings[f], previous.savings[f])])) as Deltas['savings'] };
}
