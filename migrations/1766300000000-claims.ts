import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Claims (#14, docs/CLAIMS.md):
 *   claims             the current version of each claim (what it states, about which period and
 *                      scope); deleted ones keep their row with deleted_at
 *   claim_versions     every saved version, with who and when (a delete is a version too)
 *   claim_vendor_rows  a vendor's per-conversation export of a claim, one row per conversation id
 *                      (re-uploading the same export adds nothing), with the ticket id it names
 *                      (an optional prefix + the id: imported tickets are "<source>:<id>"); classified at read time
 *                      against tickets, so a later reopen moves a row to "reopened"
 */
export class Claims1766300000000 implements MigrationInterface {
  name = 'Claims1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE claims (
        id          uuid PRIMARY KEY,
        body        jsonb NOT NULL,
        version     int NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        created_by  text NOT NULL,
        updated_at  timestamptz NOT NULL DEFAULT now(),
        updated_by  text NOT NULL,
        deleted_at  timestamptz
      )`);
    await q.query(`
      CREATE TABLE claim_versions (
        claim_id    uuid NOT NULL REFERENCES claims (id),
        version     int NOT NULL,
        body        jsonb NOT NULL,
        deleted     boolean NOT NULL DEFAULT false,
        changed_at  timestamptz NOT NULL DEFAULT now(),
        changed_by  text NOT NULL,
        PRIMARY KEY (claim_id, version)
      )`);
    await q.query(`
      CREATE TABLE claim_vendor_rows (
        claim_id         uuid NOT NULL REFERENCES claims (id),
        conversation_id  text COLLATE "C" NOT NULL,
        ticket_id        text COLLATE "C" NOT NULL,
        occurred_on      date,
        resolution_type  text NOT NULL,
        billed_amount    float8 NOT NULL,
        uploaded_at      timestamptz NOT NULL DEFAULT now(),
        uploaded_by      text NOT NULL,
        PRIMARY KEY (claim_id, conversation_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['claim_vendor_rows', 'claim_versions', 'claims']) await q.query(`DROP TABLE ${t}`);
  }
}
