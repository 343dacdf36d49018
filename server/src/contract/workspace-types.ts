// Workspaces (docs/WORKSPACES.md): one helpdesk, brand or client each, with its own data and tokens.

/** A workspace as the API shows it. */
export interface WorkspaceInfo {
  /** Lower-case letters, digits and dashes; the API's /api/v1/workspaces/:slug/... */
  slug: string;
  name: string;
  /** Its reporting time zone (the default for its pages and the zone its rollups are kept in). */
  timeZone: string;
  /** false: it follows the instance's REPORTING_TIME_ZONE. */
  ownTimeZone: boolean;
  /** Its cost model's currency (set with the cost model, versioned). */
  currency: string;
  /** Its alert floors, or null when it uses the instance's ALERT_MIN_* settings. */
  alertFloors: WorkspaceAlertFloors | null;
  /** Where its alerts are posted: its own webhook, the instance's ALERT_WEBHOOK_URL (the default workspace only), or nowhere. */
  alertWebhook: 'own' | 'instance' | 'none';
  /** Whether any ticket has arrived (the dashboard's empty state). */
  hasData: boolean;
  createdAt: string;
}

/** The least change an alert is raised for (the instance's ALERT_MIN_* settings, per workspace). */
export interface WorkspaceAlertFloors {
  /** Percentage points of a rate (3 = 3 points). */
  ratePoints: number;
  /** Percent of handle time (15 = 15% longer). */
  handlePercent: number;
  /** Seconds of handle time. */
  handleSeconds: number;
}

/** POST /api/v1/workspaces (instance admin). */
export interface CreateWorkspace {
  slug: string;
  name: string;
  /** IANA zone; omitted: the instance's REPORTING_TIME_ZONE. */
  timeZone?: string;
  /** ISO 4217 code of its cost model (default USD). */
  currency?: string;
  alertFloors?: WorkspaceAlertFloors | null;
  /** An http(s) URL its new alerts are posted to (Slack-compatible). */
  alertWebhookUrl?: string | null;
}

/** PATCH /api/v1/workspaces/:slug (its admin): what to change. */
export interface UpdateWorkspace {
  name?: string;
  /** null: follow the instance's REPORTING_TIME_ZONE again. */
  timeZone?: string | null;
  alertFloors?: WorkspaceAlertFloors | null;
  /** null: none (the default workspace then uses the instance's ALERT_WEBHOOK_URL). */
  alertWebhookUrl?: string | null;
}
