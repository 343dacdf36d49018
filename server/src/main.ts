// `npm start`: validate the configuration, bring up the database (embedded unless DATABASE_URL),
// run migrations, load the demo story into an empty embedded database and serve API + dashboard.
// On SIGTERM/SIGINT: readiness goes 503, requests in flight finish (ingest included), then the
// database closes; nothing accepted is lost (docs/OPERATIONS.md).
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { generateToken } from './auth/token-secret';
import { AppConfig, ConfigError, loadConfig } from './config/app-config';
import { boundHeapGrowth } from './config/heap-growth';
import { ensureGeneratedAdminToken } from './auth/generated-admin-token';
import { ResolvedDatabase, resolveDatabase } from './database/database-url';
import { EmbeddedDatabaseError } from './database/embedded-postgres';
import { runMigrations } from './database/run-migrations';
import { assertSafeDataDir } from './database/postgres-os-user';
import { loadDemoIfEmpty } from './demo/demo-loader';
import { ShutdownState } from './health/shutdown-state';
import { createApp } from './http/configure-app';
import { AppLogger } from './telemetry/app-logger';

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  boundHeapGrowth(config.heapGrowingPercent);
  Logger.overrideLogger(new AppLogger(config.logLevel, config.logFormat));
  const log = new Logger('Claimcheck');
  // Node's warnings (deprecations included) as log lines too, so collectors see them.
  process.on('warning', (w) => log.warn(`${w.name}: ${w.message}`));

  let app: NestFastifyApplication | null = null;
  let db: ResolvedDatabase | null = null;
  let stopping = false;
  const stopDatabase = async () => {
    if (db?.embedded) await db.embedded.stop();
  };
  const shutdown = async (signal: string) => {
    if (stopping || !app) {
      // A second Ctrl-C, or one during start-up: stop now. The exit hook of the embedded
      // database sends it a fast shutdown, so nothing committed is lost and nothing is left running.
      log.warn(`${signal}${stopping ? ' again' : ' during start-up'}: stopping without waiting`);
      await stopDatabase().catch(() => undefined);
      process.exit(1);
    }
    stopping = true;
    log.log(`${signal}: finishing requests in flight, then stopping`);
    app.get(ShutdownState).begin();
    const deadline = setTimeout(() => {
      log.error(`requests still running after ${config.shutdownTimeoutSeconds} s (SHUTDOWN_TIMEOUT_SECONDS): stopping anyway`);
      void stopDatabase().finally(() => process.exit(1));
    }, (config.shutdownDelaySeconds + config.shutdownTimeoutSeconds) * 1000);
    deadline.unref();
    // Readiness is 503 from here; a load balancer gets SHUTDOWN_DELAY_SECONDS to notice it.
    if (config.shutdownDelaySeconds > 0) await new Promise((r) => setTimeout(r, config.shutdownDelaySeconds * 1000));
    await app.close();
    await stopDatabase();
    log.log('stopped');
    process.exit(0);
  };
  for (const s of ['SIGINT', 'SIGTERM'] as const) process.on(s, () => void shutdown(s));

  const embedded = !config.databaseUrl;
  if (embedded && process.getuid?.() === 0) {
    // Root writes the admin token and the database password there: nobody else may redirect them.
    fs.mkdirSync(config.dataDir, { recursive: true });
    assertSafeDataDir(config.dataDir);
  }
  const generatedToken = ensureGeneratedAdminToken(config, generateToken);
  if (generatedToken) config = { ...config, adminToken: generatedToken };

  db = await resolveDatabase(config, (m) => log.log(m));
  try {
    await runMigrations(db.url, (m) => log.log(m));
    const created = await createApp(config, db.url);
    if (db.embedded && config.seedDemo) {
      await loadDemoIfEmpty(created, { days: config.demoDays, perDay: config.demoPerDay }, config.dataDir, (m) => log.log(m));
    }
    await created.listen({ port: config.port, host: config.host });
    app = created;
    const url = `http://localhost:${config.port}`;
    log.log(`Claimcheck is running: dashboard ${url}  API ${url}/api/v1  health ${url}/api/health`);
    if (generatedToken) {
      const file = path.join(config.dataDir, 'admin-token');
      // On a terminal, printed on purpose: that is how the first user signs in. Where logs are
      // collected (JSON lines), only where to find it: a secret does not belong in a log pipeline.
      if (config.logFormat === 'pretty') console.log(`\n  Admin token (generated, kept in ${file}):\n  ${generatedToken}\n`);
      else log.log(`Sign in with the generated admin token kept in ${file}`);
    }
  } catch (e) {
    await stopDatabase();
    throw e;
  }
}

main().catch((e: unknown) => {
  // One line a person can act on. An error we did not foresee also gets the line of our code it
  // came from (LOG_LEVEL=debug prints the whole stack).
  const err = e instanceof Error ? e : new Error(String(e));
  const code = (err as { code?: unknown }).code;
  if (err instanceof EmbeddedDatabaseError) console.error(`Claimcheck failed to start: ${err.message}`);
  else if (code === 'EADDRINUSE') console.error(`Claimcheck failed to start: port ${process.env.PORT ?? 3000} is in use; set PORT to another port.`);
  else {
    const where = err.stack?.split('\n').find((l) => l.includes('/server/dist/') || l.includes('/server/src/'))?.trim();
    console.error(`Claimcheck failed to start: ${err.message}${where ? ` (${where})` : ''}`);
    if (process.env.LOG_LEVEL === 'debug') console.error(err.stack);
  }
  process.exit(1);
});
