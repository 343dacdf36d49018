// The category x channel table of the quality page: one cell per pair, worst cells marked.
import type { Breakdown } from '../api/useBreakdownQuery';

export interface GridCell {
  value: number | null;
  n: number;
  worst: boolean;
}

export interface QualityGrid {
  channels: string[];
  categories: string[];
  cells: Record<string, Record<string, GridCell>>;
}

/**
 * From one category breakdown per channel: the AI path's CSAT top-2-box per (category, channel),
 * with the worst quarter of cells that have at least `minN` answers marked.
 */
export function qualityGrid(byChannel: Record<string, Breakdown>, minN = 10): QualityGrid {
  const channels = Object.keys(byChannel).sort();
  const categories = [...new Set(channels.flatMap((c) => byChannel[c].segments.map((s) => s.key)))].sort();
  const cells: QualityGrid['cells'] = {};
  const judged: GridCell[] = [];
  for (const cat of categories) {
    cells[cat] = {};
    for (const ch of channels) {
      const s = byChannel[ch].segments.find((x) => x.key === cat);
      const cell: GridCell = { value: s?.byPath.ai.csat.top2Box ?? null, n: s?.byPath.ai.csat.responses ?? 0, worst: false };
      cells[cat][ch] = cell;
      if (cell.value !== null && cell.n >= minN) judged.push(cell);
    }
  }
  const sorted = [...judged].sort((a, b) => a.value! - b.value!);
  for (const c of sorted.slice(0, Math.ceil(sorted.length / 4))) c.worst = true;
  return { channels, categories, cells };
}
