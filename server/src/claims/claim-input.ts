// A claim's figures and source, checked field by field with a message that names the field
// (the DTO checks the plain fields). Pure.
import { CLAIM_SOURCE_KINDS, CLAIM_UNITS, ClaimFigure, ClaimFigureKind, ClaimInput } from '../contract';
import { daysBetween } from '../stats/time-range';

export const MAX_FIGURES = 20;
const KINDS = Object.keys(CLAIM_UNITS) as ClaimFigureKind[];

/** The problems of a claim, each "field: what is wrong" (empty when it is fine). */
export function claimProblems(c: ClaimInput): string[] {
  const out: string[] = [];
  const days = daysBetween(c.from, c.to);
  if (days <= 0) out.push(`to: must be after from (got from=${c.from}, to=${c.to}; to is exclusive)`);
  if (days > 5 * 366) out.push(`to: a claim may span at most 5 years, got ${days} days`);
  const src = c.source as unknown as Record<string, unknown>;
  if (!CLAIM_SOURCE_KINDS.includes(src.kind as never)) out.push(`source.kind: must be one of ${CLAIM_SOURCE_KINDS.join(', ')}`);
  if (src.ref !== undefined && (typeof src.ref !== 'string' || src.ref.length > 2000)) out.push('source.ref: a link or a note, up to 2,000 characters');
  for (const k of Object.keys(src)) if (k !== 'kind' && k !== 'ref') out.push(`source.${k}: unknown field; use kind and ref`);
  if (c.figures.length === 0) out.push('figures: a claim states at least one figure');
  if (c.figures.length > MAX_FIGURES) out.push(`figures: at most ${MAX_FIGURES}`);
  c.figures.forEach((f, i) => out.push(...figureProblems(f, `figures[${i}]`)));
  return out;
}

function figureProblems(raw: ClaimFigure, at: string): string[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return [`${at}: must be an object {kind, value, unit}`];
  const f = raw as unknown as Record<string, unknown>;
  const out: string[] = [];
  for (const k of Object.keys(f)) if (!['kind', 'value', 'unit', 'who', 'stat', 'note'].includes(k)) out.push(`${at}.${k}: unknown field`);
  if (!KINDS.includes(f.kind as ClaimFigureKind)) return [...out, `${at}.kind: must be one of ${KINDS.join(', ')}`];
  const kind = f.kind as ClaimFigureKind;
  if (typeof f.value !== 'number' || !Number.isFinite(f.value)) out.push(`${at}.value: must be a number`);
  else if (f.value < 0) out.push(`${at}.value: must be ≥ 0 (got ${f.value})`);
  else if ((f.unit === 'percent' || f.unit === 'top2_percent') && f.value > 100) out.push(`${at}.value: a percentage is at most 100 (got ${f.value})`);
  else if (f.unit === 'fraction' && f.value > 1) out.push(`${at}.value: a fraction is at most 1 (got ${f.value}); for a percentage use unit "percent"`);
  else if (f.unit === 'average_of_5' && (f.value < 1 || f.value > 5)) out.push(`${at}.value: an average score is between 1 and 5 (got ${f.value})`);
  // A count of resolutions is whole: 12.5 was stored, shown as 13 and checked as 12.5.
  else if (f.unit === 'resolutions' && !Number.isInteger(f.value)) out.push(`${at}.value: a number of resolutions is a whole number (got ${f.value})`);
  else if (f.value > 1e15) out.push(`${at}.value: at most 10^15 (got ${f.value})`);
  if (f.unit === undefined) out.push(`${at}.unit: required for ${kind}: ${CLAIM_UNITS[kind].join(' or ')}`);
  else if (!CLAIM_UNITS[kind].includes(f.unit as string)) out.push(`${at}.unit: "${String(f.unit)}" is not a unit of ${kind}; use ${CLAIM_UNITS[kind].join(' or ')}`);
  if (kind === 'handleTime') {
    if (f.who !== 'ai' && f.who !== 'human') out.push(`${at}.who: required for handleTime: ai or human`);
    if (f.stat !== 'mean' && f.stat !== 'median') out.push(`${at}.stat: required for handleTime: mean or median`);
  } else {
    if (f.who !== undefined) out.push(`${at}.who: only for handleTime`);
    if (f.stat !== undefined) out.push(`${at}.stat: only for handleTime`);
  }
  if (f.note !== undefined && (typeof f.note !== 'string' || f.note.length > 500)) out.push(`${at}.note: text up to 500 characters`);
  return out;
}
