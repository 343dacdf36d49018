// The metrics endpoints' requests and answers: summary with comparison, timeseries, breakdown.
// Imports nothing but the contract, so the web build includes it directly.
import type { CostModel, Freshness, PathSummary, ReportedPath, Summary } from './api-types';
import type { BucketState } from './bucket-state';

export type { BucketState } from './bucket-state';

/** The summary without its echo of the request (from, to, tz, asOf). */
export type SummaryCore = Omit<Summary, 'from' | 'to' | 'tz' | 'asOf'>;
/** A summary without the cost model it was priced with (given once for a whole series or breakdown). */
export type SummaryFigures = Omit<SummaryCore, 'costModel'>;

type DeltaField =
  | 'tickets' | 'resolved' | 'aiInvolved' | 'aiResolved' | 'escalated' | 'humanOnly' | 'involvementRate' | 'automationRate'
  | 'aiResolutionRate' | 'pendingAiResolved' | 'verifiedAiResolved' | 'reopenedAiResolved' | 'cameBackAiResolved' | 'verifiedAiResolutionRate' | 'escalationRate';
type SavingsDeltaField = 'humanCostPerTicket' | 'aiCost' | 'claimedSavings' | 'verifiedSavings' | 'humanHoursAvoided' | 'fteEquivalent' | 'roi' | 'netSavings' | 'netRoi';

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

/**
 * How much of a period the workspace's data covers: its days, and how many of them lie between
 * the local dates of the workspace's first and last ticket (whatever the filters). A comparison
 * period with fewer days of data than it has days is not like for like: its counts and money
 * cover less time.
 */
export interface PeriodCoverage {
  days: number;
  daysInDataSpan: number;
  /** Local date of the workspace's first ticket; null without tickets. */
  dataFrom: string | null;
  /** The day after the local date of its last ticket (exclusive, like `to`); null without tickets. */
  dataTo: string | null;
}

/** A comparison period's dates, the moment it is judged at, and how much of it the data covers. */
export interface ComparisonPeriod {
  from: string;
  to: string;
  /**
   * Judged at the same age as the range: the request's asOf moved back by as long as the period is
   * before the range, so both carry their young AI resolutions alike (a range's last week is still
   * maturing; the period before it, judged today, would not be).
   */
  asOf: string;
  coverage: PeriodCoverage;
}

/**
 * The range's days whose AI resolutions are judged: `from` up to `to`, the local day 7 days before
 * `asOf` (docs/METRICS.md, "Judged days"). A range read within 7 days of its end has its verified
 * rate pulled down by its youngest days: their escalations and failures count at once, their AI
 * resolutions only after 7 days (a demo's last 30 days read 53.7% verified, its 23 judged days
 * 58.1%). The same definitions as the summary's, over these days' tickets.
 */
export interface JudgedDays {
  from: string;
  /** Exclusive. */
  to: string;
  days: number;
  tickets: number;
  aiInvolved: number;
  aiResolved: number;
  pendingAiResolved: number;
  verifiedAiResolved: number;
  aiResolutionRate: number | null;
  verifiedAiResolutionRate: number | null;
  verifiedAiResolutionRateLow: number | null;
  verifiedAiResolutionRateHigh: number | null;
}

/** GET /api/v1/metrics/summary: CONTRACT §3, plus the echo, the range's coverage, its judged days, and the comparison with `compare`. */
export type SummaryResponse = Summary &
  Pick<ScopeEcho, 'costModelVersion' | 'currency' | 'freshness'> & {
    coverage: PeriodCoverage;
    /** Its `judgedDays` are those of the comparison at its own (same-age) asOf: the like for like of the range's. */
    comparison?: SummaryCore & ComparisonPeriod & { judgedDays?: JudgedDays };
    deltas?: Deltas;
    /** Present when some of the range's last days are younger than 7 days at `asOf` and some are not: the judged ones. */
    judgedDays?: JudgedDays;
  };

/** A path's counts and rates, without its distributions (medians, p90s). */
export type PathCounts = Omit<PathSummary, 'handleSeconds' | 'resolutionSeconds' | 'firstResponseSeconds'> & { handleSeconds: { mean: number | null } };

/**
 * The figures without distributions: every count, rate, CSAT figure and the savings, but no
 * medians or p90s. What `percentiles=false` answers (a wide read is much cheaper without them).
 */
export interface LeanFigures extends Omit<SummaryFigures, 'byPath'> {
  byPath: Record<ReportedPath, PathCounts>;
}

/** Where a bucket of a series lies. */
export interface BucketBounds {
  bucket: string;
  from: string;
  to: string;
  /**
   * Days of this bucket the read left out (a read with `wait=0`, or a load behind) because a load
   * marked them and the projector has not built them yet (freshness.daysBuilding counts them over
   * the whole answer): the bucket's figures leave those days' tickets out, so they are not the
   * bucket's whole yet. Absent when none were.
   */
  daysBuilding?: number;
  /**
   * Whether its figures are final (contract/bucket-state.ts; docs/METRICS.md, "Maturity on the
   * dashboard"): `partial` (its period is not over at asOf), `maturing` (it holds tickets younger
   * than 7 days, or AI resolutions still pending that could move its verified rate by more than a
   * point: its verified, repeat and reopen figures are not final), `building` (days left out, see
   * daysBuilding), else `complete`. A CSV carries it as a column, as the charts shade it.
   */
  state: BucketState;
}

/** One bucket without distributions: a timeseries with percentiles=false, a segment's series. */
export interface SeriesPoint extends LeanFigures, BucketBounds {}

export interface TimeseriesBucket extends SummaryFigures, BucketBounds {}

/** GET /api/v1/metrics/timeseries: TimeseriesResponse, or LeanTimeseriesResponse with percentiles=false. */
export interface TimeseriesResponseOf<B extends SeriesPoint, P extends boolean> extends ScopeEcho {
  interval: string;
  /** False when the request left the distributions out (percentiles=false). */
  percentiles: P;
  costModel: CostModel;
  buckets: B[];
}

export type TimeseriesResponse = TimeseriesResponseOf<TimeseriesBucket, true>;
export type LeanTimeseriesResponse = TimeseriesResponseOf<SeriesPoint, false>;

interface SegmentLabel {
  /** The segment's label: its value, or both values joined by " · " for two columns. */
  key: string;
  /** The segment's value of each column it is split by (two for a two-column breakdown). */
  values: Record<string, string>;
  deltas?: Deltas;
  /** With `series`: the segment's counts and rates per bucket (no distributions). */
  series?: SeriesPoint[];
}

/** One segment of a breakdown: its figures (lean with percentiles=false), and its comparison with `compare`. */
export type SegmentOf<F extends LeanFigures> = F & SegmentLabel & { comparison?: F };

export type Segment = SegmentOf<SummaryFigures>;
export type LeanSegment = SegmentOf<LeanFigures>;

/** GET /api/v1/metrics/breakdown: BreakdownResponse, or LeanBreakdownResponse with percentiles=false. */
export interface BreakdownResponseOf<F extends LeanFigures, P extends boolean> extends ScopeEcho {
  by: string;
  /** The columns `by` names, in order. */
  columns: string[];
  sort: string;
  order: 'asc' | 'desc';
  limit: number;
  costModel: CostModel;
  comparison?: ComparisonPeriod;
  /** False when the request left the distributions out (percentiles=false). */
  percentiles: P;
  segments: SegmentOf<F>[];
  /** Everything outside the top `limit` segments, as one population; null when nothing is left. */
  other: SegmentOf<F> | null;
}

export type BreakdownResponse = BreakdownResponseOf<SummaryFigures, true>;
export type LeanBreakdownResponse = BreakdownResponseOf<LeanFigures, false>;

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
  /** Longest wait for the projector in seconds (default and cap READ_WAIT_SECONDS); 0: answer at once. */
  wait?: string;
  humanHourlyCost?: string;
  aiCostPerConversation?: string;
  aiCostPerResolution?: string;
  fteHoursPerMonth?: string;
  fixedCostPerMonth?: string;
  /** 'true': verified AI resolutions rated 1-2 are left out of the verified savings. */
  excludeLowRated?: 'true' | 'false';
  format?: 'json' | 'csv';
}

export interface SummaryQuery extends MetricsQuery {
  compare?: 'previous' | 'year';
}

export interface TimeseriesQuery extends MetricsQuery {
  interval?: 'day' | 'week' | 'month';
  /** 'false': leave medians and p90s out (LeanTimeseriesResponse); much cheaper for long or filtered series. */
  percentiles?: 'true' | 'false';
}

export interface BreakdownQuery extends SummaryQuery {
  /** channel, category, language or path; or two of channel, category, language (category,channel). */
  by: string;
  series?: 'day' | 'week' | 'month';
  sort?: string;
  order?: 'asc' | 'desc';
  limit?: string;
  /** 'false': leave medians and p90s out (LeanBreakdownResponse); much cheaper for wide breakdowns. */
  percentiles?: 'true' | 'false';
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
