import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Executive view (#13): the cost model gains the fixed costs of running the AI per month (licence,
 * implementation amortised, QA and supervision), so savings can be stated net. 0 for the existing
 * versions: nothing changes until someone enters them.
 */
export class FixedCosts1766100000000 implements MigrationInterface {
  name = 'FixedCosts1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cost_model_versions ADD COLUMN fixed_cost_per_month float8 NOT NULL DEFAULT 0 CHECK (fixed_cost_per_month >= 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cost_model_versions DROP COLUMN fixed_cost_per_month`);
  }
}
