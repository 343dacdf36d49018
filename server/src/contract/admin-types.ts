// Alerts, imports and the cost model's history, as the API answers them. Imports nothing but the
// contract, so the web build includes it directly.
import type { CostModel } from './api-types';

export type AlertMetric = 'csatTop2Box' | 'repeatContactRate' | 'reopenRate' | 'escalationRate' | 'aiResolutionRate' | 'handleTime';
/** 'window' is today's detector (docs/ALERTS.md); the others are alerts kept from earlier versions. */
export type AlertRule = 'window' | 'p-chart' | 'ewma' | 'robust';
/** A snoozed alert is open again once its snooze ends. */
export type AlertState = 'open' | 'acknowledged' | 'snoozed' | 'resolved';

export interface AlertSide {
  value: number;
  n: number;
  low: number | null;
  high: number | null;
}

export interface AlertDetails {
  metric: AlertMetric;
  path: string;
  segment: string;
  rule: AlertRule;
  bad: 'up' | 'down';
  startedOn: string;
  detectedOn: string;
  baseline: AlertSide;
  current: AlertSide;
  /** What the baseline of each channel x category gives for the window's own mix of tickets. */
  expected?: number;
  /** current - baseline in the metric's own units: rate points, or seconds (with the ratio). */
  change?: MetricChange;
  /** How far the window sits from what was expected, in standard deviations (positive = worse). */
  z?: number;
  /** One-sided probability that chance alone gives a window this bad. */
  pValue?: number;
  /** The same in plain words. */
  chance?: string;
  /** Cohen's h for rates; for handle time the ratio of geometric means. */
  effectSize: number;
  effectSizeKind: 'cohens-h' | 'ratio';
  /** The tickets behind the alert: query of GET /api/v1/tickets. */
  drillDown: Record<string, string>;
  /** Wider segments whose excursion this one explains (they raise no alert of their own). */
  alsoSeenIn?: string[];
  /** Other metrics of the same tickets that moved with it (they raise no alert of their own). */
  alsoMoved?: AlertMetric[];
  /** Metrics of the same tickets that cannot be judged yet, and from when they can. */
  pending?: { metric: AlertMetric; judgedFrom: string }[];
  /** One plain sentence: what moved, where, from what to what, since when, how likely chance is. */
  summary: string;
}

export interface MetricChange {
  value: number;
  unit: 'points' | 'seconds';
  /** For handle time: now / before. */
  ratio: number | null;
}

export interface AlertRow {
  id: string;
  state: AlertState;
  metric: string;
  path: string;
  segment: string;
  rule: string;
  startedOn: string;
  detectedOn: string;
  details: AlertDetails;
  createdAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  snoozedUntil: string | null;
  snoozedBy: string | null;
  notifiedAt: string | null;
}

/** GET /api/v1/alerts: alerts about all tickets or the filtered channel/category, meeting [from, to). */
export interface AlertsQuery {
  state?: AlertState;
  from?: string;
  to?: string;
  channel?: string;
  category?: string;
}

/** GET /api/v1/alerts/changes */
export interface ChangesQuery {
  from?: string;
  to?: string;
  days?: string;
  limit?: string;
  channel?: string;
  category?: string;
}

/** GET /api/v1/alerts/changes: every watched series, worst first. */
export interface ChangesResult {
  asOf: string;
  /** Days are local days of this zone (the reporting zone). */
  zone: string;
  /** The recent days judged (from inclusive, to exclusive) and the baseline before them. */
  recent: { from: string; to: string };
  baseline: { from: string; to: string };
  /** Series judged, of which rows are the first `limit`. */
  series: number;
  rows: ChangeRow[];
}

export interface ChangeRow {
  key: string;
  metric: AlertMetric;
  path: string;
  segment: string;
  /** "AI CSAT top-2-box in billing" */
  name: string;
  unit: 'rate' | 'seconds';
  bad: 'up' | 'down';
  /**
   * worse: as an alert would judge it (beyond 4.5 standard deviations and the floor of practical
   * significance); watch: beyond 3, not yet alert-grade; minor: beyond 4.5 but under the floor;
   * better: beyond 4.5 the other way; steady otherwise.
   */
  verdict: 'worse' | 'watch' | 'minor' | 'steady' | 'better' | 'not judged';
  baseline: { value: number | null; n: number };
  now: { value: number | null; n: number; from: string; to: string };
  expected: number | null;
  change: MetricChange | null;
  z: number | null;
  pValue: number | null;
  chance: string | null;
  /** Why a series is not judged, or what is not judged yet (repeat contact's 7 days). */
  note: string | null;
  /** Daily values over the baseline and recent days (null on a day without tickets). */
  daily: { day: string; value: number | null; n: number }[];
  /** The open alert on this series, if any. */
  alertId: string | null;
  drillDown: Record<string, string>;
}

/** POST /api/v1/alerts/evaluate */
export interface EvaluationResult {
  asOf: string;
  from: string;
  to: string;
  series: number;
  detections: number;
  newAlerts: number;
  notified: number;
  milliseconds: number;
  /** Of which: catching up with ingest and reading the daily cells... */
  readMs?: number;
  /** ...and judging every series. */
  judgeMs?: number;
}

export interface ImportReport {
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  /** Rejections by reason (reasons without row-specific values), with the first rows of each. */
  rejections: { reason: string; count: number; examples: { row: number; line: number; detail: string }[] }[];
  eventsProduced: number;
  eventsAccepted: number;
  eventsDuplicate: number;
  /** Events the contract's validation refused (a mapping bug if not 0). */
  eventsInvalid: number;
  invalidExamples: { id: string | null; errors: string[] }[];
  tickets: number;
  /** Cases whose rows were not together in the file (still imported correctly). */
  splitCases: number;
  dryRun: boolean;
  seconds: number;
  /** What the data can and cannot show, field by field, and its date range (docs/IMPORT.md). */
  coverage: ImportCoverage;
  /** The source's version this import made or added to; null for a dry run. */
  source: ImportSourceChange | null;
}

/** One contract field as the source filled it. */
export interface CoverageField {
  field: 'aiAttribution' | 'handleTime' | 'csat' | 'customerId' | 'firstResponse' | 'channel' | 'category';
  /** Tickets (or events) that have it, of `of`. */
  count: number;
  of: number;
  filled: boolean;
  /** What the dashboard shows because of it, in plain words. */
  effect: string;
  /** How to fill it, when the source could. */
  howToMap: string | null;
}

export interface ImportCoverage {
  fields: CoverageField[];
  /** First and last ticket creation in the data (UTC dates, `to` exclusive), or null with no ticket. */
  from: string | null;
  to: string | null;
  /** The dashboard on the data's dates. */
  dashboardPath: string | null;
}

export interface ImportSourceChange {
  /** The mapping's `source`: the prefix of every id it writes. */
  name: string;
  version: number;
  previousVersion: number | null;
  /** A changed mapping makes a new version, which replaces what the earlier one contributed. */
  mappingChanged: boolean;
  eventsAdded: number;
  /** Events the earlier version wrote that this one does not produce. */
  eventsRemoved: number;
  /** Events with the same id whose content the new mapping changed. */
  eventsReplaced: number;
  /** Tickets whose path, handle time or resolution changed, and tickets removed or new (after projection). */
  ticketsChanged: { path: number; handleTime: number; resolution: number; removed: number; added: number };
}

/** POST /api/v1/imports, GET /api/v1/imports/:id */
export interface ImportJob {
  id: string;
  fileName: string;
  bytes: number;
  preset: string | null;
  dryRun: boolean;
  status: 'running' | 'done' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  rowsRead: number;
  eventsProduced: number;
  report: ImportReport | null;
  error: string | null;
}

/** GET /api/v1/cost-model: the current assumptions, with who set them and when. */
export interface CostModelVersion extends CostModel {
  version: number;
  currency: string;
  changedBy: string;
  changedAt: string;
}

/** One entry of GET /api/v1/cost-model/history: a version and what it changed from the one before. */
export interface CostModelHistoryEntry extends CostModelVersion {
  changes: Record<string, { old: number | string; new: number | string }>;
}

/** PUT /api/v1/cost-model (every field optional; admin only). */
export interface CostModelChange extends Partial<CostModel> {
  currency?: string;
}

/** POST /api/v1/tokens */
export interface CreateTokenRequest {
  name: string;
  role: 'ingest' | 'viewer' | 'admin';
}
