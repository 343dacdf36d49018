import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tables written once or more per event or ticket lose their foreign key to workspaces (#11):
 * the events, an import's staged events and the projection queue (every ingest request), tickets
 * and the rollup cells and values (every projector batch). The key was checked on every row
 * inserted: a lookup of the workspace and a FOR KEY SHARE lock on it, taken by every concurrent
 * writer on the same row. Measured on PostgreSQL 15, 100,000 events in 5,000-event statements:
 * 7.9 µs an event without the keys of ticket_events and projection_queue, 10.8-11.2 with them;
 * `npm run bench:ingest` (1M events, embedded PostgreSQL 18): 84,315-86,376 accepted events/s
 * with them, 97,957-100,189 without (docs/SCALING.md). Rows are only ever written for the
 * workspace a request or the projector resolved (an unknown one answers 404), and workspaces are
 * never deleted; deleting one will have to remove its rows from these tables itself. The other
 * tables keep their keys.
 */
export class BulkTablesWithoutWorkspaceChecks1766800000000 implements MigrationInterface {
  name = 'BulkTablesWithoutWorkspaceChecks1766800000000';

  async up(q: QueryRunner): Promise<void> {
    for (const t of BULK_TABLES) await q.query(`ALTER TABLE ${t} DROP CONSTRAINT ${t}_workspace_fkey`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of BULK_TABLES) await q.query(`ALTER TABLE ${t} ADD CONSTRAINT ${t}_workspace_fkey FOREIGN KEY (workspace_id) REFERENCES workspaces (id)`);
  }
}

const BULK_TABLES = ['ticket_events', 'import_events', 'projection_queue', 'tickets', 'rollup_cells', 'rollup_values'];
