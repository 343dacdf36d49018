// Each stated figure of a claim against what the events say (docs/CLAIMS.md, "Verdicts"). Pure:
// a claim's figures and the summary of its period and scope in, one verdict per figure out.
import type { ClaimFigure, ClaimVerdict, FigureCheck, JudgedDays, Summary } from '../contract';
import { addDays } from '../stats/time-range';
import { wilsonInterval } from '../stats/rates';
import { quotedIfNeeded } from '../contract/filter-list';

/** The summary figures a check reads (the metrics summary of the claim's period and scope). */
export type CheckSummary = Pick<
  Summary,
  | 'tickets' | 'aiInvolved' | 'aiResolved' | 'pendingAiResolved' | 'verifiedAiResolved' | 'aiResolutionRate' | 'verifiedAiResolutionRate'
  | 'verifiedAiResolutionRateLow' | 'verifiedAiResolutionRateHigh' | 'automationRate' | 'byPath' | 'savings' | 'costModel'
> & { days: number; handleTimeUnrecorded?: number; judged?: JudgedDays };

/** Rates judged on the period's judged days when it has some (JudgedDays: over the whole period its youngest days pull them down). */
const JUDGED_RATES = new Set<ClaimFigure['kind']>(['aiResolutionRate', 'automationRate']);

/** Whether any of the figures is judged on the judged days (the check reads them only then). */
export const readsJudgedDays = (figures: readonly ClaimFigure[]): boolean => figures.some((f) => JUDGED_RATES.has(f.kind));

/** The summary a figure is judged on: the judged days' for a rate, when the period has them (and they judged something); else the period's. */
function judgedOn(f: ClaimFigure, s: CheckSummary): { on: CheckSummary; days: JudgedDays } | null {
  const j = s.judged;
  if (!j || !JUDGED_RATES.has(f.kind) || j.aiInvolved - j.pendingAiResolved <= 0) return null;
  const automationRate = j.tickets > 0 ? j.aiResolved / j.tickets : null;
  return { on: { ...s, ...j, automationRate, days: j.days }, days: j };
}

/**
 * Half a unit of the figure's last stated digit, in the unit it was stated in: "2 minutes" ±0.5,
 * "0.99" ±0.005, "60%" ±0.5 points, "700 agents" ±0.5; from 1,000 on trailing zeros are read as
 * rounding: "12,430" ±5, "$40M" (40000000) ±5M.
 */
export function statedPrecision(value: number): number {
  const v = Math.abs(value);
  if (v < 1000 && Number.isInteger(v)) return 0.5;
  if (Number.isInteger(v)) {
    let unit = 1;
    while (v % (unit * 10) === 0) unit *= 10;
    return unit / 2;
  }
  const decimals = (String(v).split('.')[1] ?? '').replace(/e.*$/, '').length;
  return 0.5 * 10 ** -decimals;
}

/** The factor from the stated unit to the check's (fractions, seconds, money). */
function unitFactor(f: ClaimFigure): number {
  switch (f.unit) {
    case 'percent':
    case 'top2_percent':
      return 0.01;
    case 'minutes':
      return 60;
    case 'hours':
      return 3600;
    default:
      return 1;
  }
}

/** Whether a lower figure flatters the AI: its own handle time and its cost do; a human's handle time does the opposite. */
const lowerFlatters = (f: ClaimFigure) => f.kind === 'costPerAiResolution' || (f.kind === 'handleTime' && f.who !== 'human');

interface Measured {
  label: string;
  recomputed: number | null;
  verified: number | null;
  /** The verified figure's range from judged tickets (its interval, or the point). */
  low: number | null;
  high: number | null;
  /** How far the range reaches if every AI resolution still maturing holds up (totals only). */
  pendingReach: number;
  /** Why it cannot be compared, if it cannot. */
  notComparable: string | null;
  /** Rests on judged AI resolutions: "not judged yet" while most are maturing. */
  needsMaturity: boolean;
  tickets: Record<string, string>;
  format: (x: number) => string;
  /** What the verified counterpart is, in words. */
  basis: string;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const count = (x: number) => Math.round(x).toLocaleString('en-US');
const duration = (s: number) => (s < 60 ? `${Math.round(s)} s` : s < 3600 ? `${Math.floor(s / 60)} min ${String(Math.round(s % 60)).padStart(2, '0')} s` : `${(s / 3600).toFixed(1)} h`);

/** Savings stated as a run-rate, checked against the period's pace (a month as fixed costs are prorated). */
const RUN_RATES: Readonly<Record<string, { days: number; per: string }>> = {
  money_per_year: { days: 365.25, per: 'a year' },
  money_per_month: { days: 30.4375, per: 'a month' },
};

/**
 * What the savings come to after the handoff tax (and the fixed costs, for the whole program), said
 * beside the verified savings a claim is judged on: the overview and the Savings audit lead with
 * that net figure, and a claim read "understated" against a gross one the audit's net contained.
 */
function netOf(sv: CheckSummary['savings'], pace: number, money: (x: number) => string): string {
  const tax = sv.handoff?.extraHumanCost ?? null;
  const net = sv.netSavings ?? null;
  if (sv.verifiedSavings === null) return '';
  if (net !== null) return `; net of the handoff tax (${money((tax ?? 0) * pace)}) and fixed costs (${money((sv.fixedCosts ?? 0) * pace)}): ${money(net * pace)}`;
  return tax === null ? '' : `; less the handoff tax (${money(tax * pace)}): ${money((sv.verifiedSavings - tax) * pace)}`;
}

function measure(f: ClaimFigure, s: CheckSummary, money: (x: number) => string): Measured {
  const sv = s.savings;
  const P = s.pendingAiResolved;
  const V = s.verifiedAiResolved;
  const rate = RUN_RATES[f.unit ?? ''];
  const pace = rate ? rate.days / s.days : 1;
  const none = (label: string, why: string, format: (x: number) => string): Measured => ({ label, recomputed: null, verified: null, low: null, high: null, pendingReach: 0, notComparable: why, needsMaturity: false, tickets: {}, format, basis: '' });
  const noAi = s.aiInvolved === 0 ? 'the events have no AI-involved ticket in this period and scope' : null;
  // Imported elapsed times are not handle time: say so, as every page does, not "no human ticket".
  const unrecorded = s.handleTimeUnrecorded ?? 0;
  const noPrice =
    unrecorded > 0
      ? `no human handle time is recorded: ${count(unrecorded)} resolved ticket${unrecorded === 1 ? ' was' : 's were'} imported with elapsed times only, which are not priced as work`
      : 'the events have no resolved human ticket to price the AI against';
  switch (f.kind) {
    case 'aiResolutions':
      if (noAi) return none('AI resolutions', noAi, count);
      return { label: 'AI resolutions', recomputed: s.aiResolved, verified: V, low: V, high: V, pendingReach: P, notComparable: null, needsMaturity: true, tickets: { path: 'ai', verified: 'true' }, format: count, basis: 'durable AI resolutions (not reopened, no repeat contact within 7 days)' };
    case 'aiResolutionRate':
      if (noAi) return none('AI resolution rate', noAi, pct);
      return { label: 'AI resolution rate', recomputed: s.aiResolutionRate, verified: s.verifiedAiResolutionRate, low: s.verifiedAiResolutionRateLow, high: s.verifiedAiResolutionRateHigh, pendingReach: 0, notComparable: null, needsMaturity: true, tickets: { path: 'ai', verified: 'true' }, format: pct, basis: 'durable AI resolutions of the judged AI-involved tickets (95% Wilson interval)' };
    case 'automationRate': {
      const n = s.tickets - P;
      if (s.tickets === 0) return none('Automation rate', 'the events have no ticket in this period and scope', pct);
      const w = wilsonInterval(V, n);
      return { label: 'Automation rate', recomputed: s.automationRate, verified: n > 0 ? V / n : null, low: w?.low ?? null, high: w?.high ?? null, pendingReach: 0, notComparable: n > 0 ? null : 'every AI resolution is still maturing', needsMaturity: true, tickets: { path: 'ai', verified: 'true' }, format: pct, basis: 'durable AI resolutions of all judged tickets (95% Wilson interval)' };
    }
    case 'handleTime': {
      const who = f.who ?? 'ai';
      const stat = f.stat ?? 'median';
      const label = `${who === 'ai' ? 'AI' : 'Human'} handle time (${stat})`;
      const path = who === 'ai' ? s.byPath.ai : s.byPath.human;
      const v = path.handleSeconds[stat];
      if (v === null) return none(label, `the events have no resolved ${who === 'ai' ? 'AI' : 'human'} ticket with handle time in this period and scope`, duration);
      return { label, recomputed: v, verified: v, low: v, high: v, pendingReach: 0, notComparable: null, needsMaturity: false, tickets: { path: who, resolved: 'true' }, format: duration, basis: `the ${stat} handle time of resolved ${who === 'ai' ? 'AI' : 'human-only'} tickets` };
    }
    case 'costPerAiResolution': {
      if (noAi) return none('Cost per AI resolution', noAi, money);
      if (s.aiResolved === 0) return none('Cost per AI resolution', 'the events have no AI resolution in this period and scope', money);
      // The claimed price paid for every AI resolution, spread over those that held up: what each
      // durable resolution really costs at that price. If the maturing ones hold up it falls to
      // price x resolved / (V + P).
      const price = f.value * unitFactor(f);
      const verified = V > 0 ? (price * s.aiResolved) / V : null;
      return {
        label: 'Cost per AI resolution',
        recomputed: sv.aiCost / s.aiResolved,
        verified,
        low: verified,
        high: verified,
        pendingReach: verified === null || V + P === 0 ? 0 : verified - (price * s.aiResolved) / (V + P),
        notComparable: verified === null && P === 0 ? 'no AI resolution held up: the cost per durable resolution is unbounded' : null,
        needsMaturity: true,
        tickets: { path: 'ai', verified: 'true' },
        format: money,
        basis: `the claimed price for each of ${count(s.aiResolved)} AI resolutions, spread over the ${count(V)} that held up`,
      };
    }
    case 'savings': {
      const label = rate ? `Savings ${rate.per} (run-rate)` : 'Savings over the period';
      if (sv.verifiedSavings === null || sv.humanCostPerTicket === null) return none(label, noPrice, money);
      const iv = sv.intervals?.verifiedSavings ?? { low: sv.verifiedSavings, high: sv.verifiedSavings };
      return {
        label,
        recomputed: sv.claimedSavings === null ? null : sv.claimedSavings * pace,
        verified: sv.verifiedSavings * pace,
        low: iv.low * pace,
        high: iv.high * pace,
        pendingReach: P * sv.humanCostPerTicket * pace,
        notComparable: null,
        needsMaturity: true,
        tickets: { path: 'ai', verified: 'true' },
        format: money,
        basis: `verified savings${rate ? ` at this period's pace for ${rate.per} (× ${rate.days} / ${s.days} days)` : ''}, 95% interval${netOf(sv, pace, money)}`,
      };
    }
    case 'fte': {
      if (sv.fteEquivalent === null || sv.humanHoursAvoided === null || sv.claimedFteEquivalent === null) return none("Agents' work (FTE)", sv.humanCostPerTicket === null ? noPrice : 'the cost model has 0 hours per FTE', (x) => x.toFixed(1));
      const iv = sv.intervals?.fteEquivalent ?? { low: sv.fteEquivalent, high: sv.fteEquivalent };
      const perResolution = s.aiResolved > 0 ? sv.claimedFteEquivalent / s.aiResolved : 0; // one AI resolution at H, in FTE
      return {
        label: "Agents' work (FTE)",
        recomputed: sv.claimedFteEquivalent,
        verified: sv.fteEquivalent,
        low: iv.low,
        high: iv.high,
        pendingReach: P * perResolution,
        notComparable: null,
        needsMaturity: true,
        tickets: { path: 'ai', verified: 'true' },
        format: (x) => x.toFixed(1),
        basis: `FTE equivalent of the human hours durable AI resolutions avoided, at ${s.costModel.fteHoursPerMonth} productive hours per agent a month (the cost model), 95% interval`,
      };
    }
    case 'csat': {
      const c = s.byPath.ai.csat;
      if (f.unit === 'average_of_5') {
        if (c.average === null) return none('AI CSAT average', 'no customer rated an AI resolution in this period and scope', (x) => x.toFixed(2));
        return { label: 'AI CSAT average', recomputed: c.average, verified: c.average, low: c.average, high: c.average, pendingReach: 0, notComparable: null, needsMaturity: false, tickets: { path: 'ai', hasCsat: 'true' }, format: (x) => x.toFixed(2), basis: `the average score of ${c.responses} ratings of AI resolutions` };
      }
      if (c.top2Box === null) return none('AI CSAT top-2-box', 'no customer rated an AI resolution in this period and scope', pct);
      return { label: 'AI CSAT top-2-box', recomputed: c.top2Box, verified: c.top2Box, low: c.top2BoxLow, high: c.top2BoxHigh, pendingReach: 0, notComparable: null, needsMaturity: false, tickets: { path: 'ai', hasCsat: 'true' }, format: pct, basis: `ratings of 4-5 among ${c.responses} ratings of AI resolutions (95% Wilson interval)` };
    }
  }
}

/**
 * A scope value no ticket of the workspace has ever had (a typo: "Billingz"): said as such, with the
 * values there are, instead of "no AI-involved ticket in this period". Null when every value exists.
 */
export function scopeGap(claim: { channel?: string | null; category?: string | null }, known: { channels: readonly string[]; categories: readonly string[] }): string | null {
  const listed = (values: readonly string[]) => (values.length === 0 ? 'none yet' : values.length > 12 ? `${values.slice(0, 12).map(quotedIfNeeded).join(', ')} and ${values.length - 12} more` : values.map(quotedIfNeeded).join(', '));
  if (claim.channel && !known.channels.includes(claim.channel)) return `no ticket has channel "${claim.channel}" (the data's channels: ${listed(known.channels)})`;
  if (claim.category && !known.categories.includes(claim.category)) return `no ticket has category "${claim.category}" (the data's categories: ${listed(known.categories)})`;
  return null;
}

export function checkFigure(f: ClaimFigure, period: CheckSummary, money: (x: number) => string, gap: string | null = null): FigureCheck {
  const j = judgedOn(f, period);
  const s = j?.on ?? period;
  const whole = measure(f, period, money);
  // On the judged days, the naive number (recomputed) is still the whole period's.
  const judged = j ? { ...measure(f, s, money), recomputed: whole.recomputed } : null;
  if (judged && j) judged.basis += `, over ${j.days.from} to ${addDays(j.days.to, -1)}: the days judged so far (the last ${count(period.days - j.days.days)} are younger than 7 days)`;
  const m0 = judged ?? whole;
  const m = gap ? { ...m0, notComparable: gap } : m0;
  const claimed = f.value * unitFactor(f);
  const tol = statedPrecision(f.value) * unitFactor(f);
  const base = { figure: f, label: m.label, claimed, recomputed: m.recomputed, verified: m.verified, verifiedLow: m.low, verifiedHigh: m.high, tickets: m.tickets };
  const diff = m.verified === null ? null : claimed - m.verified;
  const diffPct = m.verified === null || m.verified === 0 ? null : (claimed - m.verified) / Math.abs(m.verified);
  const out = (verdict: ClaimVerdict, sentence: string): FigureCheck => ({ ...base, difference: diff, differencePercent: diffPct, verdict, sentence });
  if (m.notComparable) return out('not_comparable', `Not comparable: ${m.notComparable}.`);
  const stated = `The claim says ${m.format(claimed)}`;
  const P = s.pendingAiResolved;
  const lowerBetter = lowerFlatters(f);
  if (m.needsMaturity && P > 0 && P >= s.aiResolved / 2) {
    // Even if every maturing AI resolution holds up the total cannot reach the claim: that much is
    // already known (3,000 resolutions claimed of 2,235 in all read "not judged yet").
    if (m.verified !== null && m.pendingReach > 0) {
      const bound = lowerBetter ? (m.low ?? m.verified) - m.pendingReach : (m.high ?? m.verified) + m.pendingReach;
      const beyond = lowerBetter ? claimed + tol < bound : claimed - tol > bound;
      if (beyond) {
        const by = bound === 0 ? '' : ` by ${Math.abs(((claimed - bound) / bound) * 100).toFixed(0)}%`;
        return out('overstated', `Overstated${by}: ${stated}; even if all ${count(P)} AI resolutions still maturing hold up, the events reach ${m.format(bound)} (${m.basis}).`);
      }
    }
    return out('maturing', `Cannot be judged yet: ${count(P)} of ${count(s.aiResolved)} AI resolutions are younger than 7 days. ${stated}; so far ${m.format(m.verified ?? 0)} (${m.basis}).`);
  }
  if (m.verified === null) {
    return out('maturing', `Cannot be judged yet: ${stated}; no AI resolution has held up 7 days yet, ${count(P)} are still maturing.`);
  }
  const low = m.low ?? m.verified;
  const high = m.high ?? m.verified;
  // The range if every AI resolution still maturing holds up: totals grow, a cost per resolution falls.
  const reachLow = lowerBetter ? low - m.pendingReach : low;
  const reachHigh = lowerBetter ? high : high + m.pendingReach;
  const overlaps = (a: number, b: number) => claimed + tol >= a && claimed - tol <= b;
  const measured = `the events say ${m.format(m.verified!)}${low !== high ? ` (${m.format(low)} to ${m.format(high)})` : ''}: ${m.basis}`;
  if (overlaps(low, high)) return out('holds', `Holds: ${stated}; ${measured}.`);
  if (overlaps(reachLow, reachHigh)) {
    return out('maturing', `Cannot be judged yet: ${stated}; ${measured}. It holds only if enough of the ${count(P)} AI resolutions still maturing hold up.`);
  }
  const better = lowerBetter ? claimed < reachLow : claimed > reachHigh;
  const by = diffPct === null ? '' : ` by ${Math.abs(diffPct * 100).toFixed(0)}%`;
  return better ? out('overstated', `Overstated${by}: ${stated}; ${measured}.`) : out('understated', `Understated${by}: ${stated}; ${measured}.`);
}

/** A claim's overall verdict: any figure overstated makes it overstated; then not judged yet; then holds. */
export function overallVerdict(checks: readonly FigureCheck[]): { verdict: ClaimVerdict; sentence: string } {
  const n = (v: ClaimVerdict) => checks.filter((c) => c.verdict === v).length;
  const parts = (['overstated', 'maturing', 'understated', 'holds', 'not_comparable'] as const).filter((v) => n(v) > 0).map((v) => `${n(v)} ${VERDICT_WORDS[v]}`);
  const sentence = checks.length === 0 ? 'The claim states no figure to check.' : `${checks.length} figure${checks.length === 1 ? '' : 's'}: ${parts.join(', ')}.`;
  if (checks.length === 0 || n('not_comparable') === checks.length) return { verdict: 'not_comparable', sentence };
  if (n('overstated') > 0) return { verdict: 'overstated', sentence };
  if (n('maturing') > 0) return { verdict: 'maturing', sentence };
  if (n('holds') === 0) return { verdict: 'understated', sentence };
  return { verdict: 'holds', sentence };
}

export const VERDICT_WORDS: Record<ClaimVerdict, string> = {
  holds: 'holds',
  overstated: 'overstated',
  understated: 'understated',
  maturing: 'not judged yet',
  not_comparable: 'not comparable',
};

/** Where the claim's period stands at asOf: its days, and the complete days of it that are over. */
export interface PeriodSoFar {
  from: string;
  to: string;
  days: number;
  /** Complete local days of the period before asOf's local date (0 when it has not begun). */
  daysOver: number;
}

/** A figure that adds up over the period: the days still to come change it. */
const isTotal = (f: ClaimFigure) => f.kind === 'aiResolutions' || (f.kind === 'savings' && f.unit === 'money_per_period');
/** A total the days to come can only raise: durable AI resolutions (savings can fall: each day adds AI cost). */
const onlyGrows = (f: ClaimFigure) => f.kind === 'aiResolutions';

/**
 * A check read over the part of the period that is over (the service reads the summary of those
 * days only). Before a complete day of it: nothing to check. A total is not judged while days
 * remain (a claim for next quarter read "overstated: 0 resolutions"; one met so far will likely be
 * passed), except a count of resolutions the events already exceed: it can only grow, so it stays
 * understated. A rate, a time or a run-rate is judged on the days so far, and says so.
 */
export function checkSoFar(check: FigureCheck, f: ClaimFigure, p: PeriodSoFar, lastDay: string): FigureCheck {
  if (p.daysOver >= p.days) return check;
  const runs = `the period runs to ${lastDay} and ${p.daysOver.toLocaleString('en-US')} of its ${p.days.toLocaleString('en-US')} days are over`;
  if (p.daysOver === 0) {
    return { ...check, recomputed: null, verified: null, verifiedLow: null, verifiedHigh: null, difference: null, differencePercent: null, verdict: 'not_comparable', sentence: `Not comparable yet: the period begins ${p.from} and no day of it is over.` };
  }
  if (check.verdict === 'not_comparable') return { ...check, sentence: `${check.sentence} (So far: ${runs}.)` };
  if (isTotal(f) && !(check.verdict === 'understated' && onlyGrows(f))) {
    const so = check.verdict === 'holds' ? 'So far the events reach it' : 'So far';
    return { ...check, verdict: 'maturing', sentence: `Cannot be judged yet: ${runs}. ${so}: ${check.sentence.replace(/^[^:]*: /, '')}` };
  }
  return { ...check, sentence: `${check.sentence} So far: ${runs}.` };
}
