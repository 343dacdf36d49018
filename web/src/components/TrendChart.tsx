import { useRef } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatRate } from '../lib/format';
import type { TrendRow } from '../lib/quality-series';
import { TOOLTIP_THEME } from './chart-theme';
import { ExportButtons } from './ExportButtons';
import { bucketClick } from './chart-click';

/** AI share of tickets and verified AI resolution over time; takes shaped rows, never fetches. */
export function TrendChart({ rows, csv, onPoint }: { rows: TrendRow[]; csv: { path: string; params: Record<string, string | undefined> }; onPoint?: (bucket: string) => void }) {
  const ref = useRef<HTMLElement>(null);
  return (
    <figure className="chart" aria-label="AI share and verified resolution over time" ref={ref}>
      <figcaption>
        <strong>AI share and verified AI resolution, weekly</strong>
        <ExportButtons name="AI share and verified resolution" csv={csv} chart={() => ref.current} />
      </figcaption>
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 4, left: 8 }} {...bucketClick(onPoint)}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="bucket" minTickGap={24} />
          <YAxis tickFormatter={(v: number) => formatRate(v, 0)} width={48} domain={[0, 1]} />
          <Tooltip {...TOOLTIP_THEME} formatter={(v) => formatRate(Number(v))} />
          <Legend />
          <Line dataKey="aiShare" name="AI involvement" stroke="var(--claimed)" strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line dataKey="verified" name="Verified AI resolution" stroke="var(--verified)" strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
