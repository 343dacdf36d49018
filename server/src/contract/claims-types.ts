// Claims (docs/CLAIMS.md): a vendor's or a deck's stated figures, checked against the events.
import type { Freshness } from './api-types';
import type { PeriodCoverage } from './metrics-types';

export type ClaimSourceKind = 'vendor_report' | 'internal_deck' | 'press' | 'other';
export const CLAIM_SOURCE_KINDS: readonly ClaimSourceKind[] = ['vendor_report', 'internal_deck', 'press', 'other'];

export type ClaimFigureKind = 'aiResolutions' | 'aiResolutionRate' | 'automationRate' | 'handleTime' | 'costPerAiResolution' | 'savings' | 'fte' | 'csat';

/**
 * The units each kind of figure may be stated in (a figure without one is refused):
 * aiResolutions: resolutions; aiResolutionRate, automationRate: percent | fraction; handleTime:
 * seconds | minutes | hours (with who and stat); costPerAiResolution: money (the cost model's
 * currency); savings: money_per_period | money_per_month | money_per_year; fte: agents; csat: top2_percent | average_of_5.
 */
export const CLAIM_UNITS: Readonly<Record<ClaimFigureKind, readonly string[]>> = {
  aiResolutions: ['resolutions'],
  aiResolutionRate: ['percent', 'fraction'],
  automationRate: ['percent', 'fraction'],
  handleTime: ['seconds', 'minutes', 'hours'],
  costPerAiResolution: ['money'],
  savings: ['money_per_period', 'money_per_month', 'money_per_year'],
  fte: ['agents'],
  csat: ['top2_percent', 'average_of_5'],
};

/** One figure a claim states. */
export interface ClaimFigure {
  kind: ClaimFigureKind;
  value: number;
  unit: string;
  /** handleTime: whose handle time. */
  who?: 'ai' | 'human';
  /** handleTime: mean or median. */
  stat?: 'mean' | 'median';
  /** How the claim words it, e.g. "does the work of 700 agents". */
  note?: string;
}

/** What an admin enters (POST and PUT /api/v1/claims). */
export interface ClaimInput {
  title: string;
  source: { kind: ClaimSourceKind; ref?: string };
  /** The period the claim speaks about: local dates, `to` exclusive, in `tz`. */
  from: string;
  to: string;
  tz: string;
  channel?: string;
  category?: string;
  figures: ClaimFigure[];
}

export interface Claim extends ClaimInput {
  id: string;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

/** One version of a claim, as it was saved (GET /api/v1/claims/{id}/versions). */
export interface ClaimVersion {
  version: number;
  changedAt: string;
  changedBy: string;
  deleted: boolean;
  claim: ClaimInput;
}

export type ClaimVerdict = 'holds' | 'overstated' | 'understated' | 'maturing' | 'not_comparable';

/** One stated figure beside what the events say. Amounts in the cost model's currency, times in seconds, rates as fractions. */
export interface FigureCheck {
  figure: ClaimFigure;
  label: string;
  /** The claim's figure in the same unit as the others. */
  claimed: number;
  /** The matching contract number (the naive reading: every AI resolution counts). */
  recomputed: number | null;
  /** Its durable/verified counterpart, the one the verdict is about, with its range where the product has one. */
  verified: number | null;
  verifiedLow: number | null;
  verifiedHigh: number | null;
  /** claimed − verified, and as a share of verified. */
  difference: number | null;
  differencePercent: number | null;
  verdict: ClaimVerdict;
  sentence: string;
  /** GET /api/v1/tickets predicates for the tickets behind the figure. */
  tickets: Record<string, string>;
}

export interface ClaimCheck {
  verdict: ClaimVerdict;
  sentence: string;
  asOf: string;
  figures: FigureCheck[];
  /** The assumptions the check priced with. */
  assumptions: { currency: string; costModelVersion: number; humanHourlyCost: number; fteHoursPerMonth: number };
  /** How much of the claim's period lies within the workspace's data (as a summary's `coverage`): a year claimed on four months of data says so. */
  coverage: PeriodCoverage;
}

export type VendorClass = 'durable' | 'maturing' | 'reopened' | 'came_back' | 'escalated' | 'not_ai_resolved' | 'unknown_id';
export const VENDOR_CLASSES: readonly VendorClass[] = ['durable', 'maturing', 'reopened', 'came_back', 'escalated', 'not_ai_resolved', 'unknown_id'];

export interface VendorClassRow {
  class: VendorClass;
  label: string;
  count: number;
  amount: number;
  /** Counted in "did not hold up" (reopened, came back, escalated, not AI-resolved). */
  failed: boolean;
}

/** A vendor's per-conversation export joined to the tickets. */
export interface VendorReconciliation {
  rows: number;
  billedAmount: number;
  classes: VendorClassRow[];
  didNotHoldUp: { count: number; amount: number };
  sentence: string;
  uploadedAt: string | null;
  uploadedBy: string | null;
}

export interface ClaimDetail extends Claim {
  check: ClaimCheck;
  vendor: VendorReconciliation | null;
  /** How current the check is: a read waits for what was acknowledged before it (up to `wait`), as every metrics read does. */
  freshness: Freshness;
}

export interface ClaimListItem extends Claim {
  verdict: ClaimVerdict;
  sentence: string;
  vendorRows: number;
}

export interface VendorRowError {
  row: number;
  line: number;
  error: string;
}

/** POST /api/v1/claims/{id}/vendor-export: what the upload kept, skipped and refused, and the result. */
export interface VendorUploadReport {
  accepted: number;
  alreadyThere: number;
  /** Of those already there, rows whose ticket was unknown and that this upload's ids (its ticketPrefix) matched. */
  rematched: number;
  rejected: VendorRowError[];
  /** Rejections beyond the first 100 are counted, not listed. */
  rejectedTotal: number;
  reconciliation: VendorReconciliation;
}

export interface VendorItem {
  conversationId: string;
  date: string | null;
  resolutionType: string;
  billedAmount: number;
  class: VendorClass;
  /** Our ticket (its id), or null for an unknown id. */
  ticketId: string | null;
}

export interface VendorItemPage {
  items: VendorItem[];
  total: number;
  nextCursor: string | null;
}
