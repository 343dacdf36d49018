import { useRef } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatRate, formatRateTick } from '../lib/format';
import type { BucketSpan } from '../lib/maturity';
import { MIN_JUDGED_DRAWN, type TrendRow } from '../lib/quality-series';
import { TOOLTIP_THEME } from './chart-theme';
import { ExportButtons } from './ExportButtons';
import { bucketClick } from './chart-click';

/** AI share of tickets and verified AI resolution over time; takes shaped rows, never fetches. */
export function TrendChart({ rows, spans = [], csv, onPoint }: { rows: TrendRow[]; spans?: BucketSpan[]; csv: { path: string; params: Record<string, string | undefined> }; onPoint?: (bucket: string) => void }) {
  const ref = useRef<HTMLElement>(null);
  return (
    <figure className="chart" aria-label="AI share and verified resolution over time" ref={ref}>
      <figcaption>
        <strong>AI share and verified AI resolution, weekly</strong>
        <ExportButtons name="AI share and verified resolution" csv={csv} chart={() => ref.current} />
      </figcaption>
      <ResponsiveContainer width="100%" height={240}>
        <LineChart title="AI share and verified resolution over time" data={rows} margin={{ top: 8, right: 16, bottom: 4, left: 8 }} {...bucketClick(onPoint)}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          {/* Bands: a shaded bucket covers its own width, not from the point before it (a judged week read as maturing). */}
          <XAxis dataKey="bucket" minTickGap={24} scale="band" />
          <YAxis tickFormatter={formatRateTick} width={48} domain={[0, 1]} />
          {/* Each rate with its n: the week's tickets, or its judged AI-involved tickets. */}
          <Tooltip {...TOOLTIP_THEME} formatter={(v, _n, item) => {
            const r = item.payload as TrendRow;
            return `${formatRate(Number(v))} (n=${(item.dataKey === 'verified' ? r.judged : r.tickets).toLocaleString('en-US')})`;
          }} />
          <Legend />
          {spans.map((s) => (
            <ReferenceArea key={`${s.state}-${s.from}`} x1={s.from} x2={s.to} fill="var(--muted)" fillOpacity={0.1} stroke="var(--muted)" strokeDasharray="4 3" label={{ value: s.state, position: s.state === 'partial' ? 'insideBottom' : 'insideTop', fontSize: 11, fill: 'var(--muted)' }} ifOverflow="extendDomain" />
          ))}
          <Line dataKey="aiShare" name="AI involvement" stroke="var(--claimed)" strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line dataKey="verified" name="Verified AI resolution" stroke="var(--verified)" strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
      {spans.length > 0 && <p className="muted small chart-note">Shaded: {[...new Set(spans.map((s) => s.label))].join('; ')}.</p>}
      {rows.some((r) => r.judged > 0 && r.judged < MIN_JUDGED_DRAWN) && (
        <p className="muted small chart-note">Weeks with fewer than {MIN_JUDGED_DRAWN} judged AI-involved tickets draw no verified point (too few to read a rate from).</p>
      )}
    </figure>
  );
}
