// Claims: entered and versioned by admins, each checked figure by figure against the events of
// its period and scope (claim-verdicts.ts), and a vendor's per-conversation export reconciled
// with the tickets (docs/CLAIMS.md).
import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { Readable } from 'node:stream';
import type { Claim, ClaimCheck, ClaimDetail, ClaimInput, ClaimListItem, ClaimVersion, VendorClass, VendorItemPage, VendorReconciliation, VendorRowError, VendorUploadReport } from '../contract';
import { VENDOR_CLASSES } from '../contract';
import { readCsv } from '../import/csv-reader';
import { CostModelService } from '../cost-model/cost-model.service';
import { MetricsService } from '../metrics/metrics.service';
import { claimProblems } from './claim-input';
import { PeriodSoFar, checkFigure, checkSoFar, overallVerdict, readsJudgedDays, scopeGap } from './claim-verdicts';
import { addDays, daysBetween, localDateOf } from '../stats/time-range';
import { ClaimsRepository } from './claims.repository';
import { VendorRow, missingColumns, readVendorRecord, resolveMapping } from './vendor-export';
import { joinFilterValues } from '../contract/filter-list';
import { FreshnessService } from '../projection/freshness.service';
import { formatMoney, formatMoneyExact } from '../contract/money-format';
import { judgedDates, judgedDaysOf } from '../metrics/judged-days';
import { withDates } from '../metrics/metrics-scope';

const CLASS_LABELS: Record<VendorClass, string> = {
  durable: 'durable (held up 7 days)',
  maturing: 'still maturing (younger than 7 days)',
  reopened: 'reopened',
  came_back: 'customer came back within 7 days',
  escalated: 'escalated to a human in our data',
  not_ai_resolved: 'not resolved by the AI in our data',
  unknown_id: 'unknown id (no such ticket)',
};
const FAILED: ReadonlySet<VendorClass> = new Set(['reopened', 'came_back', 'escalated', 'not_ai_resolved']);
const MAX_LISTED_REJECTIONS = 100;

@Injectable()
export class ClaimsService {
  constructor(
    private readonly repo: ClaimsRepository,
    private readonly metrics: MetricsService,
    private readonly costModels: CostModelService,
    private readonly freshness: FreshnessService,
  ) {}

  /** Every claim's verdict; after what was acknowledged before the request is projected (up to `wait`), like every read. */
  async list(wait?: string): Promise<ClaimListItem[]> {
    await this.freshness.catchUp(undefined, wait);
    const claims = await this.repo.list();
    const asOf = new Date();
    // One claim after the other: a check is a full summary read; all at once would take the pool.
    const out: ClaimListItem[] = [];
    for (const c of claims) {
      const check = await this.check(c, asOf);
      const vendor = await this.repo.vendorClasses(c.id, asOf);
      out.push({ ...c, verdict: check.verdict, sentence: check.sentence, vendorRows: vendor.classes.reduce((n, x) => n + x.n, 0) });
    }
    return out;
  }

  /** A claim checked after what was acknowledged before the request is projected (up to `wait`; the dashboard asks 0), saying how current it is. */
  async detail(id: string, wait?: string, asOf = new Date()): Promise<ClaimDetail> {
    const c = await this.found(id);
    const freshness = await this.freshness.catchUp(undefined, wait);
    const check = await this.check(c, asOf);
    return { ...c, check, vendor: await this.reconciliation(id, asOf, check.assumptions.currency), freshness };
  }

  async create(input: ClaimInput, by: string): Promise<ClaimDetail> {
    const c = await this.repo.create(valid(input), by);
    return this.detail(c.id);
  }

  async update(id: string, input: ClaimInput, by: string): Promise<ClaimDetail> {
    if (!(await this.repo.update(id, valid(input), by))) throw notFound(id);
    return this.detail(id);
  }

  async remove(id: string, by: string): Promise<Claim> {
    const c = await this.found(id);
    const { id: _id, version: _v, createdAt: _ca, createdBy: _cb, updatedAt: _ua, updatedBy: _ub, ...input } = c;
    return (await this.repo.update(id, input, by, true))!;
  }

  async versions(id: string): Promise<ClaimVersion[]> {
    const v = await this.repo.versions(id);
    if (v.length === 0) throw notFound(id);
    return v;
  }

  /** Each figure against the summary of the claim's period and scope, at asOf. */
  async check(c: Claim, asOf: Date): Promise<ClaimCheck> {
    // A period not over yet is checked on its complete days so far (checkSoFar says so per figure).
    const today = localDateOf(asOf, c.tz);
    const end = c.to < today ? c.to : today > c.from ? today : c.from;
    const period: PeriodSoFar = { from: c.from, to: c.to, days: daysBetween(c.from, c.to), daysOver: daysBetween(c.from, end) };
    // A claim's channel or category is one value, a comma in it included (filter-list.ts).
    const one = (v: string | undefined) => (v ? joinFilterValues([v]) : undefined);
    const scope = await this.metrics.scope({ from: c.from, to: end > c.from ? end : c.to, tz: c.tz, channel: one(c.channel), category: one(c.category), asOf: asOf.toISOString() });
    const s = await this.metrics.core(scope);
    // Rates are judged on the days whose AI resolutions are all judged, when the period ends within 7
    // days of asOf: read only for a claim stating a rate (the claims list checks every claim).
    const jd = readsJudgedDays(c.figures) ? judgedDates(scope.fromDate, scope.toDate, asOf, c.tz) : null;
    const judged = jd ? judgedDaysOf(jd, await this.metrics.core(withDates(scope, jd.from, jd.to), false)) : undefined;
    const money = (x: number) => formatMoney(x, scope.currency);
    const gap = scopeGap(c, await this.repo.scopeValues());
    const figures = c.figures.map((f) => checkSoFar(checkFigure(f, { ...s, days: scope.days, judged }, money, gap), f, period, addDays(c.to, -1)));
    return {
      ...overallVerdict(figures),
      asOf: asOf.toISOString(),
      figures,
      assumptions: { currency: scope.currency, costModelVersion: scope.costModelVersion, humanHourlyCost: scope.costModel.humanHourlyCost, fteHoursPerMonth: scope.costModel.fteHoursPerMonth },
      coverage: await this.metrics.coverageOf(c.from, c.to, c.tz, asOf),
    };
  }

  async reconciliation(id: string, asOf: Date, currency: string): Promise<VendorReconciliation | null> {
    const { classes, uploadedAt, uploadedBy } = await this.repo.vendorClasses(id, asOf);
    if (classes.length === 0) return null;
    const by = new Map(classes.map((c) => [c.class, c]));
    const rows = VENDOR_CLASSES.map((k) => ({ class: k, label: CLASS_LABELS[k], count: by.get(k)?.n ?? 0, amount: by.get(k)?.amount ?? 0, failed: FAILED.has(k) }));
    const total = rows.reduce((n, r) => n + r.count, 0);
    const billed = rows.reduce((n, r) => n + r.amount, 0);
    const failed = rows.filter((r) => r.failed);
    const didNotHoldUp = { count: failed.reduce((n, r) => n + r.count, 0), amount: failed.reduce((n, r) => n + r.amount, 0) };
    // Billed amounts to the currency's own unit (cents, none for yen): an invoice is exact.
    const m = (x: number) => formatMoneyExact(x, currency);
    const maturing = by.get('maturing')?.n ?? 0;
    const unknown = by.get('unknown_id')?.n ?? 0;
    const sentence =
      `Billed ${m(billed)} for ${total.toLocaleString('en-US')} resolutions; ${didNotHoldUp.count.toLocaleString('en-US')} of them did not hold up (${m(didNotHoldUp.amount)})` +
      `${maturing ? `; ${maturing.toLocaleString('en-US')} not judged yet` : ''}${unknown ? `; ${unknown.toLocaleString('en-US')} with an id our data does not have` : ''}.`;
    return { rows: total, billedAmount: billed, classes: rows, didNotHoldUp, sentence, uploadedAt, uploadedBy };
  }

  /** Reads the export, keeps every valid row not there yet, reports the rest by row. */
  async uploadVendorExport(id: string, body: unknown, preset: string | undefined, mapping: string | undefined, by: string, ticketPrefix = ''): Promise<VendorUploadReport> {
    await this.found(id);
    if (typeof body !== 'string' || body.trim() === '') throw new BadRequestException('body: send the export as text/csv (a header line, then one line per billed conversation)');
    const m = resolveMapping(preset, mapping);
    // Amounts are the workspace's currency: one written in another is refused by row, not added up as it.
    const { currency: workspaceCurrency } = await this.costModels.current();
    if ('problem' in m) throw new BadRequestException(m.problem);
    const rows: VendorRow[] = [];
    const rejected: VendorRowError[] = [];
    let rejectedTotal = 0;
    const firstLine = new Map<string, number>();
    let header: string[] | null = null;
    try {
      for await (const r of readCsv(Readable.from([body]))) {
        if (!header) {
          header = Object.keys(r.values).filter((k) => k !== '__extra');
          const missing = missingColumns(header, m);
          if (missing) throw new BadRequestException(`header: ${missing}; pass ?preset= or ?mapping=`);
        }
        const v = readVendorRecord(r.values, m, workspaceCurrency);
        const seen = 'error' in v ? undefined : firstLine.get(v.conversationId);
        const error = 'error' in v ? v.error : seen !== undefined ? `${m.id}: "${v.conversationId}" appears again (first on line ${seen})` : null;
        if (error) {
          if (++rejectedTotal <= MAX_LISTED_REJECTIONS) rejected.push({ row: r.row, line: r.line, error });
          continue;
        }
        const row = v as VendorRow;
        firstLine.set(row.conversationId, r.line);
        rows.push(row);
      }
    } catch (e) {
      if (e instanceof BadRequestException) throw e;
      throw new BadRequestException(`body: ${(e as Error).message}`);
    }
    if (!header) throw new BadRequestException('body: the export has a header but no rows');
    const { added, rematched } = await this.repo.addVendorRows(id, rows, by, ticketPrefix);
    return { accepted: added, alreadyThere: rows.length - added, rematched, rejected, rejectedTotal, reconciliation: (await this.reconciliation(id, new Date(), workspaceCurrency))! };
  }

  /** Every row (of a class), for the CSV: page after page. */
  async allVendorItems(id: string, cls: VendorClass | undefined): Promise<VendorItemPage['items']> {
    const all: VendorItemPage['items'] = [];
    let cursor: string | undefined;
    do {
      const page = await this.vendorItems(id, cls, '1000', cursor);
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all;
  }

  async vendorItems(id: string, cls: VendorClass | undefined, limit: string | undefined, cursor: string | undefined): Promise<VendorItemPage> {
    await this.found(id);
    const n = limit === undefined ? 50 : Number(limit);
    if (!Number.isInteger(n) || n < 1 || n > 1000) throw new BadRequestException(`limit: a whole number from 1 to 1000, got "${limit}"`);
    const { items, total } = await this.repo.vendorItems(id, new Date(), cls, n, cursor ?? null);
    return { items, total, nextCursor: items.length === n ? items[items.length - 1].conversationId : null };
  }

  private async found(id: string): Promise<Claim> {
    const c = await this.repo.get(id);
    if (!c) throw notFound(id);
    return c;
  }
}

function valid(input: ClaimInput): ClaimInput {
  const problems = claimProblems(input);
  if (problems.length) throw new BadRequestException(problems);
  // Only the fields of a claim are kept (the DTO refused unknown top-level ones).
  const { title, source, from, to, tz, channel, category, figures } = input;
  return { title, source: { kind: source.kind, ...(source.ref ? { ref: source.ref } : {}) }, from, to, tz, ...(channel ? { channel } : {}), ...(category ? { category } : {}), figures };
}

const notFound = (id: string) => new NotFoundException(`claim ${id}: not found`);
