import type { Card } from '../lib/summary-cards';

export function KpiCard({ card }: { card: Card }) {
  return (
    <section className={`card ${card.tone ? `card-${card.tone}` : ''}`} aria-label={card.label}>
      <h2>{card.label}</h2>
      <p className="card-value">{card.value}</p>
      <p className="card-detail">{card.detail}</p>
    </section>
  );
}
