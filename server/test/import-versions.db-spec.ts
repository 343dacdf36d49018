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
  return importAsVersion(t.app.get(DataSource), fs.createReadStream(file), { format: 'csv', mapping }, path.basename(file), () => t.app.get(ProjectorService).drain());
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

    it('importing the same version again adds nothing and changes nothing', async () => {
      const again = await importInto(changed, UCI, withAi);
      expect(again.source).toMatchObject({ version: 2, mappingChanged: false, eventsAdded: 0, eventsRemoved: 0, eventsReplaced: 0 });
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
