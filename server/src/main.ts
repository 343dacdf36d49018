// `npm start`: validate the configuration, bring up the database (embedded unless DATABASE_URL),
// run migrations, load the demo story into an empty embedded database and serve API + dashboard.
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { generateToken } from './auth/token-secret';
import { ConfigError, loadConfig } from './config/app-config';
import { ensureGeneratedAdminToken } from './auth/generated-admin-token';
import { resolveDatabase } from './database/database-url';
import { loadDemoIfEmpty } from './demo/demo-loader';
import { createApp } from './http/configure-app';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  const log = new Logger('Claimcheck');
  const generatedToken = ensureGeneratedAdminToken(config, generateToken);
  if (generatedToken) config = { ...config, adminToken: generatedToken };

  const db = await resolveDatabase(config, (m) => log.log(m));
  let stopping = false;
  const stopDatabase = async () => {
    if (db.embedded) await db.embedded.stop();
  };
  try {
    const app = await createApp(config, db.url);
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      log.log(`${signal}: shutting down`);
      await app.close();
      await stopDatabase();
      process.exit(0);
    };
    for (const s of ['SIGINT', 'SIGTERM'] as const) process.once(s, () => void shutdown(s));

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
  console.error('Claimcheck failed to start:', e instanceof Error ? e.message : e);
  process.exit(1);
});
