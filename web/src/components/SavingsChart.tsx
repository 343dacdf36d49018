import { useRef } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney, formatMoneyTick } from '../lib/format';
import type { SavingsBar } from '../lib/summary-cards';
import { TOOLTIP_THEME } from './chart-theme';
import { ExportButtons } from './ExportButtons';

/** Claimed vs verified savings; takes shaped data, never fetches. */
export function SavingsChart({ bars, currency, csv, emptyReason }: { bars: SavingsBar[]; currency: string; csv?: { path: string; params: Record<string, string | undefined> }; emptyReason: string }) {
  const ref = useRef<HTMLElement>(null);
  return (
    <figure className="chart" aria-label="Claimed versus verified savings" ref={ref}>
      <ExportButtons name="claimed vs verified savings" csv={csv} chart={() => ref.current} />
      {bars.length === 0 ? (
        <p className="state">No claimed or verified saving to draw: {emptyReason}.</p>
      ) : (
        <ResponsiveContainer width="100%" height={260}>
          <BarChart title="Claimed versus verified savings" data={bars} margin={{ top: 12, right: 16, bottom: 4, left: 16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" />
            <YAxis tickFormatter={(v: number) => formatMoneyTick(v, currency)} width={90} />
            {/* Zero always on the axis (bars of one sign otherwise start at their smallest value), with round ticks. */}
            <ReferenceLine y={0} stroke="currentColor" ifOverflow="extendDomain" />
            <Tooltip {...TOOLTIP_THEME} formatter={(v) => formatMoney(Number(v), currency)} />
            <Bar dataKey="value" isAnimationActive={false}>
              {bars.map((b) => (
                <Cell key={b.name} fill={b.name === 'Claimed' ? 'var(--claimed)' : b.value < 0 ? 'var(--cost)' : 'var(--verified)'} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      )}
      <figcaption>Every AI resolution priced at the average human ticket (claimed), against durable AI resolutions priced like for like by category, minus what the AI costs (verified).</figcaption>
    </figure>
  );
}
