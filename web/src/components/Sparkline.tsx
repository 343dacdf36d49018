import { Line, LineChart } from 'recharts';

/** A tiny trend line; takes the values, never fetches. */
export function Sparkline({ values, label }: { values: (number | null)[]; label: string }) {
  return (
    <span role="img" aria-label={label}>
      <LineChart accessibilityLayer={false} width={110} height={28} data={values.map((v, i) => ({ i, v }))}>
        <Line dataKey="v" stroke="var(--verified)" dot={false} strokeWidth={1.5} isAnimationActive={false} connectNulls />
      </LineChart>
    </span>
  );
}
