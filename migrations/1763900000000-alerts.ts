import { MigrationInterface, QueryRunner } from 'typeorm';

/** Quality-regression alerts (docs/ALERTS.md): one row per detected excursion of a series. */
export class Alerts1763900000000 implements MigrationInterface {
  name = 'Alerts1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE alerts (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        series_key      text NOT NULL,
        metric          text NOT NULL,
        path            text NOT NULL,
        segment         text NOT NULL,
        rule            text NOT NULL,
        state           text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'acknowledged', 'resolved')),
        started_on      date NOT NULL,
        detected_on     date NOT NULL,
        details         jsonb NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now(),
        acknowledged_at timestamptz,
        acknowledged_by text,
        resolved_at     timestamptz,
        resolved_by     text,
        notified_at     timestamptz,
        UNIQUE (series_key, started_on)
      )`);
    await q.query(`CREATE INDEX alerts_state_idx ON alerts (state, detected_on DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE alerts`);
  }
}
