// A real Claimcheck application on a fresh database of its own (created from TEST_DATABASE_URL),
// driven through Fastify's inject: the whole HTTP stack, no sockets.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig, loadConfig } from '../src/config/app-config';
import { createApp } from '../src/http/configure-app';
import { ProjectorService } from '../src/projection/projector.service';
import { inWorkspace } from '../src/workspaces/workspace-context';
import { WorkspacesService } from '../src/workspaces/workspaces.service';

export const ADMIN = 'test-admin-token-0123456789';
export const FIXTURES = path.join(__dirname, 'fixtures', 'contract');

export interface TestApp {
  app: NestFastifyApplication;
  ds: DataSource;
  /** Waits until the projector has projected everything queued (for tests that read SQL directly). */
  projected(): Promise<void>;
  /** Runs code that calls services or repositories directly (not through HTTP) in a workspace (default: the default one). */
  inWorkspace<T>(fn: () => Promise<T>, slug?: string): Promise<T>;
  databaseUrl: string;
  request(method: string, url: string, opts?: { token?: string | null; body?: unknown; contentType?: string; raw?: string }): Promise<{ status: number; body: any; text: string }>;
  close(): Promise<void>;
  /** Stops the app and leaves its database for another createTestApp(…, databaseUrl). */
  closeKeepingDatabase(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: the db tests run under the "db" jest project');
  return url;
}

export async function createDatabase(): Promise<string> {
  const name = `claimcheck_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const u = new URL(adminUrl());
  u.pathname = `/${name}`;
  return u.toString();
}

export async function dropDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}

/** @param existing a database made by an earlier test app (kept by closeKeepingDatabase), to start on it again */
export async function createTestApp(overrides: Partial<AppConfig> = {}, existing?: string): Promise<TestApp> {
  const databaseUrl = existing ?? (await createDatabase());
  // Alert evaluation runs only when a test asks for it.
  const config: AppConfig = { ...loadConfig({}), adminToken: ADMIN, logLevel: 'error', webDistDir: '/nonexistent', alertsEveryMinutes: 0, alertsAfterIngestSeconds: 0, ...overrides };
  const app = await createApp(config, databaseUrl);
  await app.getHttpAdapter().getInstance().ready();
  const ds = app.get(DataSource);
  return {
    app,
    ds,
    databaseUrl,
    projected: () => app.get(ProjectorService).drain(),
    async inWorkspace(fn, slug = 'default') {
      const ws = await app.get(WorkspacesService).bySlug(slug);
      if (!ws) throw new Error(`no workspace "${slug}"`);
      return inWorkspace(ws, fn);
    },
    async request(method, url, opts = {}) {
      const token = opts.token === undefined ? ADMIN : opts.token;
      const headers: Record<string, string> = {};
      if (token !== null) headers.authorization = `Bearer ${token}`;
      let payload: string | undefined;
      if (opts.raw !== undefined) payload = opts.raw;
      else if (opts.body !== undefined) payload = JSON.stringify(opts.body);
      if (payload !== undefined) headers['content-type'] = opts.contentType ?? 'application/json';
      const res = await app.inject({ method: method as 'GET', url, headers, payload });
      let body: unknown = undefined;
      try {
        body = JSON.parse(res.body);
      } catch {
        body = undefined;
      }
      return { status: res.statusCode, body, text: res.body };
    },
    async close() {
      await app.close();
      await dropDatabase(databaseUrl);
    },
    async closeKeepingDatabase() {
      await app.close();
    },
  };
}

export function fixtureLines(): string[] {
  return fs.readFileSync(path.join(FIXTURES, 'events.ndjson'), 'utf8').split('\n').filter((l) => l.trim() !== '');
}

export function expected(): {
  ingest: { lines: number; accepted: number; duplicates: number; rejected: number };
  cases: { query: Record<string, string>; summary: Record<string, unknown> }[];
} {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8'));
}

/** Compares every field of `expected` (numbers to 1e-6 relative); returns the mismatches. */
export function mismatches(expectedValue: unknown, actual: unknown, at = ''): string[] {
  if (expectedValue !== null && typeof expectedValue === 'object') {
    if (actual === null || typeof actual !== 'object') return [`${at}: expected an object, got ${JSON.stringify(actual)}`];
    return Object.entries(expectedValue).flatMap(([k, v]) => mismatches(v, (actual as Record<string, unknown>)[k], `${at}.${k}`));
  }
  if (typeof expectedValue === 'number' && typeof actual === 'number') {
    const ok = expectedValue === actual || Math.abs(expectedValue - actual) <= 1e-6 * Math.max(Math.abs(expectedValue), Math.abs(actual));
    return ok ? [] : [`${at}: expected ${expectedValue}, got ${actual}`];
  }
  return expectedValue === actual ? [] : [`${at}: expected ${JSON.stringify(expectedValue)}, got ${JSON.stringify(actual)}`];
}

/** Deterministic shuffle (tests must be reproducible). */
export function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  const next = () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export function summaryUrl(query: Record<string, string>, asOf = '2026-03-01T00:00:00Z'): string {
  const q = new URLSearchParams({ asOf, ...query });
  return `/api/v1/metrics/summary?${q.toString()}`;
}
