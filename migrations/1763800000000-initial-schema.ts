import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Events as received, tickets as replayed from them (CONTRACT.md §2), access tokens and the
 * versioned cost model. Ids are COLLATE "C" so that they sort by code point, as the contract says.
 */
export class InitialSchema1763800000000 implements MigrationInterface {
  name = 'InitialSchema1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ticket_events (
        id             text COLLATE "C" PRIMARY KEY,
        ticket_id      text COLLATE "C" NOT NULL,
        type           text NOT NULL,
        occurred_at    timestamptz NOT NULL,
        received_at    timestamptz NOT NULL DEFAULT now(),
        channel        text,
        category       text,
        customer_id    text,
        language       text,
        agent_type     text,
        agent_id       text,
        handle_seconds float8,
        reason         text,
        score          smallint,
        author_type    text,
        extra          jsonb
      )`);
    await q.query(`CREATE INDEX ticket_events_ticket_id_idx ON ticket_events (ticket_id)`);

    await q.query(`
      CREATE TABLE tickets (
        id                     text COLLATE "C" PRIMARY KEY,
        created_at             timestamptz,
        channel                text,
        category               text,
        customer_id            text,
        language               text,
        path                   text NOT NULL,
        ai_involved            boolean NOT NULL,
        human_involved         boolean NOT NULL,
        resolved               boolean NOT NULL,
        resolved_at            timestamptz,
        resolved_by            text,
        reopened               boolean NOT NULL,
        csat                   smallint,
        ai_seconds             float8 NOT NULL,
        human_seconds          float8 NOT NULL,
        first_response_seconds float8,
        repeat_contact         boolean NOT NULL DEFAULT false,
        event_count            int NOT NULL,
        last_event_at          timestamptz NOT NULL,
        updated_at             timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX tickets_created_at_idx ON tickets (created_at) WHERE created_at IS NOT NULL`);
    await q.query(`CREATE INDEX tickets_incomplete_idx ON tickets (id) WHERE created_at IS NULL`);
    await q.query(
      `CREATE INDEX tickets_customer_idx ON tickets (customer_id, created_at) WHERE customer_id IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE api_tokens (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name         text NOT NULL,
        role         text NOT NULL CHECK (role IN ('ingest', 'viewer', 'admin')),
        token_hash   text NOT NULL UNIQUE,
        created_at   timestamptz NOT NULL DEFAULT now(),
        revoked_at   timestamptz,
        last_used_at timestamptz
      )`);

    // One row per version: the current model is the newest; older rows are the change history.
    await q.query(`
      CREATE TABLE cost_model_versions (
        version                  serial PRIMARY KEY,
        human_hourly_cost        float8 NOT NULL CHECK (human_hourly_cost >= 0),
        ai_cost_per_conversation float8 NOT NULL CHECK (ai_cost_per_conversation >= 0),
        ai_cost_per_resolution   float8 NOT NULL CHECK (ai_cost_per_resolution >= 0),
        fte_hours_per_month      float8 NOT NULL CHECK (fte_hours_per_month >= 0),
        currency                 text NOT NULL DEFAULT 'USD',
        changed_by               text NOT NULL,
        changed_at               timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      INSERT INTO cost_model_versions
        (human_hourly_cost, ai_cost_per_conversation, ai_cost_per_resolution, fte_hours_per_month, changed_by)
      VALUES (32, 0.45, 0, 120, 'contract default')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE cost_model_versions`);
    await q.query(`DROP TABLE api_tokens`);
    await q.query(`DROP TABLE tickets`);
    await q.query(`DROP TABLE ticket_events`);
  }
}
