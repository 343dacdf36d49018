// Configuration from the environment, validated once at boot. Pure: `loadConfig(env)` returns the
// config or throws ConfigError naming every variable that is wrong.
import * as path from 'node:path';
import { isValidTimeZone } from '../stats/time-range';
import { findRepoRoot } from './repo-root';

export interface AppConfig {
  port: number;
  host: string;
  /** null: run an embedded PostgreSQL under dataDir. */
  databaseUrl: string | null;
  databasePoolSize: number;
  dataDir: string;
  adminToken: string | null;
  /** Load the demo story into an empty embedded database at start-up. */
  seedDemo: boolean;
  demoDays: number;
  demoPerDay: number;
  logLevel: 'error' | 'warn' | 'log' | 'debug';
  /** json: one JSON object a line; pretty: readable lines (the default on a terminal). */
  logFormat: 'json' | 'pretty';
  /** Bearer token GET /metrics requires; null: /metrics is open (it holds no customer data). */
  metricsToken: string | null;
  /** On SIGTERM/SIGINT, how long in-flight requests may take before the server exits anyway. */
  shutdownTimeoutSeconds: number;
  /** On SIGTERM/SIGINT, how long readiness answers 503 while requests are still taken (for load balancers). */
  shutdownDelaySeconds: number;
  webDistDir: string;
  /** Slack-compatible webhook for new alerts; null: none. */
  alertWebhookUrl: string | null;
  /** HMAC-SHA256 key for the webhook signature; null: unsigned. */
  alertWebhookSecret: string | null;
  /** Whether a workspace's own webhook may reach private, loopback and link-local addresses (off: server-side request forgery). */
  allowPrivateWebhooks: boolean;
  /** Scheduled alert evaluation every N minutes; 0: off. */
  alertsEveryMinutes: number;
  /** Alert evaluation N seconds after the last ingest; 0: off. */
  alertsAfterIngestSeconds: number;
  /** Floors of practical significance: smaller changes never alert, however certain. */
  alertFloors: { ratePoints: number; handleRatio: number; handleSeconds: number };
  /** The dashboard's address as people reach it, for links in webhook messages; null: http://localhost:PORT. */
  publicUrl: string | null;
  /** The IANA zone whose local days and months get rollups of their own (besides UTC). */
  reportingTimeZone: string;
  /** How long a read waits for the projection of everything acknowledged before it. */
  readWaitSeconds: number;
  /** Least time between two projector batches while no read waits for one (coalesces live ingest). */
  projectionIntervalMs: number;
  /** Queued tickets the projector takes per transaction; a full batch means a bulk load (days built once, later). */
  projectionBatchTickets: number;
  /** A live batch of up to this many tickets changes the rollups by difference; a larger one rebuilds the days it touches. */
  projectionDifferenceTickets: number;
  /**
   * While a load is being sent (at least `projectionLoadEventsPerSecond` accepted by this server over
   * the last second), the projector steps aside for up to this long per load, so the load is
   * accepted at the machine's full speed (0: never).
   */
  projectionLoadDeferMs: number;
  /** Events accepted over the last second that make a load (live ingest is far below). */
  projectionLoadEventsPerSecond: number;
  /** Rows of sums and percentiles of ranges a server keeps until their tickets change (0: none). */
  metricsCacheRows: number;
  /** The heap may grow to (1 + this / 100) x what V8's last full collection kept (0: V8's own rule; config/heap-growth.ts). */
  heapGrowingPercent: number;
}

export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, def: number, min: number, max: number, errors: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    errors.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
    return def;
  }
  return Number(raw);
}

function bool(env: NodeJS.ProcessEnv, name: string, def: boolean, errors: string[]): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  errors.push(`${name} must be true or false, got "${raw}"`);
  return def;
}

/** `terminal`: whether standard output is a terminal (LOG_FORMAT=auto picks pretty lines there). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, terminal = process.stdout.isTTY === true): AppConfig {
  const errors: string[] = [];
  const port = int(env, 'PORT', 3000, 0, 65535, errors);
  const databasePoolSize = int(env, 'DATABASE_POOL_SIZE', 10, 1, 200, errors);

  let databaseUrl: string | null = env.DATABASE_URL || null;
  if (databaseUrl) {
    try {
      const u = new URL(databaseUrl);
      if (!/^postgres(ql)?:$/.test(u.protocol)) throw new Error('scheme');
    } catch {
      // Never echo the value: it may hold a password.
      errors.push('DATABASE_URL must be a postgres:// or postgresql:// URL (value not shown: it may contain a password)');
      databaseUrl = null;
    }
  }

  const adminToken = env.ADMIN_TOKEN || null;
  if (adminToken !== null && adminToken.length < 16) {
    errors.push('ADMIN_TOKEN must be at least 16 characters long (value not shown)');
  }

  const logLevel = (env.LOG_LEVEL || 'log') as AppConfig['logLevel'];
  if (!['error', 'warn', 'log', 'debug'].includes(logLevel)) {
    errors.push(`LOG_LEVEL must be one of error, warn, log, debug, got "${env.LOG_LEVEL}"`);
  }

  const logFormatRaw = env.LOG_FORMAT || 'auto';
  if (!['auto', 'json', 'pretty'].includes(logFormatRaw)) errors.push(`LOG_FORMAT must be auto, json or pretty, got "${logFormatRaw}"`);
  const logFormat: AppConfig['logFormat'] = logFormatRaw === 'auto' ? (terminal ? 'pretty' : 'json') : (logFormatRaw as AppConfig['logFormat']);

  const reportingTimeZone = env.REPORTING_TIME_ZONE || 'UTC';
  if (!isValidTimeZone(reportingTimeZone)) errors.push(`REPORTING_TIME_ZONE must be an IANA time zone such as Europe/Stockholm, got "${reportingTimeZone}"`);

  const metricsToken = env.METRICS_TOKEN || null;
  if (metricsToken !== null && metricsToken.length < 16) errors.push('METRICS_TOKEN must be at least 16 characters long (value not shown)');

  let alertWebhookUrl: string | null = env.ALERT_WEBHOOK_URL || null;
  if (alertWebhookUrl) {
    try {
      if (!/^https?:$/.test(new URL(alertWebhookUrl).protocol)) throw new Error('scheme');
    } catch {
      errors.push('ALERT_WEBHOOK_URL must be an http:// or https:// URL (value not shown: it may hold a token)');
      alertWebhookUrl = null;
    }
  }
  let publicUrl: string | null = env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/, '') : null;
  if (publicUrl) {
    try {
      if (!/^https?:$/.test(new URL(publicUrl).protocol)) throw new Error('scheme');
    } catch {
      errors.push(`PUBLIC_URL must be an http:// or https:// URL such as https://claimcheck.example.com, got "${env.PUBLIC_URL}"`);
      publicUrl = null;
    }
  }
  const root = findRepoRoot();
  const config: AppConfig = {
    port,
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    databasePoolSize,
    dataDir: path.resolve(env.DATA_DIR || path.join(root, '.data')),
    adminToken,
    seedDemo: bool(env, 'SEED_DEMO', true, errors),
    demoDays: int(env, 'DEMO_DAYS', 120, 1, 3660, errors),
    demoPerDay: int(env, 'DEMO_PER_DAY', 500, 1, 100_000, errors),
    logLevel,
    logFormat,
    metricsToken,
    shutdownTimeoutSeconds: int(env, 'SHUTDOWN_TIMEOUT_SECONDS', 30, 1, 3600, errors),
    shutdownDelaySeconds: int(env, 'SHUTDOWN_DELAY_SECONDS', 0, 0, 300, errors),
    webDistDir: path.resolve(env.WEB_DIST_DIR || path.join(root, 'web/dist')),
    alertWebhookUrl,
    alertWebhookSecret: env.ALERT_WEBHOOK_SECRET || null,
    allowPrivateWebhooks: bool(env, 'ALLOW_PRIVATE_WEBHOOKS', false, errors),
    alertsEveryMinutes: int(env, 'ALERTS_EVERY_MINUTES', 15, 0, 1440, errors),
    alertsAfterIngestSeconds: int(env, 'ALERTS_AFTER_INGEST_SECONDS', 30, 0, 86400, errors),
    alertFloors: {
      ratePoints: int(env, 'ALERT_MIN_RATE_POINTS', 3, 0, 100, errors) / 100,
      handleRatio: 1 + int(env, 'ALERT_MIN_HANDLE_PERCENT', 15, 0, 1000, errors) / 100,
      handleSeconds: int(env, 'ALERT_MIN_HANDLE_SECONDS', 30, 0, 86_400, errors),
    },
    publicUrl,
    reportingTimeZone,
    readWaitSeconds: int(env, 'READ_WAIT_SECONDS', 10, 0, 300, errors),
    projectionIntervalMs: int(env, 'PROJECTION_INTERVAL_MS', 2000, 0, 60_000, errors),
    projectionBatchTickets: int(env, 'PROJECTION_BATCH_TICKETS', 50_000, 100, 200_000, errors),
    projectionDifferenceTickets: int(env, 'PROJECTION_DIFFERENCE_TICKETS', 20_000, 0, 200_000, errors),
    projectionLoadDeferMs: int(env, 'PROJECTION_LOAD_DEFER_MS', 10_000, 0, 600_000, errors),
    projectionLoadEventsPerSecond: int(env, 'PROJECTION_LOAD_EVENTS_PER_SECOND', 20_000, 1, 100_000_000, errors),
    metricsCacheRows: int(env, 'METRICS_CACHE_ROWS', 200_000, 0, 10_000_000, errors),
    heapGrowingPercent: int(env, 'HEAP_GROWING_PERCENT', 100, 0, 1000, errors),
  };
  if (errors.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  - ${errors.join('\n  - ')}`);
  }
  return config;
}
