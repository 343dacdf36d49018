// Shapes a summary into what the overview shows: headline cards and the claimed-vs-verified bars.
import type { Deltas, Interval, JudgedDays, PeriodCoverage, Summary } from '../../../server/src/contract';
import { formatChange, formatCount, formatDuration, formatInterval, formatMoney, formatNumber, formatPoints, formatRate, moneyScale } from './format';
import { NOT_JUDGED, judgedAiTickets, mostlyMaturing } from './maturity';
import { partialMark } from './coverage';
import { addDays, daysBetween } from './date-range';

/** An FTE figure: two decimals under one agent ("0.04", not "0.0 (≈0.0 to 0.0)"), else one. */
export const formatFte = (v: number | null | undefined): string => formatNumber(v, v !== null && v !== undefined && Math.abs(v) < 1 ? 2 : 1);

/**
 * Why nothing prices the AI's work in this range, said the same way on every page. Human tickets
 * imported without handle time are resolved but not priced: "no human-resolved ticket" was wrong for them.
 */
export function noBaselineReason(s: Pick<Summary, 'handleTimeUnrecorded'>): string {
  return s.handleTimeUnrecorded > 0
    ? `no human handle time recorded: ${formatCount(s.handleTimeUnrecorded)} resolved ticket${s.handleTimeUnrecorded === 1 ? ' was' : 's were'} imported with elapsed times only, which are not priced as work (docs/IMPORT.md, handleTime)`
    : 'no human-resolved ticket in this range prices the work';
}

export interface Card {
  key: string;
  label: string;
  value: string;
  detail: string;
  tone?: 'good' | 'warn';
  /** Change against the comparison period, when the summary has one. */
  delta?: string;
  /** The dates its figure is of, when not the view's (the judged days): its tickets link lists those. */
  dates?: { from: string; to: string };
}

/** The changes the cards show (a slice of the contract's deltas, so tests can give only these). */
export type SummaryDeltas = Pick<Deltas, 'tickets' | 'involvementRate' | 'verifiedAiResolutionRate'> & { savings: Pick<Deltas['savings'], 'verifiedSavings' | 'roi' | 'fteEquivalent'> };

export function cardDeltas(d: SummaryDeltas, currency: string, like = 0): Record<string, string> {
  const out: Record<string, string> = {};
  const pt = (v: number | null) => (v === null ? null : formatPoints(v));
  if (d.tickets !== null) out.tickets = formatChange(d.tickets, (a) => a.toLocaleString('en-US'));
  const inv = pt(d.involvementRate);
  if (inv) out.involvement = inv;
  const ver = pt(d.verifiedAiResolutionRate);
  if (ver) out.resolution = `verified ${ver}`;
  if (d.savings.verifiedSavings !== null) out.savings = `verified ${formatChange(d.savings.verifiedSavings, (a) => formatMoney(a, currency, like))}`;
  if (d.savings.roi !== null) out.roi = formatChange(d.savings.roi, (a) => `${a.toFixed(1)}×`);
  if (d.savings.fteEquivalent !== null) out.fte = formatChange(d.savings.fteEquivalent, (a) => a.toFixed(1));
  return out;
}

/** The cards whose figures are verified ones: no change shown while the population is mostly maturing. */
const VERIFIED_CARDS = ['resolution', 'savings', 'roi', 'fte'];

export type CardSummary = Summary & { judgedDays?: JudgedDays };

export function summaryCards(s: CardSummary & { deltas?: SummaryDeltas; comparison?: { tickets: number; coverage?: PeriodCoverage; judgedDays?: JudgedDays } }, currency: string, vs = 'vs previous period'): Card[] {
  // A comparison without a ticket (before the data starts: year to date, a year earlier) is no
  // baseline: "+63,208" against nothing reads as growth.
  if (s.comparison && s.comparison.tickets === 0) {
    return summaryCardsOnly(s, currency).map((c) => (c.key === 'tickets' ? { ...c, delta: `no tickets to compare with (${vs.replace(/^vs /, '')})` } : c));
  }
  // A comparison period partly before the data: each change says so (the page's note says why).
  const mark = partialMark(s.comparison?.coverage);
  const against = mark ? `${vs} (${mark})` : vs;
  const changes = s.deltas ? cardDeltas(s.deltas, currency, moneyScale([s.savings.claimedSavings, s.savings.verifiedSavings])) : {};
  if (mostlyMaturing(s)) for (const k of VERIFIED_CARDS) delete changes[k];
  // A card on its judged days changes against the comparison's judged days (at the same age), or
  // not at all: the whole ranges' change beside a judged-days rate would not be of that rate.
  if (judgedRate(s)) {
    const now = s.judgedDays!.verifiedAiResolutionRate;
    const then = s.comparison?.judgedDays && judgedAiTickets(s.comparison.judgedDays) > 0 ? s.comparison.judgedDays.verifiedAiResolutionRate : null;
    if (now !== null && then !== null) changes.resolution = `verified ${formatPoints(now - then)}`;
    else delete changes.resolution;
  }
  return summaryCardsOnly(s, currency).map((c) => (changes[c.key] ? { ...c, delta: `${changes[c.key]} ${against}` } : c));
}

function summaryCardsOnly(s: CardSummary, currency: string): Card[] {
  const ai = s.byPath.ai;
  const human = s.byPath.human;
  const gap = s.savings.claimedSavings !== null && s.savings.verifiedSavings !== null ? s.savings.claimedSavings - s.savings.verifiedSavings : null;
  const early = mostlyMaturing(s);
  const iv = s.savings.intervals;
  const approx = iv?.approximate ?? false;
  // The card's figures to one precision (the largest's): "$543.43 of the claim gone" under "$2,244 → $1,701".
  const money = (v: number) => formatMoney(v, currency, moneyScale([s.savings.claimedSavings, s.savings.verifiedSavings]));
  return [
    { key: 'tickets', label: 'Tickets', value: formatCount(s.tickets), detail: `${formatCount(s.resolved)} resolved` },
    {
      key: 'involvement',
      label: 'AI involvement',
      value: formatRate(s.involvementRate),
      detail:
        s.aiInvolved === 0 && s.tickets > 0
          ? 'no ticket involves the AI: data imported without AI attribution counts every ticket as human (docs/IMPORT.md: --ai-ids)'
          : `automation ${formatRate(s.automationRate)} (${formatCount(s.aiResolved)} of ${formatCount(s.tickets)})`,
    },
    resolutionCard(s, early),
    {
      key: 'savings',
      label: 'Savings: claimed vs verified',
      value: `${money(s.savings.claimedSavings ?? NaN)} → ${early ? NOT_JUDGED : money(s.savings.verifiedSavings ?? NaN)}`,
      detail:
        gap === null
          ? noBaselineReason(s)
          : `${early || !iv?.verifiedSavings ? '' : `95%: ${formatInterval(iv.verifiedSavings, money, approx)}; `}${savingsGap(gap, s, currency)}${early ? '' : netNote(s, currency)}`,
      tone: 'warn',
    },
    { key: 'roi', label: 'ROI (verified)', value: early ? NOT_JUDGED : s.savings.roi === null ? '—' : `${formatNumber(s.savings.roi, 1)}×`, detail: `AI cost ${formatMoney(s.savings.aiCost, currency)}${early || !iv?.roi ? '' : `; 95%: ${formatInterval(iv.roi, (v) => `${formatNumber(v, 1)}×`, approx)}`}` },
    {
      key: 'fte',
      label: 'FTE equivalent (verified)',
      value: early ? NOT_JUDGED : formatFte(s.savings.fteEquivalent),
      // Mostly maturing: the hours avoided so far are as early as the FTE (27 hours beside "not judged yet" read as a result).
      detail: `${early ? 'human hours avoided not judged yet' : `${formatNumber(s.savings.humanHoursAvoided, 0)} human hours avoided`}${early || !iv?.fteEquivalent ? '' : ` (95%: ${formatInterval(iv.fteEquivalent, formatFte, approx)} FTE)`}; the claim: ${formatFte(s.savings.claimedFteEquivalent)} FTE`,
    },
    {
      key: 'handle',
      label: 'Handle time AI vs human (median)',
      value: `${formatDuration(ai.handleSeconds.median)} vs ${formatDuration(human.handleSeconds.median)}`,
      detail: `of ${formatCount(ai.resolved)} vs ${formatCount(human.resolved)} resolved; resolution ${formatDuration(ai.resolutionSeconds.median)} vs ${formatDuration(human.resolutionSeconds.median)}${s.handleTimeUnrecorded > 0 ? `; handle time not recorded for ${formatCount(s.handleTimeUnrecorded)} imported tickets` : ''}`,
    },
    {
      key: 'csat',
      label: 'CSAT top-2-box AI vs human',
      value: `${formatRate(ai.csat.top2Box, 0)} vs ${formatRate(human.csat.top2Box, 0)}`,
      // No rating: said, not "AI —–— (n=0)".
      // Each side with its interval and n (the human side had only its n).
      detail: `${csatSide('AI', ai.csat)}, ${csatSide('human', human.csat)}`,
    },
  ];
}

/**
 * The claim's gap, split: AI resolutions younger than 7 days are not judged yet (priced as the claim
 * prices them); the rest is what the checks take away (reopened, came back, priced like for like,
 * AI cost).
 */
export function savingsGap(gap: number, s: Pick<Summary, 'pendingAiResolved' | 'savings'>, currency: string): string {
  const notJudged = s.pendingAiResolved * (s.savings.humanCostPerTicket ?? 0);
  const failed = gap - notJudged;
  const like = moneyScale([s.savings.claimedSavings, s.savings.verifiedSavings]);
  const parts = [`${formatMoney(failed, currency, like)} of the claim gone after the checks (reopened, came back, like-for-like price, AI cost)`];
  if (s.pendingAiResolved > 0) parts.push(`${formatMoney(notJudged, currency, like)} not judged yet (${formatCount(s.pendingAiResolved)} still maturing)`);
  return parts.join('; ');
}

/** Net of the handoff tax and fixed costs (when there are any), with its interval, and the yearly pace. */
export function netNote(s: Pick<Summary, 'savings'>, currency: string): string {
  const sv = s.savings;
  if (sv.netSavings === null || sv.netSavings === undefined) return '';
  const money = (v: number) => formatMoney(v, currency, moneyScale([sv.claimedSavings, sv.verifiedSavings]));
  const year = sv.netSavingsPerYear === null ? '' : ` (${money(sv.netSavingsPerYear)} a year at this pace)`;
  const taken = [
    sv.handoff && sv.handoff.extraHumanCost ? `${money(sv.handoff.extraHumanCost)} handoff tax` : null,
    sv.fixedCosts !== null && sv.fixedCosts > 0 ? `${money(sv.fixedCosts)} fixed costs` : null,
  ].filter((x): x is string => x !== null);
  if (taken.length === 0) return `; ${money(sv.netSavingsPerYear ?? NaN)} a year at this pace`;
  const ivText = sv.intervals?.netSavings ? ` (95%: ${formatInterval(sv.intervals.netSavings, money, sv.intervals.approximate)})` : '';
  return `; net of ${taken.join(' and ')}: ${money(sv.netSavings)}${ivText}${year}`;
}

export interface SavingsBar {
  name: string;
  value: number;
}

/** Claimed savings, what the checks take away, and what is left (null-safe: missing bars are dropped). */
export function savingsBars(s: Summary): SavingsBar[] {
  // Without a human baseline nothing prices the AI's work: a lone AI-cost bar would read as the answer.
  if (s.savings.claimedSavings === null) return [];
  const bars: SavingsBar[] = [{ name: 'Claimed', value: s.savings.claimedSavings }];
  bars.push({ name: 'AI cost', value: -s.savings.aiCost });
  // Mostly maturing: no verified bar (an early sample drawn as a loss), the cards say why.
  if (s.savings.verifiedSavings !== null && !mostlyMaturing(s)) bars.push({ name: 'Verified', value: s.savings.verifiedSavings });
  return bars;
}

/** A rate's 95% interval from its two bounds; null without one. */
export const intervalOf = (low: number | null | undefined, high: number | null | undefined): Interval | null => (low === null || low === undefined ? null : { low, high: high ?? low });

/**
 * The range's judged days, when it has some that judged anything (summary.judgedDays): their
 * verified rate, its interval, and the words for them and for the days not judged yet. Null
 * otherwise. The overview's card and the Savings audit's row say the same.
 */
export function judgedRate(s: CardSummary): { days: JudgedDays; interval: Interval | null; over: string; young: string } | null {
  const j = s.judgedDays;
  if (!j || judgedAiTickets(j) <= 0) return null;
  return {
    days: j,
    interval: intervalOf(j.verifiedAiResolutionRateLow, j.verifiedAiResolutionRateHigh),
    over: `over the ${formatCount(j.days)} days judged so far (${j.from} to ${addDays(j.to, -1)}): ${formatCount(j.verifiedAiResolved)} durable of ${formatCount(judgedAiTickets(j))} AI-involved tickets`,
    young: `the last ${formatCount(daysBetween(j.to, s.to))} days' ${formatCount(s.aiInvolved - j.aiInvolved)} AI-involved tickets are not judged yet (${formatCount(s.pendingAiResolved)} AI resolutions still maturing)`,
  };
}

/**
 * The claimed-vs-verified resolution card. A range read within 7 days of its end is judged on its
 * judged days (summary.judgedDays): over the whole range its youngest days' escalations count at
 * once and their AI resolutions only after 7 days, so the verified rate read low (the demo's last
 * 30 days: 53.7% against 58.1% over its 23 judged days, intervals apart).
 */
export function resolutionCard(s: CardSummary, early: boolean): Card {
  const rateIv = intervalOf(s.verifiedAiResolutionRateLow, s.verifiedAiResolutionRateHigh);
  const jr = judgedRate(s);
  if (jr) {
    return {
      key: 'resolution',
      label: 'AI resolution: claimed vs verified',
      value: `${formatRate(jr.days.aiResolutionRate)} → ${formatRate(jr.days.verifiedAiResolutionRate)}`,
      detail: `${jr.over}${jr.interval ? `; 95%: ${formatInterval(jr.interval, (v) => formatRate(v))}` : ''}; ${jr.young}`,
      tone: 'warn',
      dates: { from: jr.days.from, to: jr.days.to },
    };
  }
  return {
    key: 'resolution',
    label: 'AI resolution: claimed vs verified',
    value: `${formatRate(s.aiResolutionRate)} → ${early ? NOT_JUDGED : formatRate(s.verifiedAiResolutionRate)}`,
    detail: `${formatCount(s.verifiedAiResolved)} durable of ${formatCount(judgedAiTickets(s))} AI-involved tickets judged; ${formatCount(s.pendingAiResolved)} still maturing${early || !rateIv ? '' : `; 95%: ${formatInterval(rateIv, (v) => formatRate(v))}`}`,
    tone: 'warn',
  };
}

/** One side of the CSAT card: "AI 65%–69% (n=1,992)", or that it has no ratings. */
function csatSide(who: string, c: { responses: number; top2BoxLow: number | null; top2BoxHigh: number | null }): string {
  if (c.responses === 0) return `${who}: no ratings`;
  return c.top2BoxLow === null || c.top2BoxHigh === null ? `${who} n=${formatCount(c.responses)}` : `${who} ${formatRate(c.top2BoxLow, 0)}–${formatRate(c.top2BoxHigh, 0)} (n=${formatCount(c.responses)})`;
}
