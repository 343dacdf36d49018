// Alerts, imports and the cost model's history, as the API answers them. Imports nothing but the
// contract, so the web build includes it directly.
import type { CostModel } from './api-types';

export type AlertMetric = 'csatTop2Box' | 'repeatContactRate' | 'reopenRate' | 'escalationRate' | 'aiResolutionRate' | 'handleTime';
export type AlertRule = 'p-chart' | 'ewma' | 'robust';
export type AlertState = 'open' | 'acknowledged' | 'resolved';

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
  /** Cohen's h for rates; for handle time the ratio of geometric means. */
  effectSize: number;
  effectSizeKind: 'cohens-h' | 'ratio';
  /** The tickets behind the alert: query of GET /api/v1/tickets. */
  drillDown: Record<string, string>;
  summary: string;
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
  notifiedAt: string | null;
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
