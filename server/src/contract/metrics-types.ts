// The metrics endpoints' requests and answers: summary with comparison, timeseries, breakdown.
// Imports nothing but the contract, so the web build includes it directly.
import type { CostModel, Freshness, Summary } from './api-types';

/** The summary without its echo of the request (from, to, tz, asOf). */
export type SummaryCore = Omit<Summary, 'from' | 'to' | 'tz' | 'asOf'>;
/** A summary without the cost model it was priced with (given once for a whole series or breakdown). */
export type SummaryFigures = Omit<SummaryCore, 'costModel'>;

type DeltaField =
  | 'tickets' | 'resolved' | 'aiInvolved' | 'aiResolved' | 'escalated' | 'humanOnly' | 'involvementRate' | 'automationRate'
  | 'aiResolutionRate' | 'pendingAiResolved' | 'verifiedAiResolved' | 'verifiedAiResolutionRate' | 'escalationRate';
type SavingsDeltaField = 'humanCostPerTicket' | 'aiCost' | 'claimedSavings' | 'verifiedSavings' | 'humanHoursAvoided' | 'fteEquivalent' | 'roi';

/** Current minus comparison, per top-level number (null when either is null). */
export type Deltas = Record<DeltaField, number | null> & { savings: Record<SavingsDeltaField, number | null> };

/** What every metrics answer repeats of its request, and how current it is. */
export interface ScopeEcho {
  from: string;
  to: string;
  tz: string;
  asOf: string;
  costModelVersion: number;
  currency: string;
  freshness: Freshness;
}

/** GET /api/v1/metrics/summary: CONTRACT §3, plus the echo, and the comparison with `compare`. */
export type SummaryResponse = Summary &
  Pick<ScopeEcho, 'costModelVersion' | 'currency' | 'freshness'> & { comparison?: SummaryCore & { from: string; to: string }; deltas?: Deltas };

export interface TimeseriesBucket extends SummaryFigures {
  bucket: string;
  from: string;
  to: string;
}

/** GET /api/v1/metrics/timeseries */
export interface TimeseriesResponse extends ScopeEcho {
  interval: string;
  costModel: CostModel;
  buckets: TimeseriesBucket[];
}

export interface Segment extends SummaryFigures {
  /** The segment's label: its value, or both values joined by " · " for two columns. */
  key: string;
  /** The segment's value of each column it is split by (two for a two-column breakdown). */
  values: Record<string, string>;
  comparison?: SummaryFigures;
  deltas?: Deltas;
  /** With `series`: the segment's numbers per bucket. */
  series?: TimeseriesBucket[];
}

/** GET /api/v1/metrics/breakdown */
export interface BreakdownResponse extends ScopeEcho {
  by: string;
  /** The columns `by` names, in order. */
  columns: string[];
  sort: string;
  order: 'asc' | 'desc';
  limit: number;
  costModel: CostModel;
  comparison?: { from: string; to: string };
  segments: Segment[];
  /** Everything outside the top `limit` segments, as one population; null when nothing is left. */
  other: Segment | null;
}

/** The query every metrics endpoint and the ticket list take (all strings, as in a URL). */
export interface MetricsQuery {
  /** First local date (YYYY-MM-DD), inclusive. */
  from: string;
  /** Last local date, exclusive. */
  to: string;
  tz?: string;
  /** Comma-separated lists (or the parameter repeated). */
  channel?: string | string[];
  category?: string | string[];
  language?: string | string[];
  path?: string | string[];
  asOf?: string;
  /** The `projection` of an ingest answer: wait until that batch is projected. */
  after?: string;
  humanHourlyCost?: string;
  aiCostPerConversation?: string;
  aiCostPerResolution?: string;
  fteHoursPerMonth?: string;
  format?: 'json' | 'csv';
}

export interface SummaryQuery extends MetricsQuery {
  compare?: 'previous' | 'year';
}

export interface TimeseriesQuery extends MetricsQuery {
  interval?: 'day' | 'week' | 'month';
}

export interface BreakdownQuery extends SummaryQuery {
  /** channel, category, language or path; or two of channel, category, language (category,channel). */
  by: string;
  series?: 'day' | 'week' | 'month';
  sort?: string;
  order?: 'asc' | 'desc';
  limit?: string;
}

/** GET /api/v1/tickets: the metrics query plus predicates that match the summary's numbers. */
export interface TicketsQuery extends MetricsQuery {
  resolved?: 'true' | 'false';
  verified?: 'true' | 'false';
  pending?: 'true' | 'false';
  repeatContact?: 'true' | 'false';
  reopened?: 'true' | 'false';
  aiInvolved?: 'true' | 'false';
  hasCsat?: 'true' | 'false';
  csatMin?: string;
  csatMax?: string;
  sort?: 'createdAt' | 'handleSeconds';
  order?: 'asc' | 'desc';
  limit?: string;
  cursor?: string;
}
