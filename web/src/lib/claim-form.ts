// The claim form's state: text as typed, turned into a ClaimInput (numbers parsed here; every
// other rule is the API's, whose messages name the field). Pure.
import { CLAIM_UNITS } from '../../../server/src/contract';
import type { Claim, ClaimFigureKind, ClaimInput, ClaimSourceKind } from '../../../server/src/contract';
import { parseClaimValue } from './claim-value';

export interface FigureDraft {
  kind: ClaimFigureKind;
  value: string;
  unit: string;
  who: 'ai' | 'human';
  stat: 'mean' | 'median';
  note: string;
}

export interface ClaimDraft {
  title: string;
  sourceKind: ClaimSourceKind;
  sourceRef: string;
  from: string;
  to: string;
  tz: string;
  channel: string;
  category: string;
  figures: FigureDraft[];
}

export const FIGURE_KINDS: { kind: ClaimFigureKind; label: string }[] = [
  { kind: 'aiResolutions', label: 'AI resolutions (count)' },
  { kind: 'aiResolutionRate', label: 'AI resolution rate' },
  { kind: 'automationRate', label: 'Automation rate' },
  { kind: 'handleTime', label: 'Handle time' },
  { kind: 'costPerAiResolution', label: 'Cost per AI resolution' },
  { kind: 'savings', label: 'Savings' },
  { kind: 'fte', label: "Agents' work (FTE)" },
  { kind: 'csat', label: 'CSAT' },
];

export const UNIT_LABELS: Record<string, string> = {
  resolutions: 'resolutions',
  percent: '%',
  fraction: 'fraction (0-1)',
  seconds: 'seconds',
  minutes: 'minutes',
  hours: 'hours',
  money: 'money (cost model currency)',
  money_per_period: 'money over the period',
  money_per_month: 'money a month',
  money_per_year: 'money a year',
  agents: 'agents (FTE)',
  top2_percent: '% rating 4-5',
  average_of_5: 'average of 1-5',
};

export const unitsOf = (kind: ClaimFigureKind): readonly string[] => CLAIM_UNITS[kind];

export const newFigure = (kind: ClaimFigureKind = 'aiResolutions'): FigureDraft => ({ kind, value: '', unit: CLAIM_UNITS[kind][0], who: 'ai', stat: 'median', note: '' });

/**
 * What the form says about a period that is not over at `today` (the claim's zone's date): the
 * check reads only its complete days (server claim-verdicts.ts checkSoFar). Null for a past period
 * or dates not entered yet.
 */
export function periodHint(d: Pick<ClaimDraft, 'from' | 'to'>, today: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.from) || !/^\d{4}-\d{2}-\d{2}$/.test(d.to) || d.to <= d.from || d.to <= today) return null;
  if (d.from >= today) return `This period has not begun (today is ${today}): the claim is kept, and checked once its days are over.`;
  return `This period is not over (today is ${today}): rates and times are checked on its days so far; totals are not judged until it ends, unless already reached.`;
}

export function emptyDraft(from: string, to: string, tz: string): ClaimDraft {
  return { title: '', sourceKind: 'vendor_report', sourceRef: '', from, to, tz, channel: '', category: '', figures: [newFigure()] };
}

export function draftOf(c: Claim): ClaimDraft {
  return {
    title: c.title,
    sourceKind: c.source.kind,
    sourceRef: c.source.ref ?? '',
    from: c.from,
    to: c.to,
    tz: c.tz,
    channel: c.channel ?? '',
    category: c.category ?? '',
    figures: c.figures.map((f) => ({ kind: f.kind, value: String(f.value), unit: f.unit, who: f.who ?? 'ai', stat: f.stat ?? 'median', note: f.note ?? '' })),
  };
}

/** The draft as the API takes it, or what is wrong with its numbers ("figure 2: value ..."). */
export function inputOf(d: ClaimDraft, currency: string): { input: ClaimInput } | { errors: string[] } {
  const errors: string[] = [];
  const figures = d.figures.map((f, i) => {
    const read = parseClaimValue(f.value, f.unit, currency);
    if ('error' in read) errors.push(`figure ${i + 1}: ${read.error}`);
    const value = 'value' in read ? read.value : NaN;
    return { kind: f.kind, value, unit: f.unit, ...(f.kind === 'handleTime' ? { who: f.who, stat: f.stat } : {}), ...(f.note.trim() ? { note: f.note.trim() } : {}) };
  });
  // What the form can tell before the server does (the server checks everything again).
  if (!d.title.trim()) errors.unshift('Title: say where the claim comes from, e.g. "Vendor QBR, March"');
  else if (d.title.trim().length > 200) errors.unshift(`Title: at most 200 characters (this one has ${d.title.trim().length})`);
  if (d.from && d.to && d.to <= d.from) errors.push(`To (exclusive) must be after From: ${d.from} to ${d.to} holds no day`);
  if (errors.length) return { errors };
  return {
    input: {
      title: d.title.trim(),
      source: { kind: d.sourceKind, ...(d.sourceRef.trim() ? { ref: d.sourceRef.trim() } : {}) },
      from: d.from,
      to: d.to,
      tz: d.tz.trim(),
      ...(d.channel.trim() ? { channel: d.channel.trim() } : {}),
      ...(d.category.trim() ? { category: d.category.trim() } : {}),
      figures,
    },
  };
}

/**
 * The server's problems in the form's words: "figures[1].value: …" is "figure 2, value: …" (the
 * form numbers figures from 1), one line each.
 */
export function formProblems(message: string): string[] {
  return message
    .split('; ')
    .filter((m) => m.trim())
    .map((m) => m.replace(/^figures\[(\d+)\]\.?([a-zA-Z]*)/, (_all, i: string, field: string) => `figure ${Number(i) + 1}${field ? `, ${field}` : ''}`));
}
