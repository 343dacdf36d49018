// Imports as versions of their source (#16): a re-import with a changed mapping replaces what the
// earlier version wrote, so every summary field equals a clean import under the new mapping; the
// report says what changed. On the public UCI incident log (AI attribution added) and the Italian
// help desk log (a mapping that drops fields and an activity).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import type { ImportReport } from '../src/contract';
import { EventLogMapping, Mapping, ServiceNowMapping } from '../src/import/mapping';
import { PRESETS } from '../src/import/presets';
import { importAsVersion } from '../src/import/versioned-import';
import { ProjectorService } from '../src/projection/projector.service';
import { TestApp, createTestApp, mismatches } from './test-app';

const DATASETS = path.resolve(__dirname, '../../../shared/datasets');
const present = fs.existsSync(DATASETS);
if (!present && process.env.CI) throw new Error(`${DATASETS} is missing: CI must run the dataset import tests`);
if (!present) console.warn(`SKIPPED: import version tests, because ${DATASETS} is absent (set CI=1 to make this an error)`);
const describeIfData = present ? describe : describe.skip;

const UCI = path.join(DATASETS, 'uci-incident-event-log/incident_event_log_head20004.csv');
const ITALIAN = path.join(DATASETS, 'helpdesk-italian-event-log/finale.csv');

async function importInto(t: TestApp, file: string, mapping: Mapping): Promise<ImportReport> {
  return t.inWorkspace(() => importAsVersion(t.app.get(DataSource), fs.createReadStream(file), { format: 'csv', mapping }, path.basename(file), () => t.app.get(ProjectorService).drain()));
}

/** Both ways, so a field on one side only is a difference too (relative 1e-6: sums in another order differ in the last bits). */
const same = (a: unknown, b: unknown) => [...mismatches(a, b), ...mismatches(b, a)];

/** Every field of the summary over the data's range (freshness aside: it says how long the read waited). */
async function summary(t: TestApp, r: ImportReport) {
  const res = await t.request('GET', `/api/v1/metrics/summary?from=${r.coverage.from}&to=${r.coverage.to}&asOf=2030-01-01T00:00:00Z`);
  expect(res.status).toBe(200);
  const { freshness: _f, ...rest } = res.body;
  return rest;
}

describeIfData('import versions', () => {
  let changed: TestApp;
  let clean: TestApp;
  beforeAll(async () => {
    [changed, clean] = await Promise.all([createTestApp(), createTestApp()]);
  });
  afterAll(async () => Promise.all([changed?.close(), clean?.close()]));

  describe('UCI incident log: the AI attribution added in a second version', () => {
    const withAi: ServiceNowMapping = { ...(PRESETS['uci-incident'] as ServiceNowMapping), ai: { ids: ['Resolver 13', 'Resolver 17'] } };
    let v1: ImportReport;
    let v2: ImportReport;
    beforeAll(async () => {
      v1 = await importInto(changed, UCI, PRESETS['uci-incident']);
      v2 = await importInto(changed, UCI, withAi);
      await importInto(clean, UCI, withAi);
    }, 300_000);

    it('the first import says what the data cannot show, and where it sits in time', () => {
      expect(v1.source).toMatchObject({ name: 'uci', version: 1, previousVersion: null, mappingChanged: false });
      const missing = v1.coverage.fields.filter((f) => !f.filled).map((f) => f.field);
      expect(missing).toEqual(['aiAttribution', 'handleTime', 'csat', 'firstResponse']);
      expect(v1.coverage.fields.find((f) => f.field === 'aiAttribution')!.howToMap).toContain('--ai-ids');
      expect(v1.coverage.from).toMatch(/^2016-/);
      expect(v1.coverage.dashboardPath).toBe(`/?from=${v1.coverage.from}&to=${v1.coverage.to}&tz=UTC`);
    });

    it('the second version replaces the first: every summary field equals a clean import with the new mapping', async () => {
      expect(v2.source).toMatchObject({ name: 'uci', version: 2, previousVersion: 1, mappingChanged: true });
      // The human assignments of the two resolvers became AI ones: same ids, new content.
      expect(v2.source!.eventsReplaced).toBeGreaterThan(0);
      expect(v2.source!.ticketsChanged.path).toBeGreaterThan(0);
      const a = await summary(changed, v2);
      const b = await summary(clean, v2);
      expect(a.aiInvolved).toBeGreaterThan(0);
      expect(same(a, b)).toEqual([]);
    });

    it('handle time only from handle time: the log has elapsed times only, so no cost is priced on them', async () => {
      const s = await summary(changed, v2);
      // Every resolved ticket is counted as having no recorded handle time; no cost basis follows.
      expect(s.handleTimeUnrecorded).toBe(s.resolved);
      expect(s.resolved).toBeGreaterThan(2000);
      expect(s.byPath.human.handleSeconds).toEqual({ mean: null, median: null, p90: null });
      expect(s.savings).toMatchObject({ humanCostPerTicket: null, claimedSavings: null, verifiedSavings: null });
      expect(v2.coverage.fields.find((f) => f.field === 'handleTime')).toMatchObject({ filled: false, howToMap: expect.stringContaining('--handle-time elapsed') });
      // A ticket's own handle time is not shown either.
      const page = (await changed.request('GET', `/api/v1/tickets?from=${v2.coverage.from}&to=${v2.coverage.to}&resolved=true&limit=1`)).body;
      expect(page.items[0].handleSeconds).toBeNull();
      // Sorted by handle time, they come after every recorded one and still page by cursor.
      const sorted = (await changed.request('GET', `/api/v1/tickets?from=${v2.coverage.from}&to=${v2.coverage.to}&sort=handleSeconds&order=desc&limit=2`)).body;
      expect(sorted.items.map((x: { handleSeconds: number | null }) => x.handleSeconds)).toEqual([null, null]);
      const next = await changed.request('GET', `/api/v1/tickets?from=${v2.coverage.from}&to=${v2.coverage.to}&sort=handleSeconds&order=desc&limit=2&cursor=${encodeURIComponent(sorted.nextCursor)}`);
      expect(next.status).toBe(200);
      expect(next.body.items[0].id).not.toBe(sorted.items[1].id);
    });

    it('elapsed time priced as handle time by choice is a new version, equal to a clean import so', async () => {
      const elapsed: ServiceNowMapping = { ...withAi, handleTime: 'elapsed' };
      const other = await createTestApp();
      try {
        const v3 = await importInto(changed, UCI, elapsed);
        await importInto(other, UCI, elapsed);
        expect(v3.source).toMatchObject({ version: 3, mappingChanged: true });
        // Every ticket of the log goes from no handle time recorded to its elapsed time priced as one
        // (the seconds were stored all along; what changes is that they count): all of v2's tickets.
        expect(v3.source!.ticketsChanged.handleTime).toBe((await summary(changed, v2)).tickets);
        const a = await summary(changed, v3);
        expect(a.handleTimeUnrecorded).toBe(0);
        expect(a.byPath.human.handleSeconds.median).toBeGreaterThan(3600); // days of waiting, priced: an upper bound
        expect(same(a, await summary(other, v3))).toEqual([]);
        // Back to the default: a fourth version, handle time unrecorded again.
        const v4 = await importInto(changed, UCI, withAi);
        expect(v4.source).toMatchObject({ version: 4, mappingChanged: true });
        expect((await summary(changed, v4)).handleTimeUnrecorded).toBeGreaterThan(2000);
      } finally {
        await other.close();
      }
    }, 300_000);

    it('a new version from a partial file is refused (it would remove most of the source), unless asked for', async () => {
      const partial = path.join(fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'cc-partial-')), 'head.csv');
      fs.writeFileSync(partial, fs.readFileSync(UCI, 'utf8').split('\n').slice(0, 2001).join('\n'));
      const narrower: ServiceNowMapping = { ...withAi, ai: { ids: ['Resolver 13'] } };
      const before = await summary(changed, v2);
      await expect(importInto(changed, partial, narrower)).rejects.toThrow(/would remove the others\. Import the whole export, or accept the removal with --replace-source/);
      // Nothing was stored: the numbers are the same.
      expect(same(await summary(changed, v2), before)).toEqual([]);
    });

    it('importing the same version again adds nothing and changes nothing', async () => {
      const again = await importInto(changed, UCI, withAi);
      expect(again.source).toMatchObject({ version: 4, mappingChanged: false, eventsAdded: 0, eventsRemoved: 0, eventsReplaced: 0 });
      expect(again.eventsAccepted).toBe(0);
      expect(same(await summary(changed, again), await summary(clean, again))).toEqual([]);
    }, 120_000);
  });

  describe('Italian help desk log: a mapping that drops fields and an activity', () => {
    const base = PRESETS['helpdesk-italian'] as EventLogMapping;
    // No customer, no category, and "Closed" no longer resolves a case.
    const { Closed: _closed, ...activities } = base.activities;
    const dropped: EventLogMapping = { ...base, activities, ticket: { channel: base.ticket.channel } };
    let v2: ImportReport;
    beforeAll(async () => {
      await importInto(changed, ITALIAN, base);
      v2 = await importInto(changed, ITALIAN, dropped);
      await importInto(clean, ITALIAN, dropped);
    }, 300_000);

    it('equals a clean import with the narrower mapping, and the report counts what changed', async () => {
      expect(v2.source).toMatchObject({ name: 'helpdesk', version: 2, mappingChanged: true });
      expect(v2.source!.eventsRemoved + v2.source!.eventsReplaced).toBeGreaterThan(0);
      expect(v2.source!.ticketsChanged).toMatchObject({ removed: 0, added: 0 });
      expect(v2.coverage.fields.filter((f) => !f.filled).map((f) => f.field)).toEqual(expect.arrayContaining(['customerId', 'category']));
      const a = await summary(changed, v2);
      expect(same(a, await summary(clean, v2))).toEqual([]);
      // The other source's numbers did not move: the UCI range reads as in the clean database.
      const uci = (await changed.request('GET', '/api/v1/metrics/summary?from=2016-02-29&to=2016-04-01&asOf=2030-01-01T00:00:00Z')).body;
      const uciClean = (await clean.request('GET', '/api/v1/metrics/summary?from=2016-02-29&to=2016-04-01&asOf=2030-01-01T00:00:00Z')).body;
      expect(same({ ...uci, freshness: null }, { ...uciClean, freshness: null })).toEqual([]);
    });
  });
});
