// An import as a version of its source (docs/IMPORT.md, "Versions"). The events of the whole file
// are gathered in a temporary table inside one transaction; at the end, if the mapping changed
// since the source's last import, what the earlier version wrote and this one does not produce
// (or produces differently) is taken back, the new events are stored, every touched ticket is
// queued for the projector, and the transaction commits: readers see the old reading or the new
// one, never a mix. With the same mapping a re-import only adds what is new.
import { createHash } from 'node:crypto';
import { DataSource, QueryRunner } from 'typeorm';
import type { IngestResponse } from '../contract/api-types';
import type { ValidEvent } from '../events/event-validation';
import { returnedRows } from '../database/returning';
import { wsId } from '../workspaces/workspace-context';
import { firstOfEachId } from '../events/validate-batch';
import type { Mapping } from './mapping';

const COLUMNS = ['id', 'ticket_id', 'type', 'occurred_at', 'channel', 'category', 'customer_id', 'language', 'agent_type', 'agent_id', 'handle_seconds', 'reason', 'score', 'author_type', 'extra'];
/** The content of an event, to tell a changed one from the same one. */
const CONTENT = COLUMNS.filter((c) => c !== 'id').map((c) => `%.${c}`);
const content = (alias: string) => `(${CONTENT.map((c) => c.replace('%', alias)).join(', ')})`;

/** Bumped when the importer writes the same mapping's events differently (2: handle time marked unrecorded). */
const IMPORTER_FORMAT = 2;

/** A mapping's identity: its JSON with keys sorted, and the importer's format. */
export function mappingHash(m: Mapping): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canonical) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])])) : v;
  return createHash('sha256').update(JSON.stringify({ format: IMPORTER_FORMAT, mapping: canonical(m) })).digest('hex');
}

/** A new version that would remove most of the source, refused (nothing stored). */
export class ShrinkRefused extends Error {}

export interface TicketSnapshot {
  path: string;
  resolved: boolean;
  /** Handle time in seconds; null when the source recorded none (elapsed time only, handle_known false). */
  handle: number | null;
}

export interface SourceCommit {
  version: number;
  previousVersion: number | null;
  mappingChanged: boolean;
  eventsAdded: number;
  eventsRemoved: number;
  eventsReplaced: number;
  eventsAlreadyThere: number;
  /** Tickets whose events changed, with their projected state before. */
  before: Map<string, TicketSnapshot | null>;
}

export class SourceVersionWriter {
  private constructor(
    private readonly qr: QueryRunner,
    private readonly source: string,
    /** The workspace the import writes into (fixed when it opens). */
    private readonly ws: number,
  ) {}

  /** Opens the transaction (one import of a source at a time) and the table the file's events gather in. */
  static async open(ds: DataSource, source: string): Promise<SourceVersionWriter> {
    const ws = wsId();
    const qr = ds.createQueryRunner();
    await qr.connect();
    await qr.startTransaction();
    try {
      await qr.query(`SELECT pg_advisory_xact_lock(hashtext('claimcheck-import:' || $2 || ':' || $1))`, [source, ws]);
      await qr.query(`CREATE TEMP TABLE import_new (LIKE ticket_events INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES) ON COMMIT DROP`);
    } catch (e) {
      await qr.rollbackTransaction();
      await qr.release();
      throw e;
    }
    return new SourceVersionWriter(qr, source, ws);
  }

  /** Gathers a batch of events the importer validated (an id twice in the file: the first wins). */
  async ingest(events: readonly ValidEvent[]): Promise<IngestResponse> {
    const { valid, repeatedInBatch } = firstOfEachId(events);
    const doc = JSON.stringify(valid.map((e) => ({ id: e.id, ticketId: e.ticketId, type: e.type, occurredAt: e.occurredAt, channel: e.channel, category: e.category, customerId: e.customerId, language: e.language, agentType: e.agentType, agentId: e.agentId, handleSeconds: e.handleSeconds, reason: e.reason, score: e.score, authorType: e.authorType, extra: e.extra })));
    const r = await this.qr.query(
      `INSERT INTO import_new (workspace_id, ${COLUMNS.join(', ')})
       SELECT $2::int, "id", "ticketId", "type", "occurredAt", "channel", "category", "customerId", "language", "agentType", "agentId", "handleSeconds", "reason", "score", "authorType", "extra"
         FROM json_to_recordset($1::json) AS x("id" text, "ticketId" text, "type" text, "occurredAt" timestamptz, "channel" text, "category" text, "customerId" text,
              "language" text, "agentType" text, "agentId" text, "handleSeconds" float8, "reason" text, "score" smallint, "authorType" text, "extra" jsonb)
       ON CONFLICT (workspace_id, id) DO NOTHING RETURNING 1`,
      [doc, this.ws],
    );
    const gathered = returnedRows(r).length;
    return { accepted: gathered, duplicates: valid.length - gathered + repeatedInBatch, rejected: [] };
  }

  /** Replaces or adds to the source's contribution, queues the touched tickets, commits. */
  async commit(mapping: Mapping, fileName: string | null, allowShrink = false): Promise<SourceCommit> {
    const q = this.qr;
    const s = this.source;
    const ws = this.ws;
    try {
      const prev: { version: number; mapping_hash: string }[] = await q.query(`SELECT version, mapping_hash FROM import_sources WHERE workspace_id = $2 AND source = $1 FOR UPDATE`, [s, ws]);
      const hash = mappingHash(mapping);
      if (prev.length === 0) {
        // Imported before versions existed: the events with the source's prefix are its own.
        await q.query(`INSERT INTO import_events (workspace_id, source, event_id) SELECT $2, $1, id FROM ticket_events WHERE workspace_id = $2 AND id >= $1 || ':' AND id < $1 || ';' ON CONFLICT DO NOTHING`, [s, ws]);
      }
      const mappingChanged = prev.length > 0 ? prev[0].mapping_hash !== hash : (await q.query(`SELECT 1 FROM import_events WHERE workspace_id = $2 AND source = $1 LIMIT 1`, [s, ws])).length > 0;
      let removed: { ticket_id: string; id: string; replaced: boolean }[] = [];
      if (mappingChanged && !allowShrink) {
        // A new version replaces the whole source: a file with far fewer tickets (a partial export,
        // every row refused) would take the rest away. Refused unless the caller says so.
        const [{ had }] = await q.query(`SELECT count(DISTINCT e.ticket_id)::int AS had FROM import_events o JOIN ticket_events e ON e.workspace_id = o.workspace_id AND e.id = o.event_id WHERE o.workspace_id = $2 AND o.source = $1`, [s, ws]);
        const [{ has }] = await q.query(`SELECT count(DISTINCT ticket_id)::int AS has FROM import_new`);
        if (has < had / 2) {
          throw new ShrinkRefused(
            `the mapping changed, so this import would be a new version of source "${s}", which replaces what the earlier one wrote: it has ${has.toLocaleString('en-US')} tickets where the source has ${had.toLocaleString('en-US')}, and would remove the others. Import the whole export, or accept the removal with --replace-source (API: replaceSource=true). Nothing was stored.`,
          );
        }
      }
      if (mappingChanged) {
        // What the earlier version wrote and this one does not produce, or produces differently.
        removed = await q.query(
          `DELETE FROM ticket_events e USING import_events o
            WHERE o.workspace_id = $2 AND o.source = $1 AND e.workspace_id = $2 AND o.event_id = e.id
              AND NOT EXISTS (SELECT 1 FROM import_new n WHERE n.id = e.id AND ${content('n')} IS NOT DISTINCT FROM ${content('e')})
          RETURNING e.ticket_id, e.id, EXISTS (SELECT 1 FROM import_new n WHERE n.id = e.id) AS replaced`,
          [s, ws],
        ).then((r: unknown) => returnedRows<{ ticket_id: string; id: string; replaced: boolean }>(r));
        await q.query(`DELETE FROM import_events o WHERE o.workspace_id = $2 AND o.source = $1 AND NOT EXISTS (SELECT 1 FROM import_new n WHERE n.id = o.event_id)`, [s, ws]);
      }
      const inserted: { ticket_id: string; id: string }[] = await q
        .query(`INSERT INTO ticket_events (workspace_id, ${COLUMNS.join(', ')}) SELECT workspace_id, ${COLUMNS.join(', ')} FROM import_new ORDER BY id ON CONFLICT (workspace_id, id) DO NOTHING RETURNING ticket_id, id`)
        .then((r: unknown) => returnedRows<{ ticket_id: string; id: string }>(r));
      if (inserted.length > 0) await q.query(`INSERT INTO import_events (workspace_id, source, event_id) SELECT $3, $1, unnest($2::text[]) ON CONFLICT DO NOTHING`, [s, inserted.map((x) => x.id), ws]);
      const touched = [...new Set([...removed.map((x) => x.ticket_id), ...inserted.map((x) => x.ticket_id)])];
      const before = new Map<string, TicketSnapshot | null>(touched.map((t) => [t, null]));
      if (touched.length > 0) {
        const rows: { id: string; path: string; resolved: boolean; handle: number | null }[] = await q.query(`SELECT id, path, resolved, CASE WHEN handle_known THEN ai_seconds + human_seconds END AS handle FROM tickets WHERE workspace_id = $2 AND id = ANY($1::text[])`, [touched, ws]);
        for (const r of rows) before.set(r.id, { path: r.path, resolved: r.resolved, handle: r.handle });
        await q.query(`INSERT INTO projection_queue (workspace_id, ticket_id) SELECT $2, unnest($1::text[])`, [touched, ws]);
      }
      const version = prev.length === 0 ? 1 : prev[0].version + (mappingChanged ? 1 : 0);
      await q.query(
        `INSERT INTO import_sources (workspace_id, source, version, mapping, mapping_hash, file_name) VALUES ($6, $1, $2, $3, $4, $5)
         ON CONFLICT (workspace_id, source) DO UPDATE SET version = EXCLUDED.version, mapping = EXCLUDED.mapping, mapping_hash = EXCLUDED.mapping_hash, file_name = EXCLUDED.file_name, imported_at = now()`,
        [s, version, JSON.stringify(mapping), hash, fileName, ws],
      );
      const [{ n }] = await q.query(`SELECT count(*)::int AS n FROM import_new`);
      await q.commitTransaction();
      const replaced = removed.filter((x) => x.replaced).length;
      return {
        version,
        previousVersion: prev[0]?.version ?? null,
        mappingChanged,
        eventsAdded: inserted.length - replaced,
        eventsRemoved: removed.length - replaced,
        eventsReplaced: replaced,
        eventsAlreadyThere: n - inserted.length,
        before,
      };
    } catch (e) {
      await q.rollbackTransaction().catch(() => undefined);
      throw e;
    } finally {
      await q.release();
    }
  }

  /** Gives up: nothing of this import is stored. */
  async abandon(): Promise<void> {
    await this.qr.rollbackTransaction().catch(() => undefined);
    await this.qr.release();
  }
}

/** Tickets whose path, handle time or resolution changed between `before` and now (after projection). */
export async function ticketChanges(ds: DataSource, before: ReadonlyMap<string, TicketSnapshot | null>): Promise<{ path: number; handleTime: number; resolution: number; removed: number; added: number }> {
  const ids = [...before.keys()];
  const out = { path: 0, handleTime: 0, resolution: 0, removed: 0, added: 0 };
  const now = new Map<string, TicketSnapshot>();
  for (let i = 0; i < ids.length; i += 10000) {
    const rows: { id: string; path: string; resolved: boolean; handle: number | null }[] = await ds.query(`SELECT id, path, resolved, CASE WHEN handle_known THEN ai_seconds + human_seconds END AS handle FROM tickets WHERE workspace_id = $2 AND id = ANY($1::text[])`, [ids.slice(i, i + 10000), wsId()]);
    for (const r of rows) now.set(r.id, { path: r.path, resolved: r.resolved, handle: r.handle });
  }
  for (const [id, b] of before) {
    const a = now.get(id);
    if (!b && a) out.added++;
    else if (b && !a) out.removed++;
    else if (a && b) {
      if (a.path !== b.path) out.path++;
      // From none recorded to elapsed time priced as handle time (or back) is a change too.
      if (a.handle === null || b.handle === null ? a.handle !== b.handle : Math.abs(a.handle - b.handle) > 1e-6) out.handleTime++;
      if (a.resolved !== b.resolved) out.resolution++;
    }
  }
  return out;
}
