import { useRef } from 'react';
import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatRate, formatRateTick } from '../lib/format';
import type { BucketSpan } from '../lib/maturity';
import { highestValue, isAlone } from '../lib/quality-series';
import type { Annotation, QualityRow } from '../lib/quality-series';
import { TOOLTIP_THEME } from './chart-theme';
import { ExportButtons } from './ExportButtons';
import { bucketClick } from './chart-click';

interface LineSpec {
  key: keyof QualityRow;
  name: string;
  color: string;
}

/** A rate chart over time, with optional Wilson bands and alert annotations; takes shaped data. */
export function QualityChart({
  title,
  rows,
  lines,
  bands = [],
  annotations = [],
  spans = [],
  csv,
  onPoint,
  emptyReason = 'No tickets to judge in this range.',
}: {
  title: string;
  rows: QualityRow[];
  lines: LineSpec[];
  bands?: LineSpec[];
  annotations?: Annotation[];
  /** Maturing and partial buckets: shaded and labelled, their values left out by the caller. */
  spans?: BucketSpan[];
  csv?: { path: string; params: Record<string, string | undefined> };
  /** A click on a day: open the tickets behind that point. */
  onPoint?: (bucket: string) => void;
  /** What the range's tickets lack when nothing can be drawn (quality-series.ts emptyReasons). */
  emptyReason?: string;
}) {
  const ref = useRef<HTMLElement>(null);
  const nothing = rows.every((r) => lines.every((l) => r[l.key] === null));
  const top = highestValue(rows, [...lines, ...bands].map((l) => l.key));
  return (
    <figure className="chart" aria-label={title} ref={ref}>
      <figcaption>
        <strong>{title}</strong>
        <ExportButtons name={title} csv={csv} chart={() => ref.current} />
      </figcaption>
      {nothing && (
        <p className="state">
          {spans.length > 0 ? 'Not judged yet: every day in this range is maturing, not over or still being processed. Widen the range to see judged days.' : emptyReason}
        </p>
      )}
      <ResponsiveContainer width="100%" height={240}>
        <ComposedChart title={title} data={rows} margin={{ top: 8, right: 16, bottom: 4, left: 8 }} {...bucketClick(onPoint)}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          {/* Bands: a shaded bucket covers its own width, not from the point before it (a judged week read as maturing). */}
          <XAxis dataKey="bucket" minTickGap={24} scale="band" />
          {/* All zero: 'auto' made the axis 0-400%; a tenth keeps 0% at the bottom, readable. */}
          <YAxis tickFormatter={formatRateTick} width={56} domain={[0, top > 0 ? 'auto' : 0.1]} />
          {/* A rate with its n (answers, resolved or AI-involved tickets of the bucket); a band as its range. */}
          <Tooltip
            {...TOOLTIP_THEME}
            formatter={(v, _name, item) => {
              if (Array.isArray(v)) return `${formatRate(Number(v[0]))}–${formatRate(Number(v[1]))}`;
              const n = (item.payload as QualityRow).n[item.dataKey as keyof QualityRow['n']];
              return n === undefined ? formatRate(Number(v)) : `${formatRate(Number(v))} (n=${n.toLocaleString('en-US')})`;
            }}
          />
          <Legend />
          {spans.map((s) => (
            <ReferenceArea key={`${s.state}-${s.from}`} x1={s.from} x2={s.to} fill="var(--muted)" fillOpacity={0.1} stroke="var(--muted)" strokeDasharray="4 3" label={{ value: s.state, position: s.state === 'partial' ? 'insideBottom' : 'insideTop', fontSize: 11, fill: 'var(--muted)' }} ifOverflow="extendDomain" />
          ))}
          {annotations.map((a) => (
            <ReferenceArea key={a.id} x1={a.from} x2={a.to} fill="var(--cost)" fillOpacity={0.12} label={{ value: '⚠', position: 'insideTop' }} ifOverflow="extendDomain" />
          ))}
          {bands.map((b) => (
            <Area key={b.key} dataKey={b.key} name={b.name} stroke="none" fill={b.color} fillOpacity={0.15} isAnimationActive={false} connectNulls={false} />
          ))}
          {lines.map((l) => (
            <Line
              key={l.key}
              dataKey={l.key}
              name={l.name}
              stroke={l.color}
              // A day with a value between two without one is a line of no length: a dot instead.
              dot={(d: { index: number; cx?: number; cy?: number }) => (isAlone(rows, l.key, d.index) && d.cx !== undefined && d.cy !== undefined ? <circle key={d.index} cx={d.cx} cy={d.cy} r={3} fill={l.color} /> : <g key={d.index} />)}
              strokeWidth={2}
              isAnimationActive={false}
              connectNulls={false}
            />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
      {spans.length > 0 && <p className="muted small chart-note">Shaded: {[...new Set(spans.map((s) => s.label))].join('; ')}.</p>}
    </figure>
  );
}
