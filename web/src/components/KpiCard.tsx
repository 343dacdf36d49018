import { workspaceLink } from '../api/workspace-scope';
import type { Card } from '../lib/summary-cards';
import { Sparkline } from './Sparkline';

/** A headline number; with `href`, a link to the tickets behind it. */
export function KpiCard({ card, href, onOpen, trend }: { card: Card; href?: string | null; onOpen?: (href: string) => void; trend?: (number | null)[] }) {
  const value = (
    <p className="card-value">
      <span className="card-number">{card.value}</span>
      {href && <span className="sr-only"> (see the tickets)</span>}
    </p>
  );
  return (
    <section className={`card ${card.tone ? `card-${card.tone}` : ''}`} aria-label={card.label}>
      <h2>{card.label}</h2>
      {href && onOpen ? (
        <a
          href={workspaceLink(href)}
          className="card-link"
          onClick={(e) => {
            e.preventDefault();
            onOpen(href);
          }}
        >
          {value}
        </a>
      ) : (
        value
      )}
      <p className="card-detail">{card.detail}</p>
      {card.delta && <p className="card-delta">{card.delta}</p>}
      {trend && trend.length > 1 && <Sparkline values={trend} label={`${card.label}, weekly`} />}
    </section>
  );
}
