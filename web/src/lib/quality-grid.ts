// The category x channel table of the quality page: one cell per pair, worst cells marked.
import type { LeanBreakdownResponse } from '../../../server/src/contract';

export interface GridCell {
  value: number | null;
  n: number;
  worst: boolean;
}

export interface QualityGrid {
  channels: string[];
  categories: string[];
  /** cells[category][channel]; a pair with no ticket has no cell. */
  cells: Record<string, Record<string, GridCell | undefined>>;
  /** The answer stopped at its limit: pairs without a cell may have tickets after all. */
  truncated: boolean;
}

/**
 * From one two-column breakdown (by=category,channel): the AI path's CSAT top-2-box per pair,
 * with the worst quarter of cells that have at least `minN` answers marked.
 */
export function qualityGrid(b: Pick<LeanBreakdownResponse, 'segments' | 'limit'>, minN = 10): QualityGrid {
  const cells: QualityGrid['cells'] = {};
  const channels = new Set<string>();
  const judged: GridCell[] = [];
  for (const s of b.segments) {
    const category = s.values.category;
    const channel = s.values.channel;
    if (category === undefined || channel === undefined) continue;
    channels.add(channel);
    const cell: GridCell = { value: s.byPath.ai.csat.top2Box, n: s.byPath.ai.csat.responses, worst: false };
    (cells[category] ??= {})[channel] = cell;
    if (cell.value !== null && cell.n >= minN) judged.push(cell);
  }
  const sorted = [...judged].sort((x, y) => x.value! - y.value!);
  for (const c of sorted.slice(0, Math.ceil(sorted.length / 4))) c.worst = true;
  return { channels: [...channels].sort(), categories: Object.keys(cells).sort(), cells, truncated: b.segments.length >= b.limit };
}
