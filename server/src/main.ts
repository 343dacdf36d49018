// `npm start`: validate the configuration, bring up the database (embedded unless DATABASE_URL),
// run migrations, load the demo story into an empty embedded database and serve API + dashboard.
// On SIGTERM/SIGINT: readiness goes 503, requests in flight finish (ingest included), then the
// database closes; nothing accepted is lost (docs/OPERATIONS.md).
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { generateToken } from './auth/token-secret';
import { AppConfig, ConfigError, loadConfig } from './config/app-config';
import { ensureGeneratedAdminToken } from './auth/generated-admin-token';
import { resolveDatabase } from './database/database-url';
import { EmbeddedDatabaseError } from './database/embedded-postgres';
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
  Logger.overrideLogger(new AppLogger(config.logLevel, config.logFormat));
  const log = new Logger('Claimcheck');
  // Node's warnings (deprecations included) as log lines too, so collectors see them.
  process.on('warning', (w) => log.warn(`${w.name}: ${w.message}`));
  const generatedToken = ensureGeneratedAdminToken(config, generateToken);
  if (generatedToken) config = { ...config, adminToken: generatedToken };

  const db = await resolveDatabase(config, (m) => log.log(m));
  const stopDatabase = async () => {
    if (db.embedded) await db.embedded.stop();
  };
  try {
    const app = await createApp(config, db.url);
    let stopping = false;
    const shutdown = async (signal: string) => {
      if (stopping) {
        // A second Ctrl-C: stop now (the database still shuts down cleanly).
        log.warn(`${signal} again: stopping without waiting for requests in flight`);
        await stopDatabase();
        process.exit(1);
      }
      stopping = true;
      log.log(`${signal}: finishing requests in flight, then stopping`);
      app.get(ShutdownState).begin();
      const deadline = setTimeout(() => {
        log.error(`requests still running after ${config.shutdownTimeoutSeconds} s (SHUTDOWN_TIMEOUT_SECONDS): stopping anyway`);
        void stopDatabase().finally(() => process.exit(1));
      }, config.shutdownTimeoutSeconds * 1000);
      deadline.unref();
      await app.close();
      await stopDatabase();
      log.log('stopped');
      process.exit(0);
    };
    for (const s of ['SIGINT', 'SIGTERM'] as const) process.on(s, () => void shutdown(s));

    if (db.embedded && config.seedDemo) {
      await loadDemoIfEmpty(app, { days: config.demoDays, perDay: config.demoPerDay }, (m) => log.log(m));
    }
    await app.listen({ port: config.port, host: config.host });
    const url = `http://localhost:${config.port}`;
    log.log(`Claimcheck is running: dashboard ${url}  API ${url}/api/v1  health ${url}/api/health`);
    if (generatedToken) {
      // Printed on purpose: this is how the first user signs in. It is kept in DATA_DIR/admin-token.
      console.log(`\n  Admin token (generated, kept in ${config.dataDir}/admin-token):\n  ${generatedToken}\n`);
    }
  } catch (e) {
    await stopDatabase();
    throw e;
  }
}

main().catch((e) => {
  // One line a person can act on; a stack trace only for what we did not foresee.
  if (e instanceof EmbeddedDatabaseError) console.error(`Claimcheck failed to start: ${e.message}`);
  else if ((e as { code?: string }).code === 'EADDRINUSE') console.error(`Claimcheck failed to start: port ${(e as { port?: number }).port ?? ''} is in use; set PORT to another port.`);
  else console.error('Claimcheck failed to start:', e instanceof Error ? e.message : e);
  process.exit(1);
});
