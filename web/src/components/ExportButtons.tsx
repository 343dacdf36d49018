import { useState } from 'react';
import { scopedPath } from '../api/workspace-scope';
import { getToken } from '../auth/token-store';
import { useCostModelQuery } from '../api/useCostModelQuery';
import { exportCaption, exportFileName, saveBlob, svgToPng } from '../lib/export';

interface Props {
  name: string;
  /** API path and parameters whose CSV is the data behind this view. */
  csv?: { path: string; params: Record<string, string | undefined> };
  /** The element holding the chart's SVG, for PNG. */
  chart?: () => HTMLElement | null;
  /** CSV made here from what the chart shows (its steps), instead of the API's rows; wins over `csv` for the CSV button. */
  table?: () => string;
}

/** CSV (from the API, same rows and filters as the JSON) and PNG (the chart as drawn). */
export function ExportButtons({ name, csv, chart, table }: Props) {
  const [problem, setProblem] = useState<string | null>(null);
  // The cost assumptions for the PNG's header (the cost model is cached app-wide).
  const stored = useCostModelQuery().data;
  const downloadCsv = async () => {
    if (table) return saveBlob(new Blob([table()], { type: 'text/csv;charset=utf-8' }), exportFileName(name, csv?.params ?? {}, 'csv'));
    if (!csv) return;
    const q = new URLSearchParams(Object.entries({ ...csv.params, format: 'csv' }).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
    const res = await fetch(`${scopedPath(csv.path)}?${q.toString()}`, { headers: { authorization: `Bearer ${getToken() ?? ''}` } });
    if (!res.ok) return setProblem(`CSV export failed: ${res.status}`);
    saveBlob(await res.blob(), exportFileName(name, csv.params, 'csv'));
  };
  const downloadPng = async () => {
    // The chart itself, not a legend icon (those are svg.recharts-surface too).
    const svg = chart?.()?.querySelector('.recharts-wrapper > svg') as SVGSVGElement | null;
    if (!svg) return setProblem('nothing to export yet');
    const title = name.charAt(0).toUpperCase() + name.slice(1);
    saveBlob(await svgToPng(svg, exportCaption(title, csv?.params ?? {}, stored)), exportFileName(name, csv?.params ?? {}, 'png'));
  };
  return (
    <span className="exports">
      {(csv || table) && (
        <button type="button" onClick={() => void downloadCsv()} aria-label={`Download ${name} as CSV`}>
          CSV
        </button>
      )}
      {chart && (
        <button type="button" onClick={() => void downloadPng().catch((e: Error) => setProblem(e.message))} aria-label={`Download ${name} as PNG`}>
          PNG
        </button>
      )}
      {problem && (
        <span role="alert" className="state-error">
          {problem}
        </span>
      )}
    </span>
  );
}
