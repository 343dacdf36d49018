import * as fs from 'node:fs';
import * as path from 'node:path';
import { AppConfig } from '../config/app-config';

/**
 * Embedded mode without ADMIN_TOKEN: a generated admin token, kept in DATA_DIR/admin-token (mode
 * 600) so it survives restarts. Returns it (to be printed at start-up) or null when not needed.
 */
export function ensureGeneratedAdminToken(config: AppConfig, generate: () => string): string | null {
  if (config.adminToken || config.databaseUrl) return null;
  fs.mkdirSync(config.dataDir, { recursive: true });
  const file = path.join(config.dataDir, 'admin-token');
  if (!fs.existsSync(file)) fs.writeFileSync(file, generate() + '\n', { mode: 0o600 });
  return fs.readFileSync(file, 'utf8').trim();
}
