import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alerts issue #12: alerts can be snoozed (open again when the snooze ends), and the alerts of the
 * earlier detector (rules p-chart, ewma, robust: mostly handle-time noise) are closed, since the
 * new detector judges the same 90 days again on its next run. Their rows are kept as history.
 */
export class AlertActions1766000000000 implements MigrationInterface {
  name = 'AlertActions1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE alerts DROP CONSTRAINT IF EXISTS alerts_state_check`);
    await q.query(`ALTER TABLE alerts ADD CONSTRAINT alerts_state_check CHECK (state IN ('open', 'acknowledged', 'snoozed', 'resolved'))`);
    await q.query(`ALTER TABLE alerts ADD COLUMN snoozed_until timestamptz, ADD COLUMN snoozed_by text`);
    await q.query(
      `UPDATE alerts SET state = 'resolved', resolved_at = now(), resolved_by = 'claimcheck: replaced by the detector of issue #12', updated_at = now()
        WHERE rule <> 'window' AND state <> 'resolved'`,
    );
    // Their series keys move aside, so the new detector's alerts are never merged into them.
    await q.query(`UPDATE alerts SET series_key = 'legacy:' || series_key WHERE rule <> 'window' AND series_key NOT LIKE 'legacy:%'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE alerts SET state = 'open' WHERE state = 'snoozed'`);
    await q.query(`UPDATE alerts SET series_key = substr(series_key, 8) WHERE series_key LIKE 'legacy:%'`);
    await q.query(`ALTER TABLE alerts DROP COLUMN snoozed_until, DROP COLUMN snoozed_by`);
    await q.query(`ALTER TABLE alerts DROP CONSTRAINT IF EXISTS alerts_state_check`);
    await q.query(`ALTER TABLE alerts ADD CONSTRAINT alerts_state_check CHECK (state IN ('open', 'acknowledged', 'resolved'))`);
  }
}
