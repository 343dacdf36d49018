// The API's shapes, shared by the server and the web dashboard. This file imports nothing, so the
// web build can include it directly. Field names and meanings follow ../shared/contract/CONTRACT.md.

export const EVENT_TYPES = [
  'ticket.created',
  'ticket.assigned',
  'ticket.escalated',
  'ticket.resolved',
  'ticket.reopened',
  'csat.submitted',
  'message.sent',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export type AgentType = 'ai' | 'human';
export type AuthorType = 'customer' | 'ai' | 'human';
export type TicketPath = 'ai' | 'escalated' | 'human' | 'none';
export type ReportedPath = Exclude<TicketPath, 'none'>;
export const REPORTED_PATHS: readonly ReportedPath[] = ['ai', 'escalated', 'human'];

export interface IngestRejection {
  index: number;
  id: string | null;
  /** NDJSON only: the 1-based line of the body. */
  line?: number;
  errors: string[];
}

export interface IngestResponse {
  accepted: number;
  duplicates: number;
  rejected: IngestRejection[];
  /**
   * When something new was stored: its place in the projection queue. Reads include it once
   * projected; pass it as `?after=` to wait for exactly this batch (docs/API.md, "Freshness").
   */
  projection?: string;
}

/**
 * How current a read is. Reads wait (up to READ_WAIT_SECONDS) until every event acknowledged
 * before them is projected; `complete: false` says the answer is missing what is still queued,
 * or (`daysBuilding`) the days a load has not built yet.
 */
export interface Freshness {
  complete: boolean;
  /** How long this read waited for the projector. */
  waitedMs: number;
  /** Tickets still queued when the read ran (0 when complete): exact up to 10,000, an estimate beyond. */
  pendingTickets: number;
  /** pendingTickets is an estimate (more than 10,000 queued: counting them would slow every read). */
  pendingEstimated: boolean;
  /** Age in seconds of the oldest queued ticket. */
  behindSeconds: number;
  /**
   * Only in an answer that did not wait (`wait=0`) or is a load behind (behindSeconds >=
   * LOAD_BEHIND_SECONDS), and then only when it left days out: the days (a comparison period's
   * included) a load marked and has not built the rollups of yet. Their tickets are projected but
   * not in the answer, which is then not complete (docs/API.md "Freshness").
   */
  daysBuilding?: number;
}

/**
 * Behind by less than this is live ingest working as it should (the projector gathers tickets for
 * a couple of seconds between batches). More is a bulk load being worked through: the dashboard
 * says so, and a read that could not wait leaves out the days the load has not built yet, as a
 * read with `wait=0` always does (docs/API.md).
 */
export const LOAD_BEHIND_SECONDS = 5;

export interface CostModel {
  humanHourlyCost: number;
  aiCostPerConversation: number;
  aiCostPerResolution: number;
  fteHoursPerMonth: number;
  /** Fixed costs of running the AI per month (licence, implementation amortised, QA and supervision), in the currency. */
  fixedCostPerMonth: number;
}

export interface PathSummary {
  tickets: number;
  resolved: number;
  handleSeconds: { mean: number | null; median: number | null; p90: number | null };
  resolutionSeconds: { median: number | null; p90: number | null };
  firstResponseSeconds: { median: number | null };
  csat: {
    responses: number;
    average: number | null;
    top2Box: number | null;
    top2BoxLow: number | null;
    top2BoxHigh: number | null;
    responseRate: number | null;
  };
  reopenRate: number | null;
  repeatContactRate: number | null;
}

export interface Savings {
  humanCostPerTicket: number | null;
  aiCost: number;
  claimedSavings: number | null;
  verifiedSavings: number | null;
  humanHoursAvoided: number | null;
  fteEquivalent: number | null;
  roi: number | null;
  /** The claim in FTE: every AI resolution at the average human handle time, in agents' work. */
  claimedFteEquivalent: number | null;
  /**
   * fixedCostPerMonth over the range's months; null for a part of the program (a filter or a
   * segment), whose share of the fixed costs is not defined.
   */
  fixedCosts: number | null;
  /** verifiedSavings - fixedCosts (null where fixedCosts is). */
  netSavings: number | null;
  /** netSavings / (aiCost + fixedCosts). */
  netRoi: number | null;
  /** netSavings at the range's pace for a year (x 365.25 / days). */
  netSavingsPerYear: number | null;
  /** verifiedSavings at the range's pace for a year (x 365.25 / days). */
  verifiedSavingsPerYear: number | null;
  /** Escalated tickets: the AI attempt (already in aiCost) plus the human time beyond like-for-like human tickets. */
  handoff: Handoff;
  /** Verified AI resolutions the customer rated 1-2 of 5: counted as savings unless excluded. */
  lowRated: LowRated;
  /** 95% intervals of the savings figures (docs/METRICS.md, "Intervals"); null where the figure is. */
  intervals: SavingsIntervals;
}

/** A 95% interval. */
export interface Interval {
  low: number;
  high: number;
}

export interface SavingsIntervals {
  verifiedSavings: Interval | null;
  humanHoursAvoided: Interval | null;
  fteEquivalent: Interval | null;
  roi: Interval | null;
  netSavings: Interval | null;
  netRoi: Interval | null;
  netSavingsPerYear: Interval | null;
  /**
   * True when verified resolutions are priced from a category with fewer than 30 resolved human
   * tickets (one without any is priced at H, from all of them): their spread is poorly known and the 95% may be nearer 90%.
   */
  approximate: boolean;
}

export interface Handoff {
  /** Escalated tickets. */
  escalated: number;
  /** Of them, resolved (their human time is known). */
  resolvedByHuman: number;
  /** Their AI conversations' cost (escalated x aiCostPerConversation), part of aiCost. */
  aiCost: number;
  /** Sum over categories of escalated resolved x (their mean humanSeconds - the category's human-path mean), in hours. */
  extraHumanHours: number | null;
  /** extraHumanHours x humanHourlyCost: subtracted on the way to netSavings. */
  extraHumanCost: number | null;
}

export interface LowRated {
  /** Verified AI resolutions rated 1 or 2. */
  verified: number;
  /** Their human cost avoided, priced like the other verified resolutions. */
  value: number | null;
  /** True when the request excluded them from verifiedSavings (excludeLowRated=true). */
  excluded: boolean;
}

export interface Summary {
  from: string;
  to: string;
  tz: string;
  asOf: string;
  tickets: number;
  resolved: number;
  aiInvolved: number;
  aiResolved: number;
  escalated: number;
  humanOnly: number;
  involvementRate: number | null;
  automationRate: number | null;
  aiResolutionRate: number | null;
  pendingAiResolved: number;
  verifiedAiResolved: number;
  /**
   * Judged AI resolutions (not pending) that are not verified, by why: reopened, or not reopened but
   * the customer came back within 7 days. verified + reopened + cameBack = aiResolved − pendingAiResolved.
   */
  reopenedAiResolved: number;
  cameBackAiResolved: number;
  verifiedAiResolutionRate: number | null;
  /** 95% Wilson interval of verifiedAiResolutionRate (null with nothing judged). */
  verifiedAiResolutionRateLow: number | null;
  verifiedAiResolutionRateHigh: number | null;
  escalationRate: number | null;
  /**
   * Resolved tickets whose source recorded no handle time (an import of elapsed times only,
   * docs/IMPORT.md): left out of every handle-time figure and of the cost basis; 0 for events sent.
   */
  handleTimeUnrecorded: number;
  byPath: Record<ReportedPath, PathSummary>;
  costModel: CostModel;
  savings: Savings;
}

export type TokenRole = 'ingest' | 'viewer' | 'admin';
export const TOKEN_ROLES: readonly TokenRole[] = ['ingest', 'viewer', 'admin'];

export interface TokenInfo {
  id: string;
  name: string;
  role: TokenRole;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** Returned once, when a token is created: the secret is never shown again. */
export interface CreatedToken extends TokenInfo {
  token: string;
}

export interface WhoAmI {
  role: TokenRole;
  name: string;
  /** The slug of the token's workspace; null for an instance admin (every workspace). */
  workspace: string | null;
}

export interface Health {
  status: 'ok' | 'degraded';
  database: 'up' | 'down';
}

/** GET /api/health/live: the process answers. */
export interface Liveness {
  status: 'ok';
  uptimeSeconds: number;
}

/** GET /api/health/ready: 200 when traffic may come here, 503 otherwise. */
export interface Readiness {
  ready: boolean;
  database: 'up' | 'down' | 'unknown';
  shuttingDown: boolean;
}

export interface DataStatus {
  /** Events stored, as of the projection (each projected ticket's events; `freshness` says what is not in yet). */
  events: number;
  tickets: number;
  incompleteTickets: number;
  lastEventAt: string | null;
  lastReceivedAt: string | null;
  /** The zone whose local days and months have rollups of their own (REPORTING_TIME_ZONE). */
  reportingTimeZone: string;
  /** Local days whose rollups are still being built in the background (after an upgrade or a new zone). */
  rollupDaysPending: number;
  freshness: Freshness;
}

/** Every error answer: what is wrong (naming the parameter or field), and the request's id in the logs. */
export interface ApiError {
  statusCode: number;
  error: string;
  message: string | string[];
  requestId: string;
}

/** One ticket of a drill-down list: its replayed state (CONTRACT.md §2) and the derived flags. */
export interface TicketRow {
  id: string;
  createdAt: string;
  channel: string;
  category: string;
  customerId: string | null;
  language: string | null;
  path: TicketPath;
  resolved: boolean;
  resolvedAt: string | null;
  resolvedBy: AgentType | null;
  reopened: boolean;
  csat: number | null;
  aiSeconds: number;
  humanSeconds: number;
  /** aiSeconds + humanSeconds; null when the source recorded no handle time (those two are then elapsed time). */
  handleSeconds: number | null;
  resolutionSeconds: number | null;
  firstResponseSeconds: number | null;
  repeatContact: boolean;
  /** AI-resolved and younger than 7 days at asOf. */
  pending: boolean;
  /** A durable AI resolution at asOf. */
  verified: boolean;
}

export interface TicketPage {
  total: number;
  items: TicketRow[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export interface TimelineEvent {
  id: string;
  type: EventType;
  occurredAt: string;
  /** When it counts in the replay: occurredAt, or createdAt for events dated before it. */
  effectiveAt: string;
  receivedAt: string;
  fields: Record<string, unknown>;
}

export interface TicketDetail {
  /** null while the ticket's ticket.created has not arrived. */
  ticket: TicketRow | null;
  id: string;
  events: TimelineEvent[];
  /** The customer's tickets created after this one's resolution and within 7 days (why repeatContact). */
  repeatContacts: { id: string; createdAt: string }[];
}
