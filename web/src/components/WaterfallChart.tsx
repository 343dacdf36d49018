import { useRef } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney, formatMoneyTick, moneyScale } from '../lib/format';
import { WaterfallStep, stepColor, waterfallAxis, waterfallCsv } from '../lib/savings-waterfall';
import { TOOLTIP_THEME } from './chart-theme';
import { ExportButtons } from './ExportButtons';

/** Claimed to verified savings as floating bars; takes the shaped steps, never fetches. */
export function WaterfallChart({ steps, currency, csv, onStep }: { steps: WaterfallStep[]; currency: string; csv?: { path: string; params: Record<string, string | undefined> }; onStep?: (name: string) => void }) {
  const ref = useRef<HTMLElement>(null);
  return (
    <figure className="chart" aria-label="From claimed to verified savings" ref={ref}>
      <ExportButtons name="savings waterfall" csv={csv} table={() => waterfallCsv(steps, currency)} chart={() => ref.current} />
      <ResponsiveContainer width="100%" height={300}>
        <BarChart title="From claimed to verified savings" data={steps} margin={{ top: 12, right: 16, bottom: 4, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" interval={0} tick={{ fontSize: 11 }} angle={-20} textAnchor="end" height={64} />
          <YAxis tickFormatter={(v: number) => formatMoneyTick(v, currency)} width={90} {...waterfallAxis(steps)} />
          <ReferenceLine y={0} stroke="var(--muted)" />
          {/* The step's own name and signed value (not the bar's [from, to] data key, "range"). */}
          <Tooltip {...TOOLTIP_THEME} formatter={(_v, _n, item) => [formatMoney((item.payload as WaterfallStep).value, currency, moneyScale(steps.map((s) => s.value))), (item.payload as WaterfallStep).name]} />
          <Bar dataKey="range" isAnimationActive={false} onClick={(d) => onStep?.((d as unknown as { name: string }).name)} style={onStep ? { cursor: 'pointer' } : undefined}>
            {steps.map((s) => (
              <Cell key={s.name} fill={stepColor(s)} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      <figcaption>What each check takes away from the naive claim: resolutions too young to judge, reopened, or followed by the customer coming back within 7 days (and, when switched off, those rated 1–2); durable ones priced at their own category's human cost instead of the average; then what the AI costs. Below verified: the handoff tax (escalated tickets' human time beyond like-for-like human tickets) and the fixed costs, down to net.{onStep ? ' Each bar opens its tickets.' : ''}</figcaption>
    </figure>
  );
}
