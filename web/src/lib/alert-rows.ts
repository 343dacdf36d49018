import type { AlertRow } from '../../../server/src/contract';

export interface AlertRowView {
  id: string;
  when: string;
  where: string;
  summary: string;
  effect: string;
  ticketsHref: string;
}

/** Shapes alerts for the list: newest first, with the API query of the tickets behind each. */
export function alertRows(alerts: readonly AlertRow[]): AlertRowView[] {
  return [...alerts]
    .sort((a, b) => (a.detectedOn < b.detectedOn ? 1 : a.detectedOn > b.detectedOn ? -1 : 0))
    .map((a) => ({
      id: a.id,
      when: a.startedOn === a.detectedOn ? a.detectedOn : `${a.startedOn} → ${a.detectedOn}`,
      where: `${a.path} · ${a.segment === 'all' ? 'all tickets' : a.segment.replace(':', ' ')}`,
      summary: a.details.summary,
      effect: a.details.effectSizeKind === 'cohens-h' ? `h = ${a.details.effectSize.toFixed(2)}` : `× ${a.details.effectSize.toFixed(2)}`,
      ticketsHref: `/tickets?${new URLSearchParams(a.details.drillDown).toString()}`,
    }));
}
